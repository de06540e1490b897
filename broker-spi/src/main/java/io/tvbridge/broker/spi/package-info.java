/**
 * The contract between tvbridge and a broker plugin: a {@link io.tvbridge.broker.spi.BrokerFactory}
 * found through {@link java.util.ServiceLoader} creates a {@link io.tvbridge.broker.spi.Broker},
 * which reports back through a {@link io.tvbridge.broker.spi.BrokerListener}. JDK types only.
 */
package io.tvbridge.broker.spi;

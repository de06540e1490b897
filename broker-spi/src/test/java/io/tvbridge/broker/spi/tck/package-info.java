/** The broker compatibility kit: the broker contract as tests any broker module runs against its fake venue. */
package io.tvbridge.broker.spi.tck;

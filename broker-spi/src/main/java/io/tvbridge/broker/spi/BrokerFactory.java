package io.tvbridge.broker.spi;

import java.util.List;

/**
 * Entry point of a broker plugin, listed in
 * {@code META-INF/services/io.tvbridge.broker.spi.BrokerFactory}.
 *
 * <p>tvbridge finds factories with {@link java.util.ServiceLoader}, on its own class path
 * and in every jar of the data directory's {@code plugins/} folder. A plugin jar is loaded
 * through its own class loader that sees this package, the JDK and the jar itself, nothing
 * else of tvbridge. The factory needs a public no-argument constructor, and its methods
 * other than {@link #create} must be cheap and must not touch the network.
 */
public interface BrokerFactory {

    /** The name users select the broker by, {@code BROKER=<name>}: lower case letters, digits, {@code -}. */
    String name();

    /** One line for {@code tvbridge brokers}. */
    String description();

    /** The plugin's version; by default the {@code Implementation-Version} of its jar. */
    default String version() {
        String version = getClass().getPackage().getImplementationVersion();
        return version == null ? "unknown" : version;
    }

    /**
     * Every configuration key the broker reads. Keys are kebab-case; the user sets them as
     * environment variables named {@code <NAME>_<KEY>} in upper snake case (key
     * {@code starting-cash} of broker {@code paper} is {@code PAPER_STARTING_CASH}).
     * Keys marked secret are masked wherever configuration is shown.
     */
    List<ConfigKey> configKeys();

    /**
     * Creates a broker. Called once at start-up, on the main thread, before any order.
     * Must not block on the network: connecting happens in {@link Broker#connect()}.
     *
     * @throws BrokerException of kind {@link BrokerException.Kind#CONFIGURATION} when the
     *     configuration is missing a required key, holds an unknown key, or a value is invalid;
     *     the message names the environment variable to fix
     */
    Broker create(BrokerConfig config, BrokerContext context) throws BrokerException;
}

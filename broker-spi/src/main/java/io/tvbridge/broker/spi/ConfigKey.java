package io.tvbridge.broker.spi;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One configuration key a broker reads, as listed by {@code tvbridge brokers}.
 *
 * @param name         kebab-case key, e.g. {@code starting-cash}
 * @param description  one line saying what it means
 * @param defaultValue the value used when it is not set; empty when there is none
 * @param required     whether the broker refuses to start without it
 * @param secret       whether its value is masked wherever configuration is shown
 */
public record ConfigKey(String name, String description, Optional<String> defaultValue, boolean required,
                        boolean secret) {
    private static final Pattern KEBAB = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    public ConfigKey {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(defaultValue, "defaultValue");
        if (!KEBAB.matcher(name).matches()) {
            throw new IllegalArgumentException("config key must be kebab-case: " + name);
        }
    }

    public static ConfigKey optional(String name, String defaultValue, String description) {
        return new ConfigKey(name, description, Optional.ofNullable(defaultValue), false, false);
    }

    public static ConfigKey required(String name, String description) {
        return new ConfigKey(name, description, Optional.empty(), true, false);
    }

    public static ConfigKey secret(String name, String description) {
        return new ConfigKey(name, description, Optional.empty(), true, true);
    }

    /** The environment variable that sets this key for broker {@code brokerName}: {@code PAPER_STARTING_CASH}. */
    public String environmentName(String brokerName) {
        return (brokerName + "_" + name).replace('-', '_').toUpperCase(Locale.ROOT);
    }
}

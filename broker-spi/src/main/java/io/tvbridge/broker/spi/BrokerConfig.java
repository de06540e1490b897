package io.tvbridge.broker.spi;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The configuration handed to {@link BrokerFactory#create}: the broker's kebab-case keys
 * and their values as the user set them (defaults not filled in), plus the account chosen
 * for it, if any. Typed getters apply the declared defaults and name the environment
 * variable in every error. {@link #toString()} masks secret values.
 */
public final class BrokerConfig {
    private final String brokerName;
    private final Map<String, String> values;
    private final Map<String, ConfigKey> keys;

    public BrokerConfig(String brokerName, Map<String, String> values, List<ConfigKey> keys) {
        this.brokerName = Objects.requireNonNull(brokerName, "brokerName");
        this.values = Map.copyOf(values);
        this.keys = keys.stream().collect(Collectors.toMap(ConfigKey::name, Function.identity(),
                (a, b) -> a, TreeMap::new));
    }

    public String brokerName() {
        return brokerName;
    }

    /**
     * Refuses keys the broker does not declare and missing required keys, so a typo in an
     * environment variable is reported instead of silently ignored.
     */
    public BrokerConfig validated() throws BrokerException {
        Set<String> unknown = new TreeSet<>(values.keySet());
        unknown.removeAll(keys.keySet());
        if (!unknown.isEmpty()) {
            throw configError("unknown setting " + unknown.stream().map(this::environmentName)
                    .collect(Collectors.joining(", ")) + " for broker " + brokerName + "; known: "
                    + keys.keySet().stream().map(this::environmentName).collect(Collectors.joining(", ")));
        }
        for (ConfigKey key : keys.values()) {
            if (key.required() && key.defaultValue().isEmpty() && text(key.name()).isEmpty()) {
                throw configError(environmentName(key.name()) + " is required by broker " + brokerName
                        + " (" + key.description() + ")");
            }
        }
        return this;
    }

    /** The value set by the user, or the key's declared default, or empty. */
    public Optional<String> text(String key) {
        ConfigKey declared = declared(key);
        String value = values.get(key);
        if (value != null && !value.isBlank()) {
            return Optional.of(value.trim());
        }
        return declared.defaultValue();
    }

    public String require(String key) throws BrokerException {
        return text(key).orElseThrow(() -> configError(environmentName(key) + " is required by broker " + brokerName));
    }

    public BigDecimal decimal(String key) throws BrokerException {
        return parse(key, BigDecimal::new, "a number");
    }

    public int integer(String key) throws BrokerException {
        return parse(key, Integer::parseInt, "a whole number");
    }

    public boolean bool(String key) throws BrokerException {
        return parse(key, text -> switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new IllegalArgumentException(text);
        }, "true or false");
    }

    /** A duration given in seconds ({@code 30}, {@code 2.5}). */
    public Duration seconds(String key) throws BrokerException {
        BigDecimal seconds = decimal(key);
        if (seconds.signum() < 0) {
            throw configError(environmentName(key) + " must not be negative: " + seconds.toPlainString());
        }
        return Duration.ofMillis(seconds.movePointRight(3).longValue());
    }

    public String environmentName(String key) {
        ConfigKey declared = keys.get(key);
        return declared != null ? declared.environmentName(brokerName)
                : (brokerName + "_" + key).replace('-', '_').toUpperCase(Locale.ROOT);
    }

    private <T> T parse(String key, Function<String, T> parser, String expected) throws BrokerException {
        String text = require(key);
        try {
            return parser.apply(text);
        } catch (RuntimeException e) {
            throw configError(environmentName(key) + " must be " + expected + " but was '"
                    + (declared(key).secret() ? "***" : text) + "'");
        }
    }

    private ConfigKey declared(String key) {
        ConfigKey declared = keys.get(key);
        if (declared == null) {
            throw new IllegalArgumentException("broker " + brokerName + " reads undeclared key " + key);
        }
        return declared;
    }

    private BrokerException configError(String message) {
        return new BrokerException(BrokerException.Kind.CONFIGURATION, message);
    }

    @Override
    public String toString() {
        return brokerName + values.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + (keys.containsKey(e.getKey()) && keys.get(e.getKey()).secret()
                        ? "***" : e.getValue()))
                .collect(Collectors.joining(", ", "{", "}"));
    }
}

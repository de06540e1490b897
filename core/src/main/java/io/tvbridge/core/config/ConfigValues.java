package io.tvbridge.core.config;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Configuration variables from several sources, the first source that sets a name winning
 * (options, then the environment, then {@code .env}, then the generated secrets file).
 * Typed getters name the variable in every error.
 */
public final class ConfigValues {
    private final Map<String, String> values;

    private ConfigValues(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /** Layers sources, highest precedence first. Blank values count as unset. */
    @SafeVarargs
    public static ConfigValues layered(Map<String, String>... sources) {
        Map<String, String> merged = new LinkedHashMap<>();
        for (Map<String, String> source : sources) {
            source.forEach((name, value) -> {
                if (value != null && !value.isBlank()) {
                    merged.putIfAbsent(name, value.strip());
                }
            });
        }
        return new ConfigValues(merged);
    }

    /** This configuration with {@code lower} filling the names it does not set. */
    public ConfigValues over(Map<String, String> lower) {
        return layered(values, lower);
    }

    /**
     * The values one account of several sees: {@code LIVE_MAX_POSITION_SIZE} read as
     * {@code MAX_POSITION_SIZE} for the account {@code live} (prefix {@code LIVE_}), over the
     * daemon's own values, which every account shares unless it sets its own.
     */
    public ConfigValues scoped(String prefix) {
        return scoped(prefix, Map.of());
    }

    /** As {@link #scoped(String)}, with {@code defaults} between the account's own values and these. */
    public ConfigValues scoped(String prefix, Map<String, String> defaults) {
        Map<String, String> own = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            if (name.startsWith(prefix) && name.length() > prefix.length()) {
                own.put(name.substring(prefix.length()), value);
            }
        });
        return layered(own, defaults, values);
    }

    public Optional<String> text(String name) {
        return Optional.ofNullable(values.get(name));
    }

    public String text(String name, String defaultValue) {
        return text(name).orElse(defaultValue);
    }

    public int integer(String name, int defaultValue, int min, int max) {
        Optional<String> text = text(name);
        if (text.isEmpty()) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(text.get());
            if (value < min || value > max) {
                throw new ConfigException(name + " must be between " + min + " and " + max + ", but is " + value);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new ConfigException(name + " must be a whole number, but is '" + text.get() + "'");
        }
    }

    public BigDecimal decimal(String name, BigDecimal defaultValue) {
        Optional<String> text = text(name);
        try {
            return text.map(BigDecimal::new).orElse(defaultValue);
        } catch (NumberFormatException e) {
            throw new ConfigException(name + " must be a number, but is '" + text.get() + "'");
        }
    }

    public boolean bool(String name, boolean defaultValue) {
        Optional<String> text = text(name);
        if (text.isEmpty()) {
            return defaultValue;
        }
        return switch (text.get().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new ConfigException(name + " must be true or false, but is '" + text.get() + "'");
        };
    }

    /** A duration in seconds. */
    public Duration seconds(String name, Duration defaultValue) {
        Optional<String> text = text(name);
        if (text.isEmpty()) {
            return defaultValue;
        }
        try {
            long seconds = Long.parseLong(text.get());
            if (seconds < 0) {
                throw new ConfigException(name + " must not be negative, but is " + seconds);
            }
            return Duration.ofSeconds(seconds);
        } catch (NumberFormatException e) {
            throw new ConfigException(name + " must be a whole number of seconds, but is '" + text.get() + "'");
        }
    }

    public Path path(String name, String defaultValue) {
        return Path.of(text(name, defaultValue));
    }

    /**
     * The variables that start with {@code prefix}, renamed to kebab-case keys without it:
     * {@code PAPER_STARTING_CASH} with prefix {@code PAPER_} is {@code starting-cash}.
     */
    public Map<String, String> withPrefix(String prefix) {
        Map<String, String> keys = new TreeMap<>();
        values.forEach((name, value) -> {
            if (name.startsWith(prefix) && name.length() > prefix.length()) {
                keys.put(name.substring(prefix.length()).toLowerCase(Locale.ROOT).replace('_', '-'), value);
            }
        });
        return keys;
    }

    public List<String> names() {
        return new ArrayList<>(values.keySet());
    }
}

package io.tvbridge.core.settings;

import io.tvbridge.core.config.ConfigException;
import io.tvbridge.core.config.ConfigValues;
import io.tvbridge.core.store.AuditEntry;
import io.tvbridge.core.store.Store;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The settings table: seeded from the environment on first start (a setting the table does not
 * hold yet takes its variable's value, or its default), then changed only through
 * {@link #update}, which checks every value, stores the change and audits it with the old and
 * new value. Listeners (the decision stage) hear every accepted change.
 */
public final class SettingsService {
    private final Store store;
    private final Clock clock;
    private final List<Consumer<RiskSettings>> listeners = new CopyOnWriteArrayList<>();
    private volatile Map<String, String> values;
    private volatile RiskSettings current;

    public SettingsService(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Reads the table, storing the settings it does not hold yet from {@code environment} or their defaults. */
    public RiskSettings load(ConfigValues environment) {
        try {
            values = seed(environment);
        } catch (ConfigException e) {
            throw e;
        } catch (RuntimeException e) {
            // on a shared database another instance may have stored the same setting a moment ago: read it
            values = seed(environment);
        }
        current = build(values, "the environment");
        return current;
    }

    private Map<String, String> seed(ConfigValues environment) {
        Instant now = clock.instant();
        return store.inTransaction(session -> {
            Map<String, String> stored = new LinkedHashMap<>(session.settings());
            for (Setting setting : Setting.values()) {
                if (stored.containsKey(setting.key())) {
                    continue;
                }
                String fromEnvironment = environment.text(setting.environmentName()).orElse(null);
                String value;
                try {
                    value = setting.validate(fromEnvironment == null ? setting.defaultValue() : fromEnvironment);
                } catch (IllegalArgumentException e) {
                    throw new ConfigException(setting.environmentName() + ": " + e.getMessage());
                }
                String source = fromEnvironment == null ? "default" : "env";
                session.putSetting(setting.key(), value, now, source);
                session.audit(new AuditEntry(now, source, "settings.seeded", setting.key() + " = " + value));
                stored.put(setting.key(), value);
            }
            return Map.copyOf(stored);
        });
    }

    public RiskSettings current() {
        return current;
    }

    /** Every setting's stored value, by name. */
    public Map<String, String> values() {
        return values;
    }

    public void addListener(Consumer<RiskSettings> listener) {
        listeners.add(listener);
    }

    /**
     * Changes settings, all or none: each value is checked, the settings as a whole must make
     * sense, and every change is audited with {@code actor}.
     *
     * @throws IllegalArgumentException naming the setting and what it must be, for an unknown
     *     setting or an invalid value
     */
    public synchronized RiskSettings update(Map<String, String> changes, String actor) {
        Objects.requireNonNull(actor, "actor");
        Map<String, String> next = new LinkedHashMap<>(values);
        Map<String, String> changed = new LinkedHashMap<>();
        for (Map.Entry<String, String> change : changes.entrySet()) {
            Setting setting = Setting.byKey(change.getKey()).orElseThrow(() -> new IllegalArgumentException(
                    "unknown setting '" + change.getKey() + "'"));
            String value = setting.validate(change.getValue());
            if (!value.equals(next.get(setting.key()))) {
                changed.put(setting.key(), value);
                next.put(setting.key(), value);
            }
        }
        RiskSettings settings = build(next, "these values");
        Instant now = clock.instant();
        store.inTransaction(session -> {
            changed.forEach((key, value) -> {
                session.putSetting(key, value, now, actor);
                session.audit(new AuditEntry(now, actor, "settings.changed", key + ": " + values.get(key) + " -> "
                        + value));
            });
            return null;
        });
        values = Map.copyOf(next);
        current = settings;
        if (!changed.isEmpty()) {
            listeners.forEach(listener -> listener.accept(settings));
        }
        return settings;
    }

    private static RiskSettings build(Map<String, String> values, String source) {
        try {
            return RiskSettings.of(values);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the settings from " + source + " do not fit together: "
                    + e.getMessage(), e);
        }
    }
}

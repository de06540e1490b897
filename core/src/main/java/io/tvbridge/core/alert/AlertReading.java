package io.tvbridge.core.alert;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a message was read as: its dialect, the orders it asks for (several for a JSON array),
 * the fields each was read from (tvbridge's name → the value as given, with the key it came
 * under), the copy-paste damage repaired on the way, and the secret it carries, if any.
 */
public record AlertReading(AlertDialect dialect, List<Alert> alerts, List<Map<String, String>> fields,
                           List<String> repairs, Optional<String> secret) {
    public AlertReading {
        Objects.requireNonNull(dialect, "dialect");
        alerts = List.copyOf(alerts);
        fields = List.copyOf(fields);
        repairs = List.copyOf(repairs);
        Objects.requireNonNull(secret, "secret");
        if (alerts.isEmpty()) {
            throw new IllegalArgumentException("a reading holds at least one alert");
        }
    }

    /** The one alert of a message that asks for one order. */
    public Alert single() {
        return alerts.get(0);
    }

    @Override
    public String toString() {
        return "AlertReading[dialect=" + dialect + ", alerts=" + alerts + ", repairs=" + repairs + ", secret="
                + secret.map(s -> "***") + "]";
    }
}

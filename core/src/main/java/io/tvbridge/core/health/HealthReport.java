package io.tvbridge.core.health;

import io.tvbridge.broker.spi.model.BrokerHealth;
import java.time.Duration;
import java.util.Objects;

/** The daemon's health at one moment: {@code ok} when the database answers and the broker is connected. */
public record HealthReport(String status, String version, Duration uptime, String brokerName, String brokerVersion,
                           BrokerHealth broker, boolean databaseOk) {
    public HealthReport {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(uptime, "uptime");
        Objects.requireNonNull(brokerName, "brokerName");
        Objects.requireNonNull(brokerVersion, "brokerVersion");
        Objects.requireNonNull(broker, "broker");
    }
}

package io.tvbridge.core.health;

import io.tvbridge.broker.spi.model.BrokerHealth;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The daemon's health at one moment: {@code ok} when the database answers and the broker is
 * connected. {@code databaseKind} is the store's {@link io.tvbridge.core.store.Store#kind()}.
 * {@code circuitBreaker} is closed, open or half_open, with the reason while open.
 * {@code dryRun} says whether orders are only recorded, not sent (the {@code dry_run} setting).
 * {@code instance} names this instance, its role and the engine lease it holds.
 */
public record HealthReport(String status, String version, Duration uptime, String brokerName, String brokerVersion,
                           BrokerHealth broker, boolean databaseOk, String databaseKind, String circuitBreaker,
                           Optional<String> circuitBreakerReason, boolean dryRun, Instance instance) {
    public HealthReport {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(uptime, "uptime");
        Objects.requireNonNull(brokerName, "brokerName");
        Objects.requireNonNull(brokerVersion, "brokerVersion");
        Objects.requireNonNull(broker, "broker");
        Objects.requireNonNull(databaseKind, "databaseKind");
        Objects.requireNonNull(instance, "instance");
    }
}

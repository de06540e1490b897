package io.tvbridge.core.health;

import io.tvbridge.broker.spi.model.BrokerHealth;
import io.tvbridge.core.Version;
import io.tvbridge.core.routing.BrokerHandle;
import io.tvbridge.core.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Answers {@code /health} and {@code /ready}. */
public final class HealthService {
    private final BrokerHandle broker;
    private final Store store;
    private final Clock clock;
    private final Instant startedAt;
    private final Supplier<String> circuitState;
    private final Supplier<Optional<String>> circuitReason;
    private final BooleanSupplier dryRun;
    private final Instance instance;

    public HealthService(BrokerHandle broker, Store store, Clock clock, Instant startedAt,
                         Supplier<String> circuitState, Supplier<Optional<String>> circuitReason,
                         BooleanSupplier dryRun, Instance instance) {
        this.broker = broker;
        this.store = store;
        this.clock = clock;
        this.startedAt = startedAt;
        this.circuitState = circuitState;
        this.circuitReason = circuitReason;
        this.dryRun = dryRun;
        this.instance = instance;
    }

    public HealthReport report() {
        BrokerHealth health = brokerHealth();
        boolean databaseOk = store.healthy();
        String status = databaseOk && health.connected() ? "ok" : "degraded";
        return new HealthReport(status, Version.current(), Duration.between(startedAt, clock.instant()),
                broker.name(), broker.version(), health, databaseOk, store.kind(), circuitState.get(), circuitReason.get(),
                dryRun.getAsBoolean(), instance);
    }

    /** Ready to take orders: the schema is migrated (the store opened) and the broker is connected. */
    public boolean ready() {
        return brokerHealth().connected() && store.healthy();
    }

    /** Whether the broker says it is connected (a failing health check counts as not). */
    public boolean brokerConnected() {
        return brokerHealth().connected();
    }

    private BrokerHealth brokerHealth() {
        try {
            return broker.broker().health();
        } catch (RuntimeException e) {
            // a plugin's health() must not throw; if it does, the broker counts as down
            return new BrokerHealth(false, Optional.empty(), Optional.empty(),
                    "health check failed: " + e.getMessage(), Map.of());
        }
    }
}

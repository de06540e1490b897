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

/**
 * Answers {@code /health} and {@code /ready}: for the instance that trades, from its broker and its
 * store; for a standby (which connects no broker), from the store alone.
 */
public final class HealthService {
    private final String brokerName;
    private final String brokerVersion;
    /** Empty on a standby. */
    private final Optional<BrokerHandle> broker;
    private final Store store;
    private final Clock clock;
    private final Instant startedAt;
    private final Supplier<String> circuitState;
    private final Supplier<Optional<String>> circuitReason;
    private final BooleanSupplier dryRun;
    private final Supplier<Instance> instance;

    public HealthService(BrokerHandle broker, Store store, Clock clock, Instant startedAt,
                         Supplier<String> circuitState, Supplier<Optional<String>> circuitReason,
                         BooleanSupplier dryRun, Supplier<Instance> instance) {
        this(broker.name(), broker.version(), Optional.of(broker), store, clock, startedAt, circuitState,
                circuitReason, dryRun, instance);
    }

    private HealthService(String brokerName, String brokerVersion, Optional<BrokerHandle> broker, Store store,
                          Clock clock, Instant startedAt, Supplier<String> circuitState,
                          Supplier<Optional<String>> circuitReason, BooleanSupplier dryRun,
                          Supplier<Instance> instance) {
        this.brokerName = brokerName;
        this.brokerVersion = brokerVersion;
        this.broker = broker;
        this.store = store;
        this.clock = clock;
        this.startedAt = startedAt;
        this.circuitState = circuitState;
        this.circuitReason = circuitReason;
        this.dryRun = dryRun;
        this.instance = instance;
    }

    /** The health of a standby: it stores alerts into {@code store} for the instance that trades. */
    public static HealthService standby(String brokerName, String brokerVersion, Store store, Clock clock,
                                        Instant startedAt, BooleanSupplier dryRun, Supplier<Instance> instance) {
        return new HealthService(brokerName, brokerVersion, Optional.empty(), store, clock, startedAt,
                () -> "closed", Optional::empty, dryRun, instance);
    }

    public HealthReport report() {
        BrokerHealth health = brokerHealth();
        boolean databaseOk = store.healthy();
        boolean working = broker.isEmpty() || health.connected();
        String status = databaseOk && working ? "ok" : "degraded";
        return new HealthReport(status, Version.current(), Duration.between(startedAt, clock.instant()),
                brokerName, brokerVersion, health, databaseOk, store.kind(), circuitState.get(), circuitReason.get(),
                dryRun.getAsBoolean(), instance.get());
    }

    /**
     * Ready for webhooks: the schema is migrated (the store opened) and answers, and the broker is
     * connected; a standby, which stores alerts for the instance that trades, needs the store only.
     */
    public boolean ready() {
        return (broker.isEmpty() || brokerHealth().connected()) && store.healthy();
    }

    /** Whether the broker says it is connected (a failing health check counts as not; a standby has none). */
    public boolean brokerConnected() {
        return broker.isPresent() && brokerHealth().connected();
    }

    private BrokerHealth brokerHealth() {
        if (broker.isEmpty()) {
            return new BrokerHealth(false, Optional.empty(), Optional.empty(),
                    "not connected here: this instance is a standby; the leader trades", Map.of());
        }
        try {
            return broker.get().broker().health();
        } catch (RuntimeException e) {
            // a plugin's health() must not throw; if it does, the broker counts as down
            return new BrokerHealth(false, Optional.empty(), Optional.empty(),
                    "health check failed: " + e.getMessage(), Map.of());
        }
    }
}

package io.tvbridge.core.health;

import io.tvbridge.core.jobs.JobStatus;
import io.tvbridge.core.model.Reconciliation;
import io.tvbridge.core.risk.RiskUsage;
import io.tvbridge.core.risk.TradingHalt;
import io.tvbridge.core.settings.RiskSettings;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything an operator looks at first: health (broker, connection, database, circuit breaker),
 * the kill switch and the pause, the limits and their use today (empty when the decision stage
 * did not answer in time), the queues, the last reconciliation and the scheduled jobs.
 */
public record DaemonStatus(HealthReport health, TradingHalt halt, RiskSettings settings, Optional<RiskUsage> usage,
                           Queues queues, Optional<Reconciliation> lastReconciliation, List<JobStatus> jobs) {

    /**
     * Work waiting: signals to decide, broker events to record, orders to send or check; signals in
     * the pending queue for their market to open; orders working at the broker.
     */
    public record Queues(int decisions, int ledger, int submitter, int pendingSignals, int ordersWorking) {
    }

    public DaemonStatus {
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(halt, "halt");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(queues, "queues");
        Objects.requireNonNull(lastReconciliation, "lastReconciliation");
        jobs = List.copyOf(jobs);
    }
}

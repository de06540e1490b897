package io.tvbridge.core.health;

import io.tvbridge.core.jobs.JobScheduler;
import io.tvbridge.core.risk.RiskUsage;
import io.tvbridge.core.signal.DecisionStage;
import io.tvbridge.core.store.ListQuery;
import io.tvbridge.core.store.Store;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/** Answers {@code GET /admin/status}: the parts of the daemon an operator looks at first. */
public final class StatusService {
    /** A status must answer even when the decision stage is stuck: then without the limits' use. */
    private static final Duration USAGE_WAIT = Duration.ofSeconds(5);

    private final HealthService health;
    private final DecisionStage decisions;
    private final Supplier<DaemonStatus.Queues> queues;
    private final Store store;
    private final JobScheduler jobs;

    public StatusService(HealthService health, DecisionStage decisions, Supplier<DaemonStatus.Queues> queues,
                         Store store, JobScheduler jobs) {
        this.health = health;
        this.decisions = decisions;
        this.queues = queues;
        this.store = store;
        this.jobs = jobs;
    }

    public DaemonStatus status() {
        return new DaemonStatus(health.report(), decisions.halt(), decisions.settings(), usage(), queues.get(),
                store.inTransaction(session -> session.reconciliations(ListQuery.latest(1)).items().stream()
                        .findFirst()), jobs.jobs());
    }

    private Optional<RiskUsage> usage() {
        try {
            return Optional.of(decisions.usage().get(USAGE_WAIT.toMillis(), TimeUnit.MILLISECONDS));
        } catch (ExecutionException | TimeoutException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}

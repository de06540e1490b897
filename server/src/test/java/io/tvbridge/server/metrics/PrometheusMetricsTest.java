package io.tvbridge.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.tvbridge.core.alert.AlertProblem;
import io.tvbridge.core.health.DaemonStatus;
import io.tvbridge.core.metrics.BridgeMetrics.SubmitResult;
import io.tvbridge.core.model.OrderPhase;
import io.tvbridge.core.model.Outcome;
import io.tvbridge.core.model.Reconciliation;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Each event lands in its meter, under the name and labels the README lists. */
class PrometheusMetricsTest {

    @Test
    void eachEventLandsInItsMeter() {
        try (PrometheusMetrics metrics = new PrometheusMetrics("paper")) {
            metrics.signal(new Outcome.Refused(AlertProblem.Kind.TOO_LARGE, Optional.empty(), "too large"));
            metrics.signal(new Outcome.Unavailable("shutting down"));
            metrics.decisionTime(Duration.ofMillis(3).toNanos());
            metrics.brokerSubmit(SubmitResult.REFUSED, Duration.ofMillis(40).toNanos());
            metrics.brokerSubmit(SubmitResult.UNKNOWN, Duration.ofSeconds(5).toNanos());
            metrics.orderEnded(OrderPhase.EXPIRED);
            metrics.orderEnded(OrderPhase.DRY_RUN);   // never sent: not an order outcome
            metrics.reconciled(Reconciliation.Outcome.FAILED, 0);
            metrics.reconciled(Reconciliation.Outcome.MISMATCH, 2);
            metrics.rateLimited("webhook");
            metrics.rateLimited("webhook");
            metrics.rateLimited("admin");

            String page = metrics.scrape();

            assertThat(page).contains("tvbridge_signals_total{outcome=\"too_large\"} 1.0",
                    "tvbridge_signals_total{outcome=\"unavailable\"} 1.0",
                    "tvbridge_signals_total{outcome=\"accepted\"} 0.0",
                    "tvbridge_signal_decision_seconds_count 1",
                    "tvbridge_broker_submit_seconds_count{broker=\"paper\",result=\"refused\"} 1",
                    "tvbridge_broker_submit_seconds_count{broker=\"paper\",result=\"unknown\"} 1",
                    "tvbridge_orders_total{outcome=\"expired\"} 1.0",
                    "tvbridge_reconciliations_total{outcome=\"failed\"} 1.0",
                    "tvbridge_reconciliation_mismatches_total 1.0",
                    "tvbridge_rate_limited_total{limit=\"webhook\"} 2.0",
                    "tvbridge_rate_limited_total{limit=\"admin\"} 1.0",
                    "tvbridge_rate_limited_total{limit=\"failed_authentication\"} 0.0");
            assertThat(page).doesNotContain("outcome=\"dry_run\"");
        }
    }

    @Test
    void gaugesReadTheQueuesAndTheBrokerWhenScraped() {
        try (PrometheusMetrics metrics = new PrometheusMetrics("ibkr")) {
            AtomicBoolean connected = new AtomicBoolean(true);
            metrics.watch(() -> new DaemonStatus.Queues(3, 1, 4, 2, 5), "ibkr", connected::get);

            assertThat(metrics.scrape()).contains("tvbridge_broker_connected{broker=\"ibkr\"} 1.0",
                    "tvbridge_queue_depth{queue=\"decisions\"} 3.0", "tvbridge_queue_depth{queue=\"ledger\"} 1.0",
                    "tvbridge_queue_depth{queue=\"submitter\"} 4.0",
                    "tvbridge_queue_depth{queue=\"pending_signals\"} 2.0", "tvbridge_orders_working 5.0");
            connected.set(false);
            assertThat(metrics.scrape()).contains("tvbridge_broker_connected{broker=\"ibkr\"} 0.0");
        }
    }
}

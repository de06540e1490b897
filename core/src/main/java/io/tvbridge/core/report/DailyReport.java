package io.tvbridge.core.report;

import io.tvbridge.core.store.AuditRecord;
import io.tvbridge.core.store.ExpectedPosition;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One trading day at a glance: its profit and loss, signals by decision, orders by status, the
 * number of fills, reconciliations by outcome, every kill, pause, resume and flatten, and the
 * expected positions now.
 */
public record DailyReport(LocalDate day, Instant from, Instant to, PnlReport pnl, Map<String, Long> signals,
                          Map<String, Long> orders, long trades, Map<String, Long> reconciliations,
                          List<AuditRecord> tradingChanges, List<ExpectedPosition> positions) {
    public DailyReport {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(pnl, "pnl");
        signals = Map.copyOf(signals);
        orders = Map.copyOf(orders);
        reconciliations = Map.copyOf(reconciliations);
        tradingChanges = List.copyOf(tradingChanges);
        positions = List.copyOf(positions);
    }
}

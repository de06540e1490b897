package io.tvbridge.core.report;

import io.tvbridge.core.model.Decision;
import io.tvbridge.core.model.OrderPhase;
import io.tvbridge.core.model.Reconciliation;
import io.tvbridge.core.settings.RiskSettings;
import io.tvbridge.core.store.AuditQuery;
import io.tvbridge.core.store.ListQuery;
import io.tvbridge.core.store.Store;
import io.tvbridge.core.store.StoreSession;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/** Builds the {@link DailyReport} of a trading day from the stored rows. */
public final class DailyReporter {
    private static final int MOST_CHANGES = 100;

    private final Store store;
    private final PnlService pnl;
    private final String broker;
    private final Supplier<RiskSettings> settings;
    private final Clock clock;

    public DailyReporter(Store store, PnlService pnl, String broker, Supplier<RiskSettings> settings, Clock clock) {
        this.store = store;
        this.pnl = pnl;
        this.broker = broker;
        this.settings = settings;
        this.clock = clock;
    }

    /** The report of {@code day}, or of the trading day running now. */
    public DailyReport report(Optional<LocalDate> day) {
        RiskSettings current = settings.get();
        Instant now = clock.instant();
        LocalDate date = day.orElse(Period.tradingDay(now, current));
        Instant from = Period.startOf(date, current);
        Instant to = Period.startOf(date.plusDays(1), current);
        if (from.isAfter(now)) {
            throw new IllegalArgumentException("the trading day " + date + " has not begun yet");
        }
        boolean running = now.isBefore(to);
        PnlReport result = pnl.report("day", from, running ? now : to, running);
        return store.inTransaction(session -> {
            Map<String, Long> signals = new TreeMap<>();
            for (Decision decision : Decision.values()) {
                long count = count(session, decision.name(), from, to, Counted.SIGNALS);
                if (decision != Decision.STORED || count > 0) {   // undecided ones exist only beside standbys
                    signals.put(decision.wireName(), count);
                }
            }
            Map<String, Long> orders = new TreeMap<>();
            for (OrderPhase phase : OrderPhase.values()) {
                long count = count(session, phase.name(), from, to, Counted.ORDERS);
                if (count > 0) {
                    orders.put(phase.name().toLowerCase(Locale.ROOT), count);
                }
            }
            Map<String, Long> reconciliations = new TreeMap<>();
            for (Reconciliation.Outcome outcome : Reconciliation.Outcome.values()) {
                reconciliations.put(outcome.wireName(), count(session, outcome.name(), from, to,
                        Counted.RECONCILIATIONS));
            }
            var changes = session.auditLog(new AuditQuery(Optional.empty(), Optional.of("trading"), Optional.of(from),
                    Optional.of(to), MOST_CHANGES, 0)).items();
            var positions = session.positions(broker).stream().filter(p -> p.quantity().signum() != 0).toList();
            return new DailyReport(date, from, to, result, signals, orders, result.total().trades(), reconciliations,
                    changes, positions);
        });
    }

    private enum Counted { SIGNALS, ORDERS, RECONCILIATIONS }

    private static long count(StoreSession session, String status, Instant from, Instant to, Counted what) {
        ListQuery query = new ListQuery(Optional.empty(), Optional.empty(), Optional.of(status), Optional.of(from),
                Optional.of(to), 1, 0);
        return switch (what) {
            case SIGNALS -> session.signals(query).total();
            case ORDERS -> session.orders(query).total();
            case RECONCILIATIONS -> session.reconciliations(query).total();
        };
    }
}

package io.tvbridge.server;

import io.tvbridge.broker.spi.model.ClientOrderId;
import io.tvbridge.broker.spi.model.Position;
import io.tvbridge.core.alert.CancelScope;
import io.tvbridge.core.jobs.JobStatus;
import io.tvbridge.core.model.PositionDifference;
import io.tvbridge.core.model.Reconciliation;
import io.tvbridge.core.report.DailyReport;
import io.tvbridge.core.report.PnlLine;
import io.tvbridge.core.report.PnlReport;
import io.tvbridge.core.risk.TradingHalt;
import io.tvbridge.core.store.AuditRecord;
import io.tvbridge.core.store.ExpectedPosition;
import io.tvbridge.core.store.Page;
import io.tvbridge.core.store.PendingSignal;
import io.tvbridge.core.store.StoredFill;
import io.tvbridge.core.store.StoredOrder;
import io.tvbridge.core.store.StoredSignal;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** The JSON shapes of the admin API (snake_case on the wire), each built from core's records. */
final class AdminViews {
    private AdminViews() {
    }

    /** One page of a list. */
    record Listing<T>(List<T> items, long total, int limit, int offset) {
        static <S, T> Listing<T> of(Page<S> page, Function<S, T> view) {
            return new Listing<>(page.items().stream().map(view).toList(), page.total(), page.limit(), page.offset());
        }
    }

    /** A switch of {@link TradingHalt}: on or off, and by whom, why, since when. */
    record Switch(boolean on, Optional<String> actor, Optional<String> reason, Optional<Instant> since) {
        static Switch of(Optional<TradingHalt.Switch> value) {
            return new Switch(value.isPresent(), value.map(TradingHalt.Switch::actor),
                    value.map(TradingHalt.Switch::reason), value.map(TradingHalt.Switch::since));
        }
    }

    record Halt(Switch kill, Switch pause) {
        static Halt of(TradingHalt halt) {
            return new Halt(Switch.of(halt.kill()), Switch.of(halt.pause()));
        }
    }

    /** A stored signal; a cancel shows which working orders it cancels instead of an order type. */
    record Signal(long id, Instant receivedAt, String action, Optional<String> symbol, Optional<BigDecimal> quantity,
                  Optional<BigDecimal> targetPosition, Optional<String> orderType, Optional<String> cancelOrderType,
                  Optional<BigDecimal> price, Optional<String> strategy, Optional<String> alertId, String decision,
                  Optional<String> reason, boolean dryRun, int duplicates, Optional<String> source, String dialect,
                  String quantityUnit) {
        static Signal of(StoredSignal s) {
            Optional<String> cancels = s.alert().cancels().map(CancelScope::wireName);
            return new Signal(s.id(), s.receivedAt(), word(s.alert().action()), s.alert().symbol(),
                    s.alert().quantity(), s.alert().targetPosition(),
                    cancels.isPresent() ? Optional.empty() : Optional.of(word(s.alert().orderType())), cancels,
                    s.alert().price(), s.alert().strategy(), s.alert().alertId(), s.decision().wireName(), s.reason(),
                    s.dryRun(), s.duplicates(), s.sourceAddress(), s.alert().dialect().wireName(),
                    s.alert().quantityUnit().wireName());
        }
    }

    /** A signal waiting in the pending queue for its market to open, with the alert it carries. */
    record Pending(long signalId, String symbol, String assetClass, boolean outsideRth, Instant queuedAt,
                   Instant opensAt, Optional<Signal> signal) {
        static Pending of(PendingSignal p, Optional<StoredSignal> signal) {
            return new Pending(p.signalId(), p.symbol(), word(p.assetClass()), p.outsideRegularHours(), p.queuedAt(),
                    p.releaseAt(), signal.map(Signal::of));
        }
    }

    record Order(String clientOrderId, long signalId, String broker, String symbol, String side, BigDecimal quantity,
                 String type, Optional<BigDecimal> limitPrice, Optional<BigDecimal> stopPrice, String status,
                 BigDecimal filledQuantity, Optional<BigDecimal> averageFillPrice, Optional<String> brokerOrderId,
                 Optional<String> reason, Optional<String> parent, boolean opens, Instant createdAt,
                 Instant updatedAt) {
        static Order of(StoredOrder o) {
            return new Order(o.clientOrderId().value(), o.signalId(), o.broker(), o.symbol(), word(o.side()),
                    o.quantity(), word(o.type()), o.limitPrice(), o.stopPrice(), word(o.phase()), o.filledQuantity(),
                    o.averageFillPrice(), o.brokerOrderId(), o.reason(), o.parent().map(ClientOrderId::value),
                    o.opens(), o.createdAt(), o.updatedAt());
        }
    }

    record Trade(String executionId, String clientOrderId, String broker, String symbol, String side,
                 BigDecimal quantity, BigDecimal price, BigDecimal commission, String currency, BigDecimal realizedPnl,
                 Optional<String> strategy, Instant filledAt) {
        static Trade of(StoredFill f) {
            return new Trade(f.fill().executionId(), f.fill().clientOrderId().value(), f.broker(), f.fill().symbol(),
                    word(f.fill().side()), f.fill().quantity(), f.fill().price(), f.fill().commission(),
                    f.fill().commissionCurrency(), f.realizedPnl(), f.strategy(), f.fill().time());
        }
    }

    record AuditLine(long id, Instant at, String actor, String action, String details) {
        static AuditLine of(AuditRecord r) {
            return new AuditLine(r.id(), r.entry().at(), r.entry().actor(), r.entry().action(), r.entry().details());
        }
    }

    record Difference(String symbol, BigDecimal expected, BigDecimal actual, BigDecimal difference) {
        static Difference of(PositionDifference d) {
            return new Difference(d.symbol(), d.expected(), d.actual(), d.difference());
        }
    }

    record ReconciliationView(long id, Instant at, String broker, String actor, String outcome, int positionsChecked,
                              List<Difference> differences, String details, Optional<Instant> resolvedAt,
                              Optional<String> resolvedBy) {
        static ReconciliationView of(Reconciliation r) {
            return new ReconciliationView(r.id(), r.at(), r.broker(), r.actor(), r.outcome().wireName(),
                    r.positionsChecked(), r.differences().stream().map(Difference::of).toList(), r.details(),
                    r.resolvedAt(), r.resolvedBy());
        }
    }

    record Expected(String symbol, BigDecimal quantity, BigDecimal averageCost, BigDecimal realizedPnl,
                    BigDecimal commissions, BigDecimal multiplier, Instant updatedAt) {
        static Expected of(ExpectedPosition p) {
            return new Expected(p.symbol(), p.quantity(), p.holding().averageCost(), p.holding().realizedPnl(),
                    p.commissions(), p.multiplier(), p.updatedAt());
        }
    }

    record Actual(String symbol, String assetClass, BigDecimal quantity, BigDecimal averageCost, String currency,
                  Optional<BigDecimal> marketPrice, Optional<BigDecimal> unrealizedPnl,
                  Optional<BigDecimal> realizedPnl) {
        static Actual of(Position p) {
            return new Actual(p.symbol(), word(p.assetClass()), p.quantity(), p.averageCost(), p.currency(),
                    p.marketPrice(), p.unrealizedPnl(), p.realizedPnl());
        }
    }

    record Job(String name, String schedule, Optional<Instant> lastRun, Optional<Boolean> lastSucceeded,
               Optional<String> lastOutcome, Optional<Instant> nextRun) {
        static Job of(JobStatus j) {
            return new Job(j.name(), j.schedule(), j.lastRun(), j.lastSucceeded(), j.lastOutcome(), j.nextRun());
        }
    }

    record PnlLineView(String name, BigDecimal realized, Optional<BigDecimal> unrealized, BigDecimal commissions,
                       BigDecimal net, int trades, int wins, int losses, Optional<BigDecimal> winRate,
                       String currency) {
        static PnlLineView of(PnlLine l) {
            return new PnlLineView(l.name(), l.realized(), l.unrealized(), l.commissions(), l.net(), l.trades(),
                    l.wins(), l.losses(), l.winRate(), l.currency());
        }
    }

    record Pnl(String period, Instant from, Instant to, Optional<String> unrealizedSource, PnlLineView total,
               List<PnlLineView> bySymbol, List<PnlLineView> byStrategy, List<String> unvalued) {
        static Pnl of(PnlReport r) {
            return new Pnl(r.period(), r.from(), r.to(), r.unrealizedSource(), PnlLineView.of(r.total()),
                    r.bySymbol().stream().map(PnlLineView::of).toList(),
                    r.byStrategy().stream().map(PnlLineView::of).toList(), r.unvalued());
        }
    }

    record Daily(LocalDate day, Instant from, Instant to, Pnl pnl, Map<String, Long> signals, Map<String, Long> orders,
                 long trades, Map<String, Long> reconciliations, List<AuditLine> tradingChanges,
                 List<Expected> positions) {
        static Daily of(DailyReport r) {
            return new Daily(r.day(), r.from(), r.to(), Pnl.of(r.pnl()), r.signals(), r.orders(), r.trades(),
                    r.reconciliations(), r.tradingChanges().stream().map(AuditLine::of).toList(),
                    r.positions().stream().map(Expected::of).toList());
        }
    }

    static String word(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}

package io.tvbridge.core.signal;

import io.tvbridge.broker.spi.model.AccountSnapshot;
import io.tvbridge.broker.spi.model.ClientOrderId;
import io.tvbridge.broker.spi.model.Fill;
import io.tvbridge.broker.spi.model.OrderType;
import io.tvbridge.broker.spi.model.Side;
import io.tvbridge.broker.spi.model.TimeInForce;
import io.tvbridge.core.alert.Alert;
import io.tvbridge.core.concurrent.BatchWorker;
import io.tvbridge.core.order.LedgerListener;
import io.tvbridge.core.order.OrderIds;
import io.tvbridge.core.order.OrderPhase;
import io.tvbridge.core.order.PlannedOrder;
import io.tvbridge.core.risk.RiskEngine;
import io.tvbridge.core.risk.RiskState;
import io.tvbridge.core.risk.RiskUsage;
import io.tvbridge.core.risk.TradingHalt;
import io.tvbridge.core.routing.BrokerHandle;
import io.tvbridge.core.settings.RiskSettings;
import io.tvbridge.core.store.AuditEntry;
import io.tvbridge.core.store.ExpectedPosition;
import io.tvbridge.core.store.Store;
import io.tvbridge.core.store.StoreSession;
import io.tvbridge.core.store.StoredOrder;
import io.tvbridge.core.store.StoredSignal;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that decides signals. It owns the account's {@link RiskState}, the settings
 * and the kill and pause switches, so every decision sees the effect of every earlier one,
 * however many webhooks arrive at once, and a switch takes effect exactly between two signals.
 *
 * <p>It takes its work in batches: for each signal it checks for a duplicate or a stale
 * alert, plans and sizes the orders, runs the risk checks, and writes the signal and its
 * orders; then it commits the whole batch once, and only after that commit are the webhooks
 * answered and the orders handed to the submitter. An answer therefore always describes
 * something already on disk, and a burst costs one disk write per batch rather than one per
 * request.
 */
public final class DecisionStage implements LedgerListener, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DecisionStage.class);
    private static final int MAX_BATCH = 256;
    private static final String LIMITS_RESET_AT = "limits.reset_at";

    private record Decide(SignalCandidate candidate, CompletableFuture<Outcome> result) {
    }

    /** Work that changes the stage's own state inside the batch's transaction. */
    private record Change(Consumer<StoreSession> work, CompletableFuture<Void> done) {
    }

    private final Store store;
    private final BrokerHandle broker;
    private final OrderPlanner planner;
    private final RiskEngine risk;
    private final OrderIds ids;
    private final Duration duplicateWindow;
    private final Clock clock;
    private final Consumer<StoredOrder> submitter;
    private final Supplier<Optional<String>> circuitOpen;
    private final RiskState state;
    private final BatchWorker<Object> worker;
    /** When an operator last started the day's counters again; the epoch when never. */
    private volatile Instant limitsResetAt = Instant.EPOCH;
    private volatile RiskSettings settings;
    private volatile TradingHalt halt;
    private long lastSignalId;
    private long lastOrderId;

    public DecisionStage(Store store, BrokerHandle broker, OrderPlanner planner, RiskEngine risk, OrderIds ids,
                         Duration duplicateWindow, RiskSettings settings, TradingHalt halt,
                         Supplier<Optional<String>> circuitOpen, Clock clock, Consumer<StoredOrder> submitter) {
        this.store = store;
        this.broker = broker;
        this.planner = planner;
        this.risk = risk;
        this.ids = ids;
        this.duplicateWindow = duplicateWindow;
        this.settings = settings;
        this.halt = halt;
        this.circuitOpen = circuitOpen;
        this.clock = clock;
        this.submitter = submitter;
        this.state = new RiskState(broker.name());
        reload();
        this.worker = new BatchWorker<>("tvbridge-decision", MAX_BATCH, this::handle).start();
    }

    /** Queues a signal; the future completes once its decision is committed. */
    public CompletableFuture<Outcome> decide(SignalCandidate candidate) {
        CompletableFuture<Outcome> result = new CompletableFuture<>();
        if (!worker.offer(new Decide(candidate, result))) {
            result.complete(new Outcome.Unavailable("tvbridge is shutting down; the alert was not stored"));
        }
        return result;
    }

    /**
     * Changes the kill and pause switches between two decisions, recording the change in the
     * audit trail in the same transaction; completes once committed.
     */
    public CompletableFuture<TradingHalt> changeHalt(UnaryOperator<TradingHalt> change, AuditEntry audit,
                                                     Consumer<StoreSession> persist) {
        return ask(session -> {
            halt = change.apply(halt);
            persist.accept(session);
            session.audit(audit);
            return halt;
        });
    }

    /**
     * Starts the day's counters (orders, entries, realized profit and commissions) again from
     * now, between two decisions, recording the reset in the audit trail; completes with the
     * usage after it once committed. The reset is stored, so a restart keeps it.
     */
    public CompletableFuture<RiskUsage> resetLimits(AuditEntry audit) {
        return ask(session -> {
            limitsResetAt = clock.instant();
            session.putProperty(LIMITS_RESET_AT, limitsResetAt.toString());
            state.reloadDay(session, countingFrom(limitsResetAt));
            session.audit(audit);
            return state.usage();
        });
    }

    /** The limits' usage as the next decision would see it. */
    public CompletableFuture<RiskUsage> usage() {
        return ask(session -> state.usage());
    }

    public TradingHalt halt() {
        return halt;
    }

    /** New settings apply from the next decision on. */
    public void settingsChanged(RiskSettings changed) {
        run(session -> settings = changed);
    }

    public RiskSettings settings() {
        return settings;
    }

    /** The broker's latest account snapshot, for sizing and the cash checks. */
    public void accountUpdated(AccountSnapshot snapshot) {
        run(session -> state.accountUpdated(snapshot));
    }

    public int queued() {
        return worker.queued();
    }

    /** Runs {@code work} on the decision thread; completes with its result once committed. */
    private <T> CompletableFuture<T> ask(Function<StoreSession, T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        AtomicReference<T> value = new AtomicReference<>();
        run(session -> value.set(work.apply(session))).whenComplete((done, failure) -> {
            if (failure != null) {
                result.completeExceptionally(failure);
            } else {
                result.complete(value.get());
            }
        });
        return result;
    }

    private CompletableFuture<Void> run(Consumer<StoreSession> work) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (!worker.offer(new Change(work, done))) {
            done.completeExceptionally(new IllegalStateException("tvbridge is shutting down"));
        }
        return done;
    }

    @Override
    public void orderChanged(StoredOrder order) {
        run(session -> state.orderChanged(order));
    }

    @Override
    public void positionChanged(ExpectedPosition position) {
        if (position.broker().equals(broker.name())) {
            run(session -> state.setPosition(position));
        }
    }

    @Override
    public void fillRecorded(StoredOrder order, Fill fill, BigDecimal realizedPnl, ExpectedPosition position) {
        run(session -> {
            if (position.broker().equals(broker.name())) {
                state.setPosition(position);
            }
            state.orderChanged(order);
            state.fillRecorded(order.symbol(), fill.price(), realizedPnl, fill.commission(), fill.time());
        });
    }

    private void handle(List<Object> batch) {
        List<Runnable> afterCommit = new ArrayList<>();
        try (StoreSession session = store.open()) {
            rollTheDay(session);
            for (Object task : batch) {
                if (task instanceof Decide decide) {
                    afterCommit.add(decide(session, decide));
                } else if (task instanceof Change change) {
                    change.work().accept(session);
                    afterCommit.add(() -> change.done().complete(null));
                }
            }
            session.commit();
        } catch (RuntimeException e) {
            log.error("could not store a batch of {} tasks; none was acknowledged", batch.size(), e);
            for (Object task : batch) {
                if (task instanceof Decide decide) {
                    decide.result().complete(new Outcome.Unavailable(
                            "the alert could not be stored (database error); nothing was ordered"));
                } else if (task instanceof Change change) {
                    change.done().completeExceptionally(e);
                }
            }
            reload();
            return;
        }
        afterCommit.forEach(Runnable::run);
    }

    private Runnable decide(StoreSession session, Decide task) {
        SignalCandidate candidate = task.candidate();
        Alert alert = candidate.alert();
        Instant now = clock.instant();
        Optional<Outcome.Duplicate> duplicate = findDuplicate(session, candidate, now);
        if (duplicate.isPresent()) {
            session.recordDuplicate(duplicate.get().signalId(), now);
            log.info("duplicate of signal {}: {}", duplicate.get().signalId(), duplicate.get().reason());
            return () -> task.result().complete(duplicate.get());
        }

        RiskSettings current = settings;
        Plan plan = risk.stale(alert, current, now).map(Plan::reject).orElseGet(() -> planner.plan(alert, state, current));
        if (plan.decision() == Decision.ACCEPTED) {
            Optional<String> refusal = risk.refuse(alert, plan.orders(), current, state, halt, circuitOpen.get(), now);
            if (refusal.isPresent()) {
                plan = Plan.reject(refusal.get());
            }
        }
        alert.symbol().ifPresent(symbol -> alert.referencePrice().ifPresent(price -> state.priceSeen(symbol, price)));

        boolean dryRun = current.dryRun();
        long signalId = ++lastSignalId;
        if (plan.decision() == Decision.REJECTED) {
            session.audit(new AuditEntry(now, "tvbridge", "signal.rejected", "signal " + signalId + " ("
                    + describe(alert) + "): " + plan.reason().orElseThrow()));
        }
        session.insertSignal(new StoredSignal(signalId, candidate.receivedAt(), candidate.bodyHash(),
                candidate.sourceAddress(), candidate.contentType(), candidate.payload(), alert, plan.decision(),
                plan.reason(), now, 0, dryRun));
        List<StoredOrder> orders = new ArrayList<>();
        int leg = 1;
        for (PlannedOrder planned : plan.orders()) {
            StoredOrder order = newOrder(signalId, leg++, planned, dryRun, now);
            session.insertOrder(order);
            orders.add(order);
            List<StoredOrder> children = bracketChildren(order, now);
            children.forEach(session::insertOrder);
            if (!dryRun) {
                state.planned(order);
                children.forEach(state::planned);
                if (planned.opens()) {
                    planned.referencePrice().or(() -> state.price(order.symbol())).ifPresent(price -> state.committed(
                            now, order.quantity().multiply(price).multiply(state.multiplier(order.symbol())),
                            order.side() == Side.BUY));
                }
            }
        }
        log.info("signal {} {}{}: {} {}", signalId, plan.decision().wireName(), dryRun ? " (dry run)" : "",
                describe(alert), plan.reason().orElseGet(() -> orders.stream().map(o -> o.clientOrderId().value())
                        .toList().toString()));
        Outcome outcome = new Outcome.Decided(signalId, plan.decision(), plan.reason(),
                orders.stream().map(StoredOrder::clientOrderId).toList(), dryRun);
        return () -> {
            task.result().complete(outcome);
            if (!dryRun) {
                orders.forEach(submitter);
            }
        };
    }

    private Optional<Outcome.Duplicate> findDuplicate(StoreSession session, SignalCandidate candidate, Instant now) {
        Optional<String> alertId = candidate.alert().alertId();
        if (alertId.isPresent()) {
            return session.findSignalByAlertId(alertId.get()).map(earlier -> duplicate(session, earlier,
                    "alert_id '" + alertId.get() + "' was already received at " + earlier.receivedAt()
                            + " as signal " + earlier.id() + "; nothing new was ordered"));
        }
        if (duplicateWindow.isZero()) {
            return Optional.empty();
        }
        return session.findSignalByBodyHash(candidate.bodyHash(), candidate.receivedAt().minus(duplicateWindow))
                .map(earlier -> duplicate(session, earlier, "the same alert arrived "
                        + Duration.between(earlier.receivedAt(), now).toSeconds() + " s earlier as signal "
                        + earlier.id() + " (identical alerts within " + duplicateWindow.toSeconds()
                        + " s are taken as resends); nothing new was ordered"));
    }

    private static Outcome.Duplicate duplicate(StoreSession session, StoredSignal earlier, String reason) {
        List<ClientOrderId> orders = session.ordersOfSignal(earlier.id()).stream()
                .filter(order -> order.parent().isEmpty()).map(StoredOrder::clientOrderId).toList();
        return new Outcome.Duplicate(earlier.id(), orders, reason);
    }

    private StoredOrder newOrder(long signalId, int leg, PlannedOrder planned, boolean dryRun, Instant now) {
        return new StoredOrder(++lastOrderId, ids.forSignal(signalId, leg), signalId, broker.name(), broker.account(),
                planned.instrument(), planned.side(), planned.quantity(), planned.type(), planned.limitPrice(),
                planned.stopPrice(), planned.takeProfit(), planned.stopLoss(), planned.referencePrice(),
                planned.timeInForce(), false, BigDecimal.ONE, dryRun ? OrderPhase.DRY_RUN : OrderPhase.NEW,
                Optional.empty(), BigDecimal.ZERO, Optional.empty(), Optional.empty(), now, Optional.empty(), now,
                Optional.empty(), planned.opens());
    }

    /**
     * The take-profit and stop-loss orders a broker places with an entry: stored as orders of
     * their own (ids {@code <entry>.tp} and {@code <entry>.sl}) so their fills move the position.
     */
    private List<StoredOrder> bracketChildren(StoredOrder entry, Instant now) {
        List<StoredOrder> children = new ArrayList<>();
        entry.takeProfit().ifPresent(price -> children.add(child(entry, ClientOrderId.TAKE_PROFIT, OrderType.LIMIT,
                Optional.of(price), Optional.empty(), now)));
        entry.stopLoss().ifPresent(price -> children.add(child(entry, ClientOrderId.STOP_LOSS, OrderType.STOP,
                Optional.empty(), Optional.of(price), now)));
        return children;
    }

    private StoredOrder child(StoredOrder entry, String suffix, OrderType type, Optional<BigDecimal> limit,
                              Optional<BigDecimal> stop, Instant now) {
        return new StoredOrder(++lastOrderId, entry.clientOrderId().child(suffix), entry.signalId(), entry.broker(),
                entry.account(), entry.instrument(), entry.side().opposite(), entry.quantity(), type, limit, stop,
                Optional.empty(), Optional.empty(), Optional.empty(), TimeInForce.GTC, entry.outsideRegularHours(),
                BigDecimal.ONE, entry.phase(), Optional.empty(), BigDecimal.ZERO, Optional.empty(), Optional.empty(),
                now, Optional.empty(), now, Optional.of(entry.clientOrderId()), false);
    }

    /** The daily counters start again at the reset time of the exchange's day. */
    private void rollTheDay(StoreSession session) {
        Instant from = countingFrom(clock.instant());
        if (!from.equals(state.dayStart())) {
            state.reloadDay(session, from);
        }
    }

    /** Where the day's counters start: the trading day's start, or a later reset of the limits. */
    private Instant countingFrom(Instant now) {
        Instant day = dayStart(now, settings);
        return limitsResetAt.isAfter(day) ? limitsResetAt : day;
    }

    /** The start of the trading day that {@code now} falls in. */
    public static Instant dayStart(Instant now, RiskSettings settings) {
        ZonedDateTime local = now.atZone(settings.exchangeZone());
        LocalDate day = local.toLocalTime().isBefore(settings.tradingDayReset()) ? local.toLocalDate().minusDays(1)
                : local.toLocalDate();
        return day.atTime(settings.tradingDayReset()).atZone(settings.exchangeZone()).toInstant();
    }

    /** Reads the risk state and the last ids from the store: at start, and after a failed commit. */
    private void reload() {
        try (StoreSession session = store.open()) {
            limitsResetAt = session.property(LIMITS_RESET_AT).map(Instant::parse).orElse(Instant.EPOCH);
            state.reload(session, countingFrom(clock.instant()));
            lastSignalId = session.maxSignalId();
            lastOrderId = session.maxOrderId();
        }
    }

    private static String describe(Alert alert) {
        List<String> words = new ArrayList<>();
        words.add(alert.action().name().toLowerCase(Locale.ROOT));
        alert.quantity().ifPresent(q -> words.add(q.toPlainString()));
        alert.targetPosition().ifPresent(t -> words.add("to " + t.toPlainString()));
        alert.symbol().ifPresent(words::add);
        words.add(alert.orderType().name().toLowerCase(Locale.ROOT));
        return String.join(" ", words);
    }

    @Override
    public void close() {
        worker.close();
    }
}

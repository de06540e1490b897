package io.tvbridge.core.signal;

import io.tvbridge.core.concurrent.Timers;
import io.tvbridge.broker.spi.model.AccountSnapshot;
import io.tvbridge.broker.spi.model.AssetClass;
import io.tvbridge.broker.spi.model.InstrumentRef;
import io.tvbridge.core.alert.Alert;
import io.tvbridge.core.calendar.TradingHours;
import io.tvbridge.core.concurrent.BatchWorker;
import io.tvbridge.core.concurrent.LaneQueue;
import io.tvbridge.core.model.Decision;
import io.tvbridge.core.model.OrderIds;
import io.tvbridge.core.model.Outcome;
import io.tvbridge.core.model.PlannedOrder;
import io.tvbridge.core.order.Ledger;
import io.tvbridge.core.order.OrderSink;
import io.tvbridge.core.risk.MarketFacts;
import io.tvbridge.core.risk.RiskEngine;
import io.tvbridge.core.risk.RiskState;
import io.tvbridge.core.risk.RiskUsage;
import io.tvbridge.core.risk.TradingHalt;
import io.tvbridge.core.routing.BrokerHandle;
import io.tvbridge.core.settings.ClosedMarketPolicy;
import io.tvbridge.core.settings.RiskSettings;
import io.tvbridge.core.store.AuditEntry;
import io.tvbridge.core.store.CommitFence;
import io.tvbridge.core.store.PendingSignal;
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
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine loop: the one thread that owns the account. It holds the account's
 * {@link RiskState} (positions, open orders, the day's counters), the settings, the kill and
 * pause switches and the pending queue, and it is the only thread that changes them: signals,
 * the broker's reports (through the {@link Ledger}), admin commands and timers all reach it as
 * messages. So every decision sees the effect of every earlier one and of every report recorded
 * before it, however many webhooks arrive at once, and a switch takes effect exactly between two
 * signals. Nothing it needs is read back from the store.
 *
 * <p>It takes its work in batches: it records the broker's reports first, then for each signal
 * it checks for a duplicate or a stale alert, plans and sizes the orders, runs the risk checks
 * ({@link Decider}), and writes the signal and its orders; then it commits the whole batch once
 * (with the batches already queued behind it, see {@link #mayWait}), and only after that commit
 * are the webhooks answered and the orders handed to the submitter. An answer therefore always
 * describes something already on disk, and a burst costs one disk write per batch rather than
 * one per request. Its parts live apart: the {@link Decider} (a pure function), the
 * {@link DuplicateFilter}, the {@link OrderFactory} and the {@link PendingQueue}.
 *
 * <p>Within a batch, exits go ahead of entries (a close frees the money and the limits an entry
 * needs), but signals for one symbol keep their arrival order, and nothing moves across a change
 * of the kill or pause switch or of the settings. A signal whose market is closed follows its
 * closed-market policy: it is refused, sent at once (allowed outside regular hours), or kept in
 * the pending queue and decided at the open, exits first.
 */
public final class DecisionStage implements SignalIntake, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DecisionStage.class);
    private static final int MAX_BATCH = 256;
    /** Batches at most in one transaction before it is committed anyway. */
    private static final int MAX_BATCHES_PER_COMMIT = 8;
    /** How long a batch's answers may wait for the batches queued behind it to share their commit. */
    private static final Duration MAX_COMMIT_DELAY = Duration.ofMillis(2);
    private static final Duration PENDING_CHECK = Duration.ofSeconds(1);
    private static final String LIMITS_RESET_AT = "limits.reset_at";

    /**
     * A signal to decide: a new one, or one another instance stored ({@code stored} is then its id),
     * or, in a shadow account, another account's orders to copy as they are ({@code mirrored}).
     */
    private record Decide(SignalCandidate candidate, CompletableFuture<Outcome> result, OptionalLong stored,
                          Optional<List<PlannedOrder>> mirrored) {
        Decide(SignalCandidate candidate, CompletableFuture<Outcome> result, OptionalLong stored) {
            this(candidate, result, stored, Optional.empty());
        }
    }

    /**
     * Work that changes the stage's own state inside the batch's transaction. A barrier (a switch
     * or the settings) takes effect exactly between the signals before it and those after it;
     * other changes (broker news) are applied ahead of the signals decided with them.
     */
    private record Change(Consumer<StoreSession> work, CompletableFuture<Void> done, boolean barrier) {
    }

    private final Store store;
    private final CommitFence fence;
    private final BrokerHandle broker;
    private final Ledger ledger;
    private final Decider decider;
    private final OrderFactory factory;
    private final Duration duplicateWindow;
    private final DuplicateFilter duplicates;
    private final Clock clock;
    private final OrderSink submitter;
    private final Supplier<Optional<String>> circuitOpen;
    private final RiskState state;
    private final TradingHours hours;
    private final BatchWorker<Object> worker;
    /** A transaction left open by a batch of broker reports for the next batch to commit (loop thread only). */
    private StoreSession open;
    /** The tasks and the telling of the transaction in progress, over the batches it spans. */
    private final List<Object> uncommitted = new ArrayList<>();
    private final List<Runnable> afterCommit = new ArrayList<>();
    private int batchesUncommitted;
    private long uncommittedSince;
    private final ScheduledExecutorService pendingClock;
    private final PendingQueue pendingQueue;
    private final List<DecisionListener> listeners = new CopyOnWriteArrayList<>();
    /** Set by {@link #judge} on the decision thread: whether its refusal came from a risk check. */
    private boolean refusedByRisk;
    /** When an operator last started the day's counters again; the epoch when never. */
    private volatile Instant limitsResetAt = Instant.EPOCH;
    private volatile RiskSettings settings;
    private volatile TradingHalt halt;
    private final SignalIds signalIds;

    public DecisionStage(Store store, BrokerHandle broker, Ledger ledger, OrderPlanner planner, RiskEngine risk,
                         OrderIds ids,
                         Duration duplicateWindow, RiskSettings settings, TradingHalt halt,
                         Supplier<Optional<String>> circuitOpen, TradingHours hours, Clock clock,
                         OrderSink submitter) {
        this(store, broker, ledger, planner, risk, ids, duplicateWindow, settings, halt, circuitOpen, hours, clock,
                submitter, CommitFence.NONE);
    }

    /** With {@code fence} checked in every transaction just before its commit (the engine lease on a shared database). */
    public DecisionStage(Store store, BrokerHandle broker, Ledger ledger, OrderPlanner planner, RiskEngine risk,
                         OrderIds ids,
                         Duration duplicateWindow, RiskSettings settings, TradingHalt halt,
                         Supplier<Optional<String>> circuitOpen, TradingHours hours, Clock clock,
                         OrderSink submitter, CommitFence fence) {
        this.fence = fence;
        this.store = store;
        this.broker = broker;
        this.ledger = ledger;
        this.decider = new Decider(planner, risk);
        this.factory = new OrderFactory(ids, broker.name(), broker.account());
        this.duplicateWindow = duplicateWindow;
        this.duplicates = new DuplicateFilter(duplicateWindow);
        this.settings = settings;
        this.halt = halt;
        this.circuitOpen = circuitOpen;
        this.hours = hours;
        this.pendingQueue = new PendingQueue(hours);
        this.clock = clock;
        this.submitter = submitter;
        this.state = new RiskState(broker.name());
        this.signalIds = SignalIds.of(store);
        reload();
        this.worker = new BatchWorker<>("tvbridge-engine", MAX_BATCH, this::handle).start();
        ledger.attach(worker::offer);
        this.pendingClock = Timers.single("tvbridge-pending-clock");
        pendingClock.scheduleWithFixedDelay(this::releaseWhenDue, PENDING_CHECK.toMillis(), PENDING_CHECK.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Adds a listener told of refusals and releases from the pending queue, after they are committed. */
    public void addListener(DecisionListener listener) {
        listeners.add(listener);
    }

    /** Queues a signal; the future completes once its decision is committed. */
    @Override
    public CompletableFuture<Outcome> decide(SignalCandidate candidate) {
        return enqueue(new Decide(candidate, new CompletableFuture<>(), OptionalLong.empty()));
    }

    /**
     * Queues a signal another instance stored (it is in the inbox, undecided): it is decided like a
     * new one, in its place among them, and its decision replaces "stored" in its row. The future
     * completes once that is committed.
     */
    public CompletableFuture<Outcome> decideStored(StoredSignal signal) {
        Alert alert = PendingQueue.alertOf(signal).orElse(signal.alert());
        SignalCandidate candidate = new SignalCandidate(alert, signal.bodyHash(), signal.payload(),
                signal.contentType(), signal.sourceAddress(), signal.receivedAt());
        return enqueue(new Decide(candidate, new CompletableFuture<>(), OptionalLong.of(signal.id())));
    }

    /**
     * Queues the orders another account decided, for this shadow account to place as they are, at
     * the prices they carry: no sizing, no risk check, no market hours (the account it follows
     * decided all that), only this account's kill switch and pause. Stored as a signal of its own
     * under {@link Mirror#alertId()}, so that the same orders are never copied twice.
     */
    public CompletableFuture<Outcome> mirror(Mirror mirror) {
        String payload = mirror.payload();
        SignalCandidate candidate = new SignalCandidate(mirror.copiedAlert(), SignalService.sha256(payload), payload,
                Optional.of("application/json"), Optional.of("mirror:" + mirror.leader()), clock.instant());
        return enqueue(new Decide(candidate, new CompletableFuture<>(), OptionalLong.empty(),
                Optional.of(mirror.orders())));
    }

    /**
     * Cancels this shadow's copy of leg {@code leg} of {@code leader}'s signal {@code signalId},
     * when the copy still works (the leader's order was cancelled or expired). Completes with the
     * copy it cancels, once the request is committed; empty when there is nothing to cancel.
     */
    public CompletableFuture<Optional<StoredOrder>> cancelCopy(String leader, long signalId, int leg, String reason) {
        return ask(session -> {
            Optional<StoredOrder> working = session.findSignalByAlertId(Mirror.alertId(leader, signalId))
                    .flatMap(copy -> session.ordersOfSignal(copy.id()).stream()
                            .filter(order -> OrderIds.legOf(order.clientOrderId()).orElse(0) == leg).findFirst())
                    .flatMap(copy -> state.openOrder(copy.clientOrderId()));
            working.ifPresent(order -> ledger.cancelRequested(state, order, clock.instant(), reason));
            return working;
        }).thenApply(cancelled -> {
            cancelled.ifPresent(submitter::cancel);
            return cancelled;
        });
    }

    private CompletableFuture<Outcome> enqueue(Decide decide) {
        if (!worker.offer(decide)) {
            decide.result().complete(new Outcome.Unavailable("tvbridge is shutting down; the alert was not stored"));
        }
        return decide.result();
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

    /**
     * What {@code alert} would become now: planned and risk-checked against the account as the next
     * decision would see it, changing nothing and storing nothing (the explain tool).
     */
    @Override
    public CompletableFuture<Plan> preview(Alert alert) {
        return ask(session -> decider.decide(alert, state, settings(), halt, circuitOpen.get(), clock.instant()).plan());
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
        barrier(session -> {
            settings = changed;
            pendingQueue.lookAgainAt(clock.instant());   // market hours or policies may have changed
        });
    }

    @Override
    public RiskSettings settings() {
        return settings;
    }

    /** The broker's latest account snapshot, for sizing and the cash checks. */
    public void accountUpdated(AccountSnapshot snapshot) {
        run(session -> state.accountUpdated(snapshot));
    }

    /**
     * What the broker told of money and instruments, as values: its factors into the account's
     * currency, the instruments it resolved, the currencies of the positions it holds. Applied in
     * the order given, ahead of the signals queued after them.
     */
    public CompletableFuture<Void> marketFacts(MarketFacts facts) {
        return run(session -> {
            facts.instruments().forEach(state::instrumentResolved);
            facts.currencies().forEach(state::currencySeen);
            facts.rates().ifPresent(state::ratesUpdated);
        });
    }

    public int queued() {
        return worker.queued();
    }

    /** The signals waiting in the pending queue for their market to open, oldest first. */
    public List<PendingSignal> pending() {
        return pendingQueue.published();
    }

    /**
     * Takes waiting signals out of the pending queue (those of {@code symbol}, or all): each is
     * rejected with the reason and never ordered. Completes with the signal ids cleared.
     */
    public CompletableFuture<List<Long>> clearPending(Optional<String> symbol, String actor, String reason) {
        return ask(session -> {
            List<Long> ids = new ArrayList<>();
            Instant now = clock.instant();
            for (PendingSignal entry : pendingQueue.take(symbol)) {
                String note = "cleared from the pending queue by " + actor + ": " + reason;
                session.endPending(entry.signalId(), PendingSignal.State.CLEARED, now, actor, note);
                session.updateDecision(entry.signalId(), Decision.REJECTED, Optional.of(note), now);
                ids.add(entry.signalId());
            }
            if (!ids.isEmpty()) {
                session.audit(new AuditEntry(now, actor, "pending.cleared", ids.size() + " signal(s) "
                        + symbol.map(s -> "for " + s + " ").orElse("") + ids + ": " + reason));
                log.info("{} cleared {} pending signal(s) {}: {}", actor, ids.size(), ids, reason);
            }
            return List.copyOf(ids);
        });
    }

    /**
     * Runs {@code work} on the decision thread, between the signals before and after it;
     * completes with its result once committed.
     */
    private <T> CompletableFuture<T> ask(Function<StoreSession, T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        AtomicReference<T> value = new AtomicReference<>();
        barrier(session -> value.set(work.apply(session))).whenComplete((done, failure) -> {
            if (failure != null) {
                result.completeExceptionally(failure);
            } else {
                result.complete(value.get());
            }
        });
        return result;
    }

    private CompletableFuture<Void> run(Consumer<StoreSession> work) {
        return offer(work, false);
    }

    private CompletableFuture<Void> barrier(Consumer<StoreSession> work) {
        return offer(work, true);
    }

    private CompletableFuture<Void> offer(Consumer<StoreSession> work, boolean barrier) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (!worker.offer(new Change(work, done, barrier))) {
            done.completeExceptionally(new IllegalStateException("tvbridge is shutting down"));
        }
        return done;
    }

    private void handle(List<Object> batch) {
        if (open == null) {
            uncommittedSince = System.nanoTime();
        }
        StoreSession session = open != null ? open : store.open();
        open = null;
        uncommitted.addAll(batch);
        try {
            rollTheDay(session);
            releaseDue(session, afterCommit);
            signalIds.expect((int) batch.stream().filter(task -> task instanceof Decide decide
                    && decide.stored().isEmpty()).count());
            for (Object task : inDecisionOrder(batch)) {
                if (task instanceof Decide decide) {
                    afterCommit.add(decide(session, decide, afterCommit));
                } else if (task instanceof Change change) {
                    change.work().accept(session);
                    afterCommit.add(() -> change.done().complete(null));
                } else if (task instanceof Ledger.News news) {
                    ledger.apply(session, news, state, afterCommit::add);
                }
            }
            if (mayWait(batch)) {
                open = session;   // the next batch is queued already: its commit takes these rows too
                return;
            }
            ledger.writeChanges(session);
            fence.check(session);   // refused: rolled back and answered below like a database error
            session.commit();
            pendingQueue.publishChanges(clock.instant());
        } catch (RuntimeException e) {
            List<Object> lost = List.copyOf(uncommitted);
            log.error("could not store a batch of {} tasks; none was acknowledged", lost.size(), e);
            ledger.discardChanges();
            for (Object task : lost) {
                if (task instanceof Decide decide) {
                    decide.result().complete(new Outcome.Unavailable(
                            "the alert could not be stored (database error); nothing was ordered"));
                } else if (task instanceof Change change) {
                    change.done().completeExceptionally(e);
                }
            }
            afterCommit.clear();
            uncommitted.clear();
            batchesUncommitted = 0;
            closeQuietly(session);
            reload();
            lost.stream().filter(Ledger.News.class::isInstance).forEach(news -> ledger.failed((Ledger.News) news, e));
            return;
        }
        closeQuietly(session);
        List<Runnable> told = List.copyOf(afterCommit);
        afterCommit.clear();
        uncommitted.clear();
        batchesUncommitted = 0;
        for (Runnable tell : told) {
            try {
                tell.run();
            } catch (RuntimeException e) {
                // the batch is committed: a listener that fails must not keep the others (or the answers) waiting
                log.error("telling what a committed batch did failed; the rest is told", e);
            }
        }
    }

    /**
     * Whether this batch's rows may wait for the next batch's commit: the next batch is queued
     * already, not too many batches wait, and the first of the transaction started less than
     * {@link #MAX_COMMIT_DELAY} ago (broker reports alone, which nobody waits for, wait regardless).
     * Under load, alerts that arrive while a batch is decided then share its commit, and so do the
     * acknowledgements and fills between them, instead of paying for one each. Nobody is answered
     * or told before the commit that holds their rows; a crash before it loses no acknowledged
     * alert, and leaves the orders whose reports were not recorded to be looked up at the broker
     * at the next start.
     */
    private boolean mayWait(List<Object> batch) {
        if (worker.queued() == 0 || batchesUncommitted + 1 >= MAX_BATCHES_PER_COMMIT) {
            return false;
        }
        boolean onlyReports = batch.stream().allMatch(task -> task instanceof Ledger.News news && !news.awaited());
        if (!onlyReports && System.nanoTime() - uncommittedSince > MAX_COMMIT_DELAY.toNanos()) {
            return false;
        }
        batchesUncommitted++;
        return true;
    }

    private static void closeQuietly(StoreSession session) {
        try {
            session.close();
        } catch (RuntimeException e) {
            log.warn("closing a database session failed", e);
        }
    }

    /**
     * The batch in the order it is decided: between two barriers, broker news (the ledger's
     * reports and other changes) first, then the signals with exits ahead of entries and each
     * symbol in arrival order. A close_all is a barrier too: it concerns every symbol.
     */
    private List<Object> inDecisionOrder(List<Object> batch) {
        List<Object> ordered = new ArrayList<>(batch.size());
        List<Decide> signals = new ArrayList<>();
        for (Object task : batch) {
            boolean barrier = task instanceof Change change ? change.barrier()
                    : task instanceof Decide decide && decide.candidate().alert().symbol().isEmpty();
            if (barrier) {
                ordered.addAll(LaneQueue.exitsFirst(signals, d -> d.candidate().alert().symbol().orElseThrow(),
                        d -> goesFirst(d.candidate().alert())));
                signals.clear();
                ordered.add(task);
            } else if (task instanceof Decide decide) {
                signals.add(decide);
            } else {
                ordered.add(task);
            }
        }
        ordered.addAll(LaneQueue.exitsFirst(signals, d -> d.candidate().alert().symbol().orElseThrow(),
                d -> goesFirst(d.candidate().alert())));
        return ordered;
    }

    private boolean goesFirst(Alert alert) {
        return Decider.goesFirst(alert, alert.symbol().map(state::projected).orElse(BigDecimal.ZERO));
    }

    private Runnable decide(StoreSession session, Decide task, List<Runnable> afterCommit) {
        SignalCandidate candidate = task.candidate();
        Alert alert = candidate.alert();
        Instant now = clock.instant();
        OptionalLong stored = task.stored();
        Optional<Outcome.Duplicate> duplicate = findDuplicate(session, candidate, now);
        if (duplicate.isPresent() && stored.isPresent() && duplicate.get().signalId() == stored.getAsLong()) {
            return () -> task.result().complete(duplicate.get());   // handed over twice: decided the first time
        }
        if (duplicate.isPresent()) {
            if (stored.isPresent() && !session.decideStored(stored.getAsLong(), Decision.REJECTED,
                    Optional.of(duplicate.get().reason()), now, settings.dryRun())) {
                return () -> task.result().complete(duplicate.get());
            }
            session.recordDuplicate(duplicate.get().signalId(), now);
            log.info("signal={} received again{}: {}", duplicate.get().signalId(),
                    stored.isPresent() ? " as signal " + stored.getAsLong() : "", duplicate.get().reason());
            return () -> task.result().complete(duplicate.get());
        }
        if (alert.symbol().isPresent() && pendingQueue.holds(alert.symbol().get())) {
            releaseDue(session, afterCommit);   // earlier signals for this symbol go first, if their market is open
        }

        RiskSettings current = settings;
        boolean outsideRegularHours = alert.outsideRegularHours();
        Plan plan = null;
        boolean riskCheck = false;
        if (task.mirrored().isPresent()) {
            plan = copied(task.mirrored().get());
            riskCheck = plan.decision() == Decision.REJECTED;
        } else {
            Optional<String> stale = decider.stale(alert, current, now);
            if (stale.isPresent()) {
                plan = Plan.reject(stale.get());
            } else if (alert.action().places() && marketClosed(alert, now)) {   // a cancel goes whatever the hours
                InstrumentRef instrument = alert.instrument().orElseThrow();
                String closed = hours.closedUntil(instrument, now, alert.outsideRegularHours());
                ClosedMarketPolicy policy = current.closedMarketPolicyFor(alert.strategy());
                switch (policy) {
                    case REJECT -> plan = Plan.reject(closed + "; the closed-market policy is reject");
                    case QUEUE -> {
                        Outcome queued = queue(session, candidate, stored, closed, now);
                        return () -> task.result().complete(queued);
                    }
                    case SEND -> outsideRegularHours = true;
                }
            }
            if (plan == null) {
                plan = judge(alert, current, now);
                riskCheck = refusedByRisk;
            }
        }

        boolean dryRun = current.dryRun();
        long signalId;
        if (stored.isPresent()) {
            signalId = stored.getAsLong();
            if (!session.decideStored(signalId, plan.decision(), plan.reason(), now, dryRun)) {
                log.warn("signal={} was decided already; it is not decided again", signalId);
                return () -> task.result().complete(new Outcome.Duplicate(signalId, List.of(),
                        "signal " + signalId + " was decided already"));
            }
        } else {
            signalId = signalIds.next(session);
            session.insertSignal(new StoredSignal(signalId, candidate.receivedAt(), candidate.bodyHash(),
                    candidate.sourceAddress(), candidate.contentType(), candidate.payload(), alert, plan.decision(),
                    plan.reason(), now, 0, dryRun));
        }
        if (plan.decision() == Decision.REJECTED) {
            auditRejection(session, signalId, describe(alert), plan, now);
            afterCommit.add(rejected(signalId, describe(alert), plan, riskCheck, now));
        }
        duplicates.remember(alert.alertId(), candidate.bodyHash(), signalId, candidate.receivedAt());
        List<StoredOrder> orders = record(session, signalId, plan, dryRun, outsideRegularHours, now);
        log.info("signal={}{} {}{}: {}{}", signalId, orderIds(orders), plan.decision().wireName(),
                dryRun ? " (dry run)" : "", describe(alert), plan.reason().map(reason -> " - " + reason).orElse(""));
        List<StoredOrder> cancels = dryRun ? List.of() : plan.cancels();
        if (!plan.cancels().isEmpty()) {
            session.audit(new AuditEntry(now, "tvbridge", "order.cancel_requested", "signal " + signalId + " ("
                    + describe(alert) + ")" + (dryRun ? ", dry run: " : ": ") + plan.reason().orElseThrow()));
        }
        for (StoredOrder working : cancels) {
            ledger.cancelRequested(state, working, now, "a cancel alert (signal " + signalId + ") asked for it");
        }
        Outcome outcome = new Outcome.Decided(signalId, plan.decision(), plan.reason(),
                orders.stream().map(StoredOrder::clientOrderId).toList(), dryRun);
        return () -> {
            task.result().complete(outcome);
            if (!dryRun) {
                tellDecided(signalId, alert, orders, now);
                orders.forEach(submitter::submit);
                cancels.forEach(submitter::cancel);
            }
        };
    }

    private void tellDecided(long signalId, Alert alert, List<StoredOrder> orders, Instant now) {
        if (!orders.isEmpty()) {
            listeners.forEach(l -> l.ordersDecided(signalId, alert, orders, now));
        }
    }

    /** A shadow's copy of another account's orders: placed as they are, unless this account is stopped. */
    private Plan copied(List<PlannedOrder> orders) {
        if (halt.kill().isPresent()) {
            return Plan.reject("the kill switch of this shadow account is on (" + halt.kill().get().describe()
                    + "): the orders were not copied");
        }
        if (halt.pause().isPresent()) {
            return Plan.reject("this shadow account is paused (" + halt.pause().get().describe()
                    + "): the orders were not copied");
        }
        return Plan.accept(orders);
    }

    private Runnable rejected(long signalId, String alert, Plan plan, boolean riskCheck, Instant now) {
        String reason = plan.reason().orElseThrow();
        return () -> listeners.forEach(l -> l.signalRejected(signalId, alert, reason, riskCheck, now));
    }

    private static void auditRejection(StoreSession session, long signalId, String alert, Plan plan, Instant now) {
        session.audit(new AuditEntry(now, "tvbridge", "signal.rejected", "signal " + signalId + " (" + alert + "): "
                + plan.reason().orElseThrow()));
    }

    private boolean marketClosed(Alert alert, Instant now) {
        return alert.instrument().isPresent() && !hours.isOpen(alert.instrument().get(), now, alert.outsideRegularHours());
    }

    /** Plans and sizes the orders and runs the risk checks against the state now. Changes nothing. */
    private Plan judge(Alert alert, RiskSettings current, Instant now) {
        Decider.Verdict verdict = decider.decide(alert, state, current, halt, circuitOpen.get(), now);
        refusedByRisk = verdict.refusedByRisk();
        alert.symbol().ifPresent(symbol -> alert.referencePrice().ifPresent(price -> state.priceSeen(symbol, price)));
        return verdict.plan();
    }

    /** Stores the signal as queued and puts it in the pending queue; it is decided at the open. */
    private Outcome queue(StoreSession session, SignalCandidate candidate, OptionalLong stored, String closed,
                          Instant now) {
        Alert alert = candidate.alert();
        InstrumentRef instrument = alert.instrument().orElseThrow();
        Instant opens = hours.nextOpen(instrument, now, alert.outsideRegularHours());
        Plan plan = Plan.queue("queued until the open: " + closed);
        long signalId;
        if (stored.isPresent()) {
            signalId = stored.getAsLong();
            if (!session.decideStored(signalId, Decision.QUEUED, plan.reason(), now, settings.dryRun())) {
                return new Outcome.Duplicate(signalId, List.of(), "signal " + signalId + " was decided already");
            }
        } else {
            signalId = signalIds.next(session);
            session.insertSignal(new StoredSignal(signalId, candidate.receivedAt(), candidate.bodyHash(),
                    candidate.sourceAddress(), candidate.contentType(), candidate.payload(), alert, Decision.QUEUED,
                    plan.reason(), now, 0, settings.dryRun()));
        }
        duplicates.remember(alert.alertId(), candidate.bodyHash(), signalId, candidate.receivedAt());
        PendingSignal entry = PendingSignal.waiting(signalId, instrument.symbol(),
                instrument.assetClass().orElse(AssetClass.STOCK), alert.outsideRegularHours(), now, opens);
        session.insertPending(entry);
        pendingQueue.add(entry);
        log.info("signal={} queued: {} - {}", signalId, describe(alert), closed);
        return new Outcome.Decided(signalId, Decision.QUEUED, plan.reason(), List.of(), settings.dryRun());
    }

    /** Stores the plan's orders (and a bracket's children) and counts them in the risk state. */
    private List<StoredOrder> record(StoreSession session, long signalId, Plan plan, boolean dryRun,
                                     boolean outsideRegularHours, Instant now) {
        List<StoredOrder> orders = new ArrayList<>();
        int leg = 1;
        for (PlannedOrder planned : plan.orders()) {
            List<StoredOrder> rows = factory.orders(signalId, leg++, planned, dryRun, outsideRegularHours, now);
            rows.forEach(session::insertOrder);
            StoredOrder order = rows.get(0);
            orders.add(order);
            if (!dryRun) {
                rows.forEach(state::planned);
                if (planned.opens()) {
                    planned.referencePrice().or(() -> state.price(order.symbol())).ifPresent(price -> state.committed(
                            now, order.symbol(), order.side(), order.quantity(), price));
                }
            }
        }
        return orders;
    }

    /** Asks the decision thread to release the pending queue once the earliest open has come. */
    private void releaseWhenDue() {
        if (pendingQueue.dueAt(clock.instant())) {
            run(session -> {
            });
        }
    }

    /**
     * Decides the waiting signals whose market is open now, exits first and each symbol in
     * arrival order, as if they had just arrived (their age is no reason to refuse them: waiting
     * was the policy). Their orders go to the broker after the batch's commit.
     */
    private void releaseDue(StoreSession session, List<Runnable> afterCommit) {
        if (pendingQueue.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        List<PendingSignal> due = pendingQueue.takeDue(now);
        if (due.isEmpty()) {
            pendingQueue.publish(now);   // nothing was due after all: work out when to look again
        } else {
            Map<Long, Alert> alerts = new HashMap<>();
            for (PendingSignal entry : due) {
                alerts.put(entry.signalId(), PendingQueue.storedAlert(session, entry.signalId()).orElse(null));
            }
            List<PendingSignal> ordered = LaneQueue.exitsFirst(due, PendingSignal::symbol,
                    p -> alerts.get(p.signalId()) == null || goesFirst(alerts.get(p.signalId())));
            List<DecisionListener.Released> released = new ArrayList<>();
            for (PendingSignal entry : ordered) {
                afterCommit.add(release(session, entry, Optional.ofNullable(alerts.get(entry.signalId())), now,
                        released));
            }
            afterCommit.add(() -> listeners.forEach(l -> l.pendingReleased(List.copyOf(released), now)));
            session.audit(new AuditEntry(now, "tvbridge", "pending.released", ordered.size()
                    + " signal(s) released at the open: " + ordered.stream().map(p -> p.signalId() + " "
                    + p.symbol()).toList()));
        }
    }

    private Runnable release(StoreSession session, PendingSignal entry, Optional<Alert> alert, Instant now,
                             List<DecisionListener.Released> released) {
        RiskSettings current = settings;
        Plan plan = alert.map(a -> judge(a, current, now)).orElseGet(() -> Plan.reject(
                "the stored alert could not be read again at the open; nothing was ordered"));
        boolean dryRun = current.dryRun();
        List<StoredOrder> orders = record(session, entry.signalId(), plan, dryRun,
                alert.map(Alert::outsideRegularHours).orElse(false), now);
        Optional<String> reason = Optional.of("released from the pending queue at the open"
                + plan.reason().map(r -> ": " + r).orElse(""));
        session.updateDecision(entry.signalId(), plan.decision(), reason, now);
        boolean riskCheck = alert.isPresent() && refusedByRisk;
        String described = alert.map(DecisionStage::describe).orElse("unreadable alert");
        Runnable told = () -> { };
        if (plan.decision() == Decision.REJECTED) {
            auditRejection(session, entry.signalId(), described, plan, now);
            told = rejected(entry.signalId(), described, plan, riskCheck, now);
        }
        released.add(new DecisionListener.Released(entry.signalId(), entry.symbol(),
                plan.decision().wireName() + plan.reason().map(r -> ": " + r).orElse("")));
        session.endPending(entry.signalId(), PendingSignal.State.RELEASED, now, "tvbridge",
                plan.decision().wireName() + plan.reason().map(r -> ": " + r).orElse(""));
        log.info("signal={}{} released at the open: {}{}", entry.signalId(), orderIds(orders),
                plan.decision().wireName(), plan.reason().map(r -> " - " + r).orElse(""));
        Runnable tell = told;
        return () -> {
            tell.run();
            if (!dryRun) {
                alert.ifPresent(read -> tellDecided(entry.signalId(), read, orders, now));
                orders.forEach(submitter::submit);
            }
        };
    }

    /**
     * When the pending queue is next released: the earliest open of a market a waiting signal is
     * for; empty while nothing waits.
     */
    public Optional<Instant> nextRelease() {
        return pendingQueue.nextRelease();
    }

    /**
     * Releases the waiting signals whose market is open now (the stage also looks every second by
     * itself); the future completes with the number still waiting afterwards.
     */
    public CompletableFuture<Integer> releaseDue() {
        return run(session -> {
        }).thenApply(done -> pendingQueue.published().size());
    }

    private Optional<Outcome.Duplicate> findDuplicate(StoreSession session, SignalCandidate candidate, Instant now) {
        Optional<String> alertId = candidate.alert().alertId();
        if (alertId.isPresent()) {
            return duplicates.byAlertId(alertId.get()).map(earlier -> duplicate(session, earlier,
                    "alert_id '" + alertId.get() + "' was already received at " + earlier.receivedAt()
                            + " as signal " + earlier.signalId() + "; nothing new was ordered"));
        }
        return duplicates.byBody(candidate.bodyHash(), candidate.receivedAt())
                .map(earlier -> duplicate(session, earlier, "the same alert arrived "
                        + Duration.between(earlier.receivedAt(), now).toSeconds() + " s earlier as signal "
                        + earlier.signalId() + " (identical alerts within " + duplicateWindow.toSeconds()
                        + " s are taken as resends); nothing new was ordered"));
    }

    private static Outcome.Duplicate duplicate(StoreSession session, DuplicateFilter.Earlier earlier, String reason) {
        return new Outcome.Duplicate(earlier.signalId(), session.answeredOrderIds(earlier.signalId()), reason);
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
            signalIds.reload(session);
            duplicates.load(session.signalKeys(duplicates.bodiesSince(clock.instant())));
            factory.continueAfter(session.maxOrderId());
            pendingQueue.load(session.pendingSignals(PendingSignal.State.WAITING), clock.instant());
        }
    }

    /** " order=<id>,<id>" for a log line, or nothing when there is no order. */
    private static String orderIds(List<StoredOrder> orders) {
        return orders.isEmpty() ? "" : " order=" + orders.stream().map(o -> o.clientOrderId().value())
                .collect(Collectors.joining(","));
    }

    private static String describe(Alert alert) {
        List<String> words = new ArrayList<>();
        words.add(alert.action().name().toLowerCase(Locale.ROOT));
        alert.quantity().ifPresent(q -> words.add(q.toPlainString()
                + (alert.quantityUnit().isUnits() ? "" : " " + alert.quantityUnit().wireName())));
        alert.targetPosition().ifPresent(t -> words.add("to " + t.toPlainString()));
        alert.symbol().ifPresent(words::add);
        words.add(alert.orderType().name().toLowerCase(Locale.ROOT));
        return String.join(" ", words);
    }

    @Override
    public void close() {
        pendingClock.shutdownNow();
        worker.close();
    }
}

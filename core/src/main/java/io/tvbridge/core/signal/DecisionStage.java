package io.tvbridge.core.signal;

import io.tvbridge.broker.spi.model.ClientOrderId;
import io.tvbridge.broker.spi.model.OrderType;
import io.tvbridge.broker.spi.model.TimeInForce;
import io.tvbridge.core.alert.Alert;
import io.tvbridge.core.concurrent.BatchWorker;
import io.tvbridge.core.order.Exposure;
import io.tvbridge.core.order.LedgerListener;
import io.tvbridge.core.order.OrderIds;
import io.tvbridge.core.order.OrderPhase;
import io.tvbridge.core.order.PlannedOrder;
import io.tvbridge.core.routing.BrokerHandle;
import io.tvbridge.core.store.ExpectedPosition;
import io.tvbridge.core.store.Store;
import io.tvbridge.core.store.StoreSession;
import io.tvbridge.core.store.StoredOrder;
import io.tvbridge.core.store.StoredSignal;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that decides signals. It owns the account's {@link Exposure}, so every
 * decision sees the effect of every earlier one, however many webhooks arrive at once.
 *
 * <p>It takes signals in batches: for each it checks for a duplicate, plans the orders and
 * writes the signal and its orders; then it commits the whole batch once, and only after
 * that commit are the webhooks answered and the orders handed to the submitter. An answer
 * therefore always describes something already on disk, and a burst costs one disk write
 * per batch rather than one per request.
 */
public final class DecisionStage implements LedgerListener, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DecisionStage.class);
    private static final int MAX_BATCH = 256;

    private record Decide(SignalCandidate candidate, CompletableFuture<Outcome> result) {
    }

    private record PositionReport(String symbol, BigDecimal quantity) {
    }

    private record OrderReport(StoredOrder order) {
    }

    private final Store store;
    private final BrokerHandle broker;
    private final OrderPlanner planner;
    private final OrderIds ids;
    private final Duration duplicateWindow;
    private final Clock clock;
    private final Consumer<StoredOrder> submitter;
    private final Exposure exposure;
    private final BatchWorker<Object> worker;
    private long lastSignalId;
    private long lastOrderId;

    public DecisionStage(Store store, BrokerHandle broker, OrderPlanner planner, OrderIds ids,
                         Duration duplicateWindow, Clock clock, Consumer<StoredOrder> submitter) {
        this.store = store;
        this.broker = broker;
        this.planner = planner;
        this.ids = ids;
        this.duplicateWindow = duplicateWindow;
        this.clock = clock;
        this.submitter = submitter;
        this.exposure = new Exposure(broker.name());
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

    public int queued() {
        return worker.queued();
    }

    @Override
    public void orderChanged(StoredOrder order) {
        worker.offer(new OrderReport(order));
    }

    @Override
    public void positionChanged(ExpectedPosition position) {
        if (position.broker().equals(broker.name())) {
            worker.offer(new PositionReport(position.symbol(), position.quantity()));
        }
    }

    private void handle(List<Object> batch) {
        List<Runnable> afterCommit = new ArrayList<>();
        try (StoreSession session = store.open()) {
            for (Object task : batch) {
                if (task instanceof Decide decide) {
                    afterCommit.add(decide(session, decide));
                } else if (task instanceof PositionReport report) {
                    exposure.setPosition(report.symbol(), report.quantity());
                } else if (task instanceof OrderReport report) {
                    exposure.track(report.order());
                }
            }
            session.commit();
        } catch (RuntimeException e) {
            log.error("could not store a batch of {} signals; none was acknowledged", batch.size(), e);
            batch.stream().filter(Decide.class::isInstance).map(Decide.class::cast).forEach(decide ->
                    decide.result().complete(new Outcome.Unavailable(
                            "the alert could not be stored (database error); nothing was ordered")));
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

        Plan plan = planner.plan(alert, exposure);
        long signalId = ++lastSignalId;
        session.insertSignal(new StoredSignal(signalId, candidate.receivedAt(), candidate.bodyHash(),
                candidate.sourceAddress(), candidate.contentType(), candidate.payload(), alert, plan.decision(),
                plan.reason(), now, 0));
        List<StoredOrder> orders = new ArrayList<>();
        int leg = 1;
        for (PlannedOrder planned : plan.orders()) {
            StoredOrder order = newOrder(signalId, leg++, planned, now);
            session.insertOrder(order);
            exposure.track(order);
            orders.add(order);
            for (StoredOrder child : bracketChildren(order, now)) {
                session.insertOrder(child);
                exposure.track(child);
            }
        }
        log.info("signal {} {}: {} {}", signalId, plan.decision().wireName(), describe(alert),
                plan.reason().orElseGet(() -> orders.stream().map(o -> o.clientOrderId().value()).toList().toString()));
        Outcome outcome = new Outcome.Decided(signalId, plan.decision(), plan.reason(),
                orders.stream().map(StoredOrder::clientOrderId).toList());
        return () -> {
            task.result().complete(outcome);
            orders.forEach(submitter);
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
                .map(StoredOrder::clientOrderId).toList();
        return new Outcome.Duplicate(earlier.id(), orders, reason);
    }

    private StoredOrder newOrder(long signalId, int leg, PlannedOrder planned, Instant now) {
        return new StoredOrder(++lastOrderId, ids.forSignal(signalId, leg), signalId, broker.name(), broker.account(),
                planned.instrument(), planned.side(), planned.quantity(), planned.type(), planned.limitPrice(),
                planned.stopPrice(), planned.takeProfit(), planned.stopLoss(), planned.referencePrice(),
                planned.timeInForce(), false, BigDecimal.ONE, OrderPhase.NEW, Optional.empty(), BigDecimal.ZERO,
                Optional.empty(), Optional.empty(), now, Optional.empty(), now, Optional.empty());
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
                BigDecimal.ONE, OrderPhase.NEW, Optional.empty(), BigDecimal.ZERO, Optional.empty(), Optional.empty(),
                now, Optional.empty(), now, Optional.of(entry.clientOrderId()));
    }

    /** Reads the exposure and the last ids from the store: at start, and after a failed commit. */
    private void reload() {
        try (StoreSession session = store.open()) {
            exposure.reload(session);
            lastSignalId = session.maxSignalId();
            lastOrderId = session.maxOrderId();
        }
    }

    private static String describe(Alert alert) {
        List<String> words = new ArrayList<>();
        words.add(alert.action().name().toLowerCase(Locale.ROOT));
        alert.quantity().ifPresent(q -> words.add(q.toPlainString()));
        alert.symbol().ifPresent(words::add);
        words.add(alert.orderType().name().toLowerCase(Locale.ROOT));
        return String.join(" ", words);
    }

    @Override
    public void close() {
        worker.close();
    }
}

package io.tvbridge.core.order;

import io.tvbridge.broker.spi.BrokerListener;
import io.tvbridge.broker.spi.model.ClientOrderId;
import io.tvbridge.broker.spi.model.ConnectionEvent;
import io.tvbridge.broker.spi.model.Fill;
import io.tvbridge.broker.spi.model.Holding;
import io.tvbridge.broker.spi.model.OrderUpdate;
import io.tvbridge.core.concurrent.BatchWorker;
import io.tvbridge.core.store.AuditEntry;
import io.tvbridge.core.store.ExpectedPosition;
import io.tvbridge.core.store.OrderChange;
import io.tvbridge.core.store.Store;
import io.tvbridge.core.store.StoreSession;
import io.tvbridge.core.store.StoredOrder;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records what one broker reports: order updates, fills, connection changes; and the positions
 * an operator adopts from the broker after a reconciliation mismatch. It is the
 * broker's {@link BrokerListener}: events are queued at once and stored by one thread, a
 * batch per transaction. Fills are counted once by execution id and move the expected
 * position; orders only ever move forward. After each commit the {@link LedgerListener}s hear
 * what changed.
 */
public final class Ledger implements BrokerListener, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Ledger.class);
    private static final int MAX_BATCH = 256;
    private static final int COMMIT_ATTEMPTS = 3;

    private final String broker;
    private final String account;
    private final Store store;
    private final Clock clock;
    private final List<LedgerListener> listeners = new CopyOnWriteArrayList<>();
    private final Map<ClientOrderId, String> cancelReasons = new ConcurrentHashMap<>();
    private final BatchWorker<Object> worker;

    public Ledger(String broker, String account, Store store, Clock clock) {
        this.broker = broker;
        this.account = account;
        this.store = store;
        this.clock = clock;
        this.worker = new BatchWorker<>("tvbridge-ledger-" + broker, MAX_BATCH, this::handle).start();
    }

    public void addListener(LedgerListener listener) {
        listeners.add(listener);
    }

    @Override
    public void onOrderUpdate(OrderUpdate update) {
        enqueue(update);
    }

    @Override
    public void onFill(Fill fill) {
        enqueue(fill);
    }

    @Override
    public void onConnection(ConnectionEvent event) {
        enqueue(event);
    }

    public int queued() {
        return worker.queued();
    }

    /**
     * tvbridge itself asked the broker to cancel this order, for {@code reason}: the cancellation,
     * when the broker reports it, carries that reason rather than the broker's generic one.
     */
    public void explainCancel(ClientOrderId id, String reason) {
        cancelReasons.put(id, reason);
    }

    /** Done once everything queued before it is recorded and its listeners told. */
    private record Flush(CompletableFuture<Void> done) {
    }

    /**
     * Completes once every event queued before this call is recorded and the listeners have heard
     * of it (or recording it failed for good): for an operator's view, and for tests that need the
     * bridge to have caught up with its broker.
     */
    public CompletableFuture<Void> flush() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (!worker.offer(new Flush(done))) {
            done.complete(null);   // closing: nothing more will be recorded
        }
        return done;
    }

    /** An operator takes the broker's position of a symbol as the expected one. */
    private record Adoption(String symbol, BigDecimal quantity, BigDecimal averageCost, BigDecimal multiplier,
                            String actor, String reason, CompletableFuture<ExpectedPosition> result) {
    }

    /**
     * Makes the expected position of {@code symbol} the broker's: {@code quantity} (signed) at
     * {@code averageCost}, keeping the profit it realized so far and its commissions. Done on
     * the ledger's thread, so it never races a fill, and audited with the old and new position
     * in the same transaction. {@code multiplier} serves when tvbridge held no position in the
     * symbol before. Completes with the new position once committed.
     */
    public CompletableFuture<ExpectedPosition> adopt(String symbol, BigDecimal quantity, BigDecimal averageCost,
                                                     BigDecimal multiplier, String actor, String reason) {
        CompletableFuture<ExpectedPosition> result = new CompletableFuture<>();
        if (!worker.offer(new Adoption(symbol, quantity, averageCost, multiplier, actor, reason, result))) {
            result.completeExceptionally(new IllegalStateException("tvbridge is shutting down"));
        }
        return result;
    }

    private void enqueue(Object event) {
        if (!worker.offer(event)) {
            log.warn("{} event arrived while shutting down and was not recorded: {}", broker, event);
        }
    }

    private void handle(List<Object> events) {
        for (int attempt = 1; ; attempt++) {
            List<Runnable> news = new ArrayList<>();
            try (StoreSession session = store.open()) {
                for (Object event : events) {
                    apply(session, event, news::add);
                }
                session.commit();
                news.forEach(Runnable::run);
                flushed(events);
                return;
            } catch (RuntimeException e) {
                if (attempt >= COMMIT_ATTEMPTS) {
                    // the orders stay open in the store; the next start looks them up at the broker
                    log.error("could not record {} {} events after {} attempts; they will be looked up"
                            + " at the broker at the next start", events.size(), broker, attempt, e);
                    events.stream().filter(Adoption.class::isInstance)
                            .forEach(event -> ((Adoption) event).result().completeExceptionally(e));
                    flushed(events);
                    return;
                }
                log.warn("recording {} {} events failed, trying again: {}", events.size(), broker, e.toString());
                sleep(Duration.ofMillis(200L * attempt));
            }
        }
    }

    private static void flushed(List<Object> events) {
        events.stream().filter(Flush.class::isInstance).forEach(event -> ((Flush) event).done().complete(null));
    }

    private void apply(StoreSession session, Object event, Consumer<Runnable> news) {
        if (event instanceof OrderUpdate update) {
            applyUpdate(session, update, news);
        } else if (event instanceof Fill fill) {
            applyFill(session, fill, news);
        } else if (event instanceof ConnectionEvent connection) {
            applyConnection(session, connection, news);
        } else if (event instanceof Adoption adoption) {
            applyAdoption(session, adoption, news);
        }
    }

    private void applyAdoption(StoreSession session, Adoption a, Consumer<Runnable> news) {
        Instant now = clock.instant();
        ExpectedPosition before = session.findPosition(broker, account, a.symbol())
                .orElse(ExpectedPosition.flat(broker, account, a.symbol(), a.multiplier(), now));
        BigDecimal cost = a.quantity().signum() == 0 ? BigDecimal.ZERO : a.averageCost();
        ExpectedPosition after = new ExpectedPosition(broker, account, a.symbol(),
                new Holding(a.quantity(), cost, before.holding().realizedPnl()), before.multiplier(),
                before.commissions(), now);
        session.savePosition(after);
        session.audit(new AuditEntry(now, a.actor(), "position.adopted", a.symbol() + ": " + describe(before)
                + " -> " + describe(after) + " (the broker's); " + a.reason()));
        log.warn("{} position adopted from {} by {}: {} -> {}", a.symbol(), broker, a.actor(), describe(before),
                describe(after));
        news.accept(() -> {
            listeners.forEach(l -> l.positionChanged(after));
            a.result().complete(after);
        });
    }

    private static String describe(ExpectedPosition position) {
        return position.quantity().signum() == 0 ? "flat" : position.quantity().toPlainString() + " at "
                + position.holding().averageCost().toPlainString();
    }

    private void applyUpdate(StoreSession session, OrderUpdate update, Consumer<Runnable> news) {
        Optional<StoredOrder> found = session.findOrder(update.clientOrderId());
        if (found.isEmpty()) {
            unknownOrder(session, "update " + update.status(), update.clientOrderId().value());
            return;
        }
        StoredOrder order = found.get();
        OrderPhase next = OrderPhase.of(update.status());
        if (next == OrderPhase.CANCELLED && cancelReasons.containsKey(order.clientOrderId())) {
            update = new OrderUpdate(update.clientOrderId(), update.brokerOrderId(), update.status(),
                    update.filledQuantity(), update.averageFillPrice(),
                    Optional.of(cancelReasons.remove(order.clientOrderId())), update.time());
        }
        BigDecimal filled = order.filledQuantity().max(update.filledQuantity());
        boolean moves = order.phase().canMoveTo(next);
        boolean addsFill = filled.compareTo(order.filledQuantity()) > 0;
        boolean addsReason = next == order.phase() && update.reason().isPresent() && order.reason().isEmpty();
        // the broker's id may come after a fill already finished the order: keep it all the same
        boolean addsBrokerId = update.brokerOrderId().isPresent() && order.brokerOrderId().isEmpty();
        if (!moves && !addsFill && !addsReason && !addsBrokerId) {
            return;   // repeated or stale: orders never move back
        }
        OrderPhase phase = moves ? next : order.phase();
        session.updateOrder(new OrderChange(order.clientOrderId(), phase, filled, update.averageFillPrice(),
                update.brokerOrderId(), update.reason(), update.time()));
        // a venue may name the reason of a rejection in a later update: that one is audited too
        if (phase == OrderPhase.REJECTED && (moves || addsReason)) {
            session.audit(new AuditEntry(update.time(), "broker:" + broker, "order.rejected", order.clientOrderId()
                    + " " + order.side() + " " + order.quantity().toPlainString() + " " + order.symbol()
                    + update.reason().map(r -> ": " + r).orElse("")));
        }
        if (phase == OrderPhase.REJECTED || phase == OrderPhase.CANCELLED || phase == OrderPhase.EXPIRED) {
            log.info("{} {} {} {}: {}", order.logIds(), order.side(), order.quantity().toPlainString(),
                    order.symbol(), phase + update.reason().map(r -> " - " + r).orElse(""));
        }
        StoredOrder changed = session.findOrder(order.clientOrderId()).orElseThrow();
        news.accept(() -> listeners.forEach(l -> l.orderChanged(changed)));
        if (moves && phase.isTerminal()) {
            news.accept(() -> listeners.forEach(l -> l.orderEnded(changed)));
        }
    }

    private void applyFill(StoreSession session, Fill fill, Consumer<Runnable> news) {
        Optional<StoredOrder> found = session.findOrder(fill.clientOrderId());
        if (found.isEmpty()) {
            unknownOrder(session, "fill " + fill.executionId(), fill.clientOrderId().value());
            return;
        }
        if (!session.isNewFill(broker, fill)) {
            return;   // this execution was counted already
        }
        StoredOrder order = found.get();
        ExpectedPosition before = session.findPosition(broker, account, order.symbol())
                .orElse(ExpectedPosition.flat(broker, account, order.symbol(), order.multiplier(), fill.time()));
        ExpectedPosition after = new ExpectedPosition(broker, account, order.symbol(),
                before.holding().apply(fill.side(), fill.quantity(), fill.price(), order.multiplier()),
                order.multiplier(), before.commissions().add(fill.commission()), clock.instant());
        BigDecimal realized = after.holding().realizedPnl().subtract(before.holding().realizedPnl());
        session.insertFill(broker, fill, realized, clock.instant());
        session.savePosition(after);

        BigDecimal filled = order.filledQuantity().max(session.filledQuantity(order.clientOrderId()));
        OrderPhase reached = filled.compareTo(order.quantity()) >= 0 ? OrderPhase.FILLED : OrderPhase.PARTIALLY_FILLED;
        OrderPhase phase = order.phase().canMoveTo(reached) ? reached : order.phase();
        session.updateOrder(new OrderChange(order.clientOrderId(), phase, filled, Optional.empty(), Optional.empty(),
                Optional.empty(), fill.time()));
        log.info("{} fill {}: {} {} {} at {}, commission {}", order.logIds(), fill.executionId(), fill.side(),
                fill.quantity().toPlainString(), order.symbol(), fill.price().toPlainString(),
                fill.commission().toPlainString());
        StoredOrder changed = session.findOrder(order.clientOrderId()).orElseThrow();
        news.accept(() -> listeners.forEach(l -> l.fillRecorded(changed, fill, realized, after)));
        if (phase != order.phase() && phase.isTerminal()) {
            news.accept(() -> listeners.forEach(l -> l.orderEnded(changed)));
        }
    }

    private void applyConnection(StoreSession session, ConnectionEvent event, Consumer<Runnable> news) {
        String action = event.connected() ? "broker.connected" : "broker.disconnected";
        session.audit(new AuditEntry(event.at(), "broker:" + broker, action, event.detail()));
        if (event.connected()) {
            log.info("{} connected: {}", broker, event.detail());
        } else {
            log.warn("{} disconnected: {}", broker, event.detail());
        }
        news.accept(() -> listeners.forEach(l -> l.connectionChanged(broker, event)));
    }

    private void unknownOrder(StoreSession session, String what, String clientOrderId) {
        log.warn("order={} {} reported {} for it, but tvbridge did not place it; not counted", clientOrderId, broker,
                what);
        session.audit(new AuditEntry(clock.instant(), "broker:" + broker, "order.unknown",
                what + " for client order id " + clientOrderId));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        worker.close();
    }
}

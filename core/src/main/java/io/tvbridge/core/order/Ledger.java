package io.tvbridge.core.order;

import io.tvbridge.broker.spi.BrokerListener;
import io.tvbridge.broker.spi.model.ClientOrderId;
import io.tvbridge.broker.spi.model.ConnectionEvent;
import io.tvbridge.broker.spi.model.Fill;
import io.tvbridge.broker.spi.model.Holding;
import io.tvbridge.broker.spi.model.OrderUpdate;
import io.tvbridge.core.model.OrderPhase;
import io.tvbridge.core.risk.RiskState;
import io.tvbridge.core.store.AuditEntry;
import io.tvbridge.core.store.ExpectedPosition;
import io.tvbridge.core.store.OrderChange;
import io.tvbridge.core.store.StoreSession;
import io.tvbridge.core.store.StoredOrder;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records what one broker reports: order updates, fills, connection changes; the orders the
 * submitter marked as sent; and the positions an operator adopts from the broker after a
 * reconciliation mismatch. It is the broker's {@link BrokerListener}, but it owns no thread and
 * no state: every event becomes a message to the engine loop, which applies it to the account
 * it owns ({@link RiskState}) in the transaction of its batch, so broker news and decisions are
 * one sequence of changes to one account. Fills are counted once by execution id and move the
 * expected position; orders only ever move forward. Nothing is read back from the store but
 * orders already ended (a late report about one). After the batch's commit the
 * {@link LedgerListener}s hear what changed.
 */
public final class Ledger implements SendReports {
    private static final Logger log = LoggerFactory.getLogger(Ledger.class);
    /** How often the events of a batch whose commit failed are tried again before they are left to the next start. */
    private static final int COMMIT_ATTEMPTS = 3;

    /** An event on its way to the engine loop, with the number of commits it was part of that failed. */
    public record News(Object event, int failedAttempts) {
        /** Whether someone waits for this event's commit (a flush, an adoption), rather than only the broker's report. */
        public boolean awaited() {
            return event instanceof Flush || event instanceof Adoption;
        }
    }

    /** Done once everything queued before it is recorded and its listeners told. */
    private record Flush(CompletableFuture<Void> done) {
    }

    /** An operator takes the broker's position of a symbol as the expected one. */
    private record Adoption(String symbol, BigDecimal quantity, BigDecimal averageCost, BigDecimal multiplier,
                            String actor, String reason, CompletableFuture<ExpectedPosition> result) {
    }

    /** Orders the submitter marked as sent (it wrote the mark, before the send). */
    private record Submitted(List<Marked> orders) {
    }

    /** An order marked as sent, with the contract multiplier of its instrument. */
    public record Marked(ClientOrderId clientOrderId, BigDecimal multiplier, Instant at) {
    }

    private final String broker;
    private final String account;
    private final Clock clock;
    private final List<LedgerListener> listeners = new CopyOnWriteArrayList<>();
    /** Orders the loop's batch changed, to be written once each before its commit (loop thread only). */
    private final Map<ClientOrderId, StoredOrder> unwritten = new LinkedHashMap<>();
    private final Map<ClientOrderId, String> cancelReasons = new ConcurrentHashMap<>();
    /** Events that came before the loop was attached, handed over when it is. */
    private final Queue<News> early = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private volatile Predicate<News> loop;

    public Ledger(String broker, String account, Clock clock) {
        this.broker = broker;
        this.account = account;
        this.clock = clock;
    }

    public void addListener(LedgerListener listener) {
        listeners.add(listener);
    }

    /** The engine loop takes the ledger's events from now on: {@code loop} queues one, false when it is closing. */
    public void attach(Predicate<News> loop) {
        this.loop = loop;
        for (News news = early.poll(); news != null; news = early.poll()) {
            offer(news);
        }
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

    /**
     * The submitter marked these orders as sent and committed the mark: the account counts them
     * as submitted, with their contract multiplier, before any report of the broker about them
     * (which the submitter can only cause after this call).
     */
    @Override
    public void submitted(List<Marked> orders) {
        if (!orders.isEmpty()) {
            enqueue(new Submitted(List.copyOf(orders)));
        }
    }

    /** Events waiting for the engine loop. */
    public int queued() {
        return queued.get();
    }

    /**
     * tvbridge itself asked the broker to cancel this order, for {@code reason}: the cancellation,
     * when the broker reports it, carries that reason rather than the broker's generic one.
     */
    public void explainCancel(ClientOrderId id, String reason) {
        cancelReasons.put(id, reason);
    }

    /**
     * Completes once every event queued before this call is recorded and the listeners have heard
     * of it (or recording it failed for good): for an operator's view, and for tests that need the
     * bridge to have caught up with its broker.
     */
    public CompletableFuture<Void> flush() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (!offer(new News(new Flush(done), 0))) {
            done.complete(null);   // closing: nothing more will be recorded
        }
        return done;
    }

    /**
     * Makes the expected position of {@code symbol} the broker's: {@code quantity} (signed) at
     * {@code averageCost}, keeping the profit it realized so far and its commissions. Done on
     * the engine loop, so it never races a fill, and audited with the old and new position in
     * the same transaction. {@code multiplier} serves when tvbridge held no position in the
     * symbol before. Completes with the new position once committed.
     */
    public CompletableFuture<ExpectedPosition> adopt(String symbol, BigDecimal quantity, BigDecimal averageCost,
                                                     BigDecimal multiplier, String actor, String reason) {
        CompletableFuture<ExpectedPosition> result = new CompletableFuture<>();
        if (!offer(new News(new Adoption(symbol, quantity, averageCost, multiplier, actor, reason, result), 0))) {
            result.completeExceptionally(new IllegalStateException("tvbridge is shutting down"));
        }
        return result;
    }

    private void enqueue(Object event) {
        if (!offer(new News(event, 0))) {
            log.warn("{} event arrived while shutting down and was not recorded: {}", broker, event);
        }
    }

    private boolean offer(News news) {
        Predicate<News> target = loop;
        if (target == null) {
            early.add(news);
            return true;
        }
        queued.incrementAndGet();
        if (!target.test(news)) {
            queued.decrementAndGet();
            return false;
        }
        return true;
    }

    // --- on the engine loop's thread ---

    /**
     * Applies one event to the account and writes its rows in the loop's transaction; what the
     * listeners must hear goes to {@code afterCommit}.
     */
    public void apply(StoreSession session, News news, RiskState book, Consumer<Runnable> afterCommit) {
        queued.decrementAndGet();
        Object event = news.event();
        if (event instanceof OrderUpdate update) {
            applyUpdate(session, update, book, afterCommit);
        } else if (event instanceof Fill fill) {
            applyFill(session, fill, book, afterCommit);
        } else if (event instanceof Submitted submitted) {
            applySubmitted(submitted, book);
        } else if (event instanceof ConnectionEvent connection) {
            applyConnection(session, connection, afterCommit);
        } else if (event instanceof Adoption adoption) {
            applyAdoption(session, adoption, book, afterCommit);
        } else if (event instanceof Flush flush) {
            afterCommit.accept(() -> flush.done().complete(null));
        }
    }

    /**
     * The commit of the batch that held {@code news} failed, and the loop has reloaded the account
     * from the store: the event is tried again, up to a limit; then it is left for the next
     * start, which looks the open orders up at the broker.
     */
    public void failed(News news, RuntimeException cause) {
        queued.decrementAndGet();
        int attempts = news.failedAttempts() + 1;
        if (attempts < COMMIT_ATTEMPTS && offer(new News(news.event(), attempts))) {
            log.warn("recording a {} event failed, trying again: {}", broker, cause.toString());
            return;
        }
        log.error("could not record a {} event after {} attempts; the order will be looked up at the broker"
                + " at the next start: {}", broker, attempts, news.event(), cause);
        if (news.event() instanceof Adoption adoption) {
            adoption.result().completeExceptionally(cause);
        } else if (news.event() instanceof Flush flush) {
            flush.done().complete(null);
        }
    }

    /** Orders the sender has sent: marked SUBMITTED with their multiplier, a bracket's children with their entry. */
    private void applySubmitted(Submitted submitted, RiskState book) {
        for (Marked marked : submitted.orders()) {
            for (ClientOrderId id : List.of(marked.clientOrderId(), marked.clientOrderId().child(ClientOrderId.TAKE_PROFIT),
                    marked.clientOrderId().child(ClientOrderId.STOP_LOSS))) {
                book.openOrder(id).filter(order -> order.phase() == OrderPhase.NEW)   // else marked already: a resend
                        .ifPresent(order -> changed(book, order.submitted(marked.multiplier(), marked.at())));
            }
        }
    }

    /**
     * A cancel alert asks for the cancel of {@code order}, for {@code reason}: the request is written
     * with the batch (a start after a crash sends the cancel again, and never sends the order if it
     * had not gone), and the cancellation, when it comes, says why.
     */
    public void cancelRequested(RiskState book, StoredOrder order, Instant at, String reason) {
        explainCancel(order.clientOrderId(), reason);
        changed(book, order.with(order.progress().cancelRequested(at)));
    }

    /** {@code order} as it now stands: the account knows it at once, the store at the end of the batch. */
    private void changed(RiskState book, StoredOrder order) {
        book.orderChanged(order);
        unwritten.put(order.clientOrderId(), order);
    }

    /**
     * Writes the orders the batch changed, each once in its latest state (sent, acknowledged and
     * filled in one batch is one row write): called by the loop before its commit.
     */
    public void writeChanges(StoreSession session) {
        unwritten.forEach((id, order) -> session.saveProgress(id, order.progress()));
        unwritten.clear();
    }

    /** The batch was not committed: its changes are dropped with it (the loop reloads the account). */
    public void discardChanges() {
        unwritten.clear();
    }

    private void applyAdoption(StoreSession session, Adoption a, RiskState book, Consumer<Runnable> afterCommit) {
        Instant now = clock.instant();
        Optional<ExpectedPosition> stored = book.storedPosition(a.symbol());
        ExpectedPosition before = stored.orElse(ExpectedPosition.flat(broker, account, a.symbol(), a.multiplier(), now));
        BigDecimal cost = a.quantity().signum() == 0 ? BigDecimal.ZERO : a.averageCost();
        ExpectedPosition after = new ExpectedPosition(broker, account, a.symbol(),
                new Holding(a.quantity(), cost, before.holding().realizedPnl()), before.multiplier(),
                before.commissions(), now);
        session.savePosition(after, stored.isPresent());
        book.setPosition(after);
        session.audit(new AuditEntry(now, a.actor(), "position.adopted", a.symbol() + ": " + describe(before)
                + " -> " + describe(after) + " (the broker's); " + a.reason()));
        log.warn("{} position adopted from {} by {}: {} -> {}", a.symbol(), broker, a.actor(), describe(before),
                describe(after));
        afterCommit.accept(() -> {
            listeners.forEach(l -> l.positionChanged(after));
            a.result().complete(after);
        });
    }

    private static String describe(ExpectedPosition position) {
        return position.quantity().signum() == 0 ? "flat" : position.quantity().toPlainString() + " at "
                + position.holding().averageCost().toPlainString();
    }

    /** An order the account knows (open, or among those that ended last) or the batch changed; else from the store (rare). */
    private Optional<StoredOrder> find(StoreSession session, RiskState book, ClientOrderId id) {
        Optional<StoredOrder> known = book.knownOrder(id).or(() -> Optional.ofNullable(unwritten.get(id)));
        return known.isPresent() ? known : session.findOrder(id);
    }

    private void applyUpdate(StoreSession session, OrderUpdate update, RiskState book, Consumer<Runnable> afterCommit) {
        Optional<StoredOrder> found = find(session, book, update.clientOrderId());
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
        OrderChange change = new OrderChange(order.clientOrderId(), phase, filled, update.averageFillPrice(),
                update.brokerOrderId(), update.reason(), update.time());
        session.recordOrderEvent(change);
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
        StoredOrder changed = order.changed(change);
        changed(book, changed);
        afterCommit.accept(() -> listeners.forEach(l -> l.orderChanged(changed)));
        if (moves && phase.isTerminal()) {
            afterCommit.accept(() -> listeners.forEach(l -> l.orderEnded(changed)));
        }
    }

    private void applyFill(StoreSession session, Fill fill, RiskState book, Consumer<Runnable> afterCommit) {
        Optional<StoredOrder> found = find(session, book, fill.clientOrderId());
        if (found.isEmpty()) {
            unknownOrder(session, "fill " + fill.executionId(), fill.clientOrderId().value());
            return;
        }
        StoredOrder order = found.get();
        Instant now = clock.instant();
        Optional<ExpectedPosition> stored = book.storedPosition(order.symbol());
        ExpectedPosition before = stored.orElse(ExpectedPosition.flat(broker, account, order.symbol(),
                order.multiplier(), fill.time()));
        ExpectedPosition after = new ExpectedPosition(broker, account, order.symbol(),
                before.holding().apply(fill.side(), fill.quantity(), fill.price(), order.multiplier()),
                order.multiplier(), before.commissions().add(fill.commission()), now);
        BigDecimal realized = after.holding().realizedPnl().subtract(before.holding().realizedPnl());
        // the account knows every execution of the orders it knows; the store is asked only of an order ended long ago
        boolean known = book.knownOrder(order.clientOrderId()).isPresent();
        if (known ? book.hasExecution(order.clientOrderId(), fill.executionId()) : !session.isNewFill(broker, fill)) {
            return;   // this execution was counted already
        }
        session.insertFill(broker, fill, realized, now);
        session.savePosition(after, stored.isPresent());

        BigDecimal byFills = known ? book.filledByFills(order.clientOrderId()).add(fill.quantity())
                : session.filledQuantity(order.clientOrderId());
        BigDecimal filled = order.filledQuantity().max(byFills);
        OrderPhase reached = filled.compareTo(order.quantity()) >= 0 ? OrderPhase.FILLED : OrderPhase.PARTIALLY_FILLED;
        OrderPhase phase = order.phase().canMoveTo(reached) ? reached : order.phase();
        OrderChange change = new OrderChange(order.clientOrderId(), phase, filled, averageWith(order, fill),
                Optional.empty(), Optional.empty(), fill.time());
        StoredOrder changed = order.changed(change);
        if (known) {
            book.fillAdded(order.clientOrderId(), fill.executionId(), fill.quantity());
        }
        book.setPosition(after);
        if (phase != order.phase() || filled.compareTo(order.filledQuantity()) != 0) {
            changed(book, changed);   // the fill's own row is the event
        } else {
            book.orderChanged(changed);
        }
        book.fillRecorded(order.symbol(), fill, realized);
        log.info("{} fill {}: {} {} {} at {}, commission {}", order.logIds(), fill.executionId(), fill.side(),
                fill.quantity().toPlainString(), order.symbol(), fill.price().toPlainString(),
                fill.commission().toPlainString());
        afterCommit.accept(() -> listeners.forEach(l -> l.fillRecorded(changed, fill, realized, after)));
        if (phase != order.phase() && phase.isTerminal()) {
            afterCommit.accept(() -> listeners.forEach(l -> l.orderEnded(changed)));
        }
    }

    /**
     * The order's average fill price with {@code fill} added to what it had filled; empty when the
     * order's own average is unknown while it had fills (the broker's next update then tells it).
     */
    private static Optional<BigDecimal> averageWith(StoredOrder order, Fill fill) {
        BigDecimal before = order.filledQuantity();
        if (before.signum() > 0 && order.averageFillPrice().isEmpty()) {
            return Optional.empty();
        }
        BigDecimal paid = order.averageFillPrice().map(price -> price.multiply(before)).orElse(BigDecimal.ZERO)
                .add(fill.price().multiply(fill.quantity()));
        BigDecimal total = before.add(fill.quantity());
        return Optional.of(paid.divide(total, Math.max(fill.price().scale(), 2) + 4, RoundingMode.HALF_EVEN)
                .stripTrailingZeros());
    }

    private void applyConnection(StoreSession session, ConnectionEvent event, Consumer<Runnable> afterCommit) {
        String action = event.connected() ? "broker.connected" : "broker.disconnected";
        session.audit(new AuditEntry(event.at(), "broker:" + broker, action, event.detail()));
        if (event.connected()) {
            log.info("{} connected: {}", broker, event.detail());
        } else {
            log.warn("{} disconnected: {}", broker, event.detail());
        }
        afterCommit.accept(() -> listeners.forEach(l -> l.connectionChanged(broker, event)));
    }

    private void unknownOrder(StoreSession session, String what, String clientOrderId) {
        log.warn("order={} {} reported {} for it, but tvbridge did not place it; not counted", clientOrderId, broker,
                what);
        session.audit(new AuditEntry(clock.instant(), "broker:" + broker, "order.unknown",
                what + " for client order id " + clientOrderId));
    }
}

package io.tvbridge.core.order;

import io.github.bucket4j.Bucket;
import io.tvbridge.core.concurrent.Timers;
import io.tvbridge.broker.spi.BrokerException;
import io.tvbridge.broker.spi.model.ClientOrderId;
import io.tvbridge.broker.spi.model.Fill;
import io.tvbridge.broker.spi.model.Instrument;
import io.tvbridge.broker.spi.model.InstrumentRef;
import io.tvbridge.broker.spi.model.OrderAck;
import io.tvbridge.broker.spi.model.OrderRequest;
import io.tvbridge.broker.spi.model.OrderState;
import io.tvbridge.broker.spi.model.OrderStatus;
import io.tvbridge.broker.spi.model.OrderUpdate;
import io.tvbridge.broker.spi.model.Side;
import io.tvbridge.core.concurrent.LaneQueue;
import io.tvbridge.core.metrics.BridgeMetrics.SubmitResult;
import io.tvbridge.core.metrics.BridgeMetrics;
import io.tvbridge.core.model.OrderPhase;
import io.tvbridge.core.routing.BrokerHandle;
import io.tvbridge.core.settings.RiskSettings;
import io.tvbridge.core.store.ExpectedPosition;
import io.tvbridge.core.store.Store;
import io.tvbridge.core.store.StoredOrder;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends stored orders to the broker, off the decision thread, from one dispatcher thread. Orders
 * wait in lanes, one per account and symbol: exits go ahead of entries, but an order never
 * overtakes an earlier one of its own symbol, and the next order of a symbol leaves only once the
 * broker has answered the one before. Orders of different symbols do not wait for each other's
 * answers: the dispatcher hands an order over with
 * {@link io.tvbridge.broker.spi.Broker#submitAsync} and moves on, the order's lane busy until the
 * answer comes. The answer comes back to the dispatcher as a job of its own, so that what follows
 * from it (the ledger's update, a look-up or retry, the circuit breaker) happens on that one
 * thread as for any other step, and only then frees the lane. Sends are paced
 * ({@code max_orders_per_second}) and new entries wait while too many orders work at the broker
 * ({@code max_outstanding_orders}); exits never wait for that cap, and they leave ahead of waiting
 * entries (without waiting, though, for an exit of another symbol to be answered).
 *
 * <p>Before a send the engine is told the order is on its way; it marks the order
 * {@link OrderPhase#SUBMITTED} in its next commit, without the send waiting for that. An order
 * the store still holds as NEW at a start may therefore have been sent: it is looked up by its
 * client order id before it is sent again. When the outcome of a send is unknown (timeout, lost
 * connection) the order is looked up by its client order id before anything is sent again, with
 * growing pauses for as long as the broker stays unreachable; its symbol's lane waits meanwhile.
 */
public final class OrderSubmitter implements OrderSink, LedgerListener, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OrderSubmitter.class);
    private static final Duration MAX_PAUSE = Duration.ofSeconds(60);
    private static final Duration LONG_WAIT = Duration.ofSeconds(30);
    /** New orders taken together at most, their marks committed at once. */
    private static final int MAX_GROUP = 64;

    /**
     * One step of work on one order; true once the broker's answer is known and handled, false while
     * it is awaited or a retry is scheduled (a job then resumes the order, its lane busy meanwhile).
     */
    @FunctionalInterface
    private interface Step {
        boolean run();
    }

    private enum Kind { SEND, CHECK, CANCEL }

    private record Job(StoredOrder order, Kind kind, Step step) {
        String lane() {
            return order.account() + ":" + order.symbol();
        }

        /** Exits, sells and cancels go first, as in the decision stage. */
        boolean goesFirst() {
            return kind == Kind.CANCEL || !order.opens() || order.side() == Side.SELL;
        }
    }

    private final BrokerHandle handle;
    private final Store store;
    private final SendReports ledger;
    private final Clock clock;
    private final BridgeMetrics metrics;
    private final Object lock = new Object();
    private final LaneQueue<Job> queue = new LaneQueue<>();
    private final Deque<Job> resumed = new ArrayDeque<>();
    private final Set<ClientOrderId> working = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService retries;
    private final Thread dispatcher;
    private final Map<InstrumentRef, Instrument> instruments = new ConcurrentHashMap<>();
    private final AtomicInteger retrying = new AtomicInteger();
    private final AtomicInteger running = new AtomicInteger();
    /** Orders handed to the broker whose answer has not come back yet. */
    private final AtomicInteger answering = new AtomicInteger();

    private volatile BrokerCircuit circuit;
    private volatile Optional<Bucket> pace = Optional.empty();
    private volatile int maxOutstanding;
    private volatile int ordersPerSecond;
    private volatile boolean closing;
    private volatile long waitingSince;

    public OrderSubmitter(BrokerHandle handle, Store store, SendReports ledger, BrokerCircuit circuit,
                          RiskSettings settings, Clock clock, BridgeMetrics metrics) {
        this.handle = handle;
        this.metrics = metrics;
        this.circuit = circuit;
        this.store = store;
        this.ledger = ledger;
        this.clock = clock;
        this.retries = Timers.single("tvbridge-submit-retry");
        useLimits(settings);
        this.dispatcher = new Thread(this::dispatch, "tvbridge-submit");
        dispatcher.start();
    }

    /** Queues a newly decided order for sending (a bracket's children go with their parent). */
    @Override
    public void submit(StoredOrder order) {
        if (!order.isBracketChild()) {
            enqueue(new Job(order, Kind.SEND, () -> send(order, 0)));
        }
    }

    /**
     * Queues a cancel in the order's lane: it goes once what was queued before it for the symbol
     * (the order's own send among them) has its answer. The cancel's outcome arrives as an update.
     */
    @Override
    public void cancel(StoredOrder order) {
        enqueue(new Job(order, Kind.CANCEL, () -> cancel(order, 0)));
    }

    /** Replaces the circuit breaker (its settings changed). */
    public void useCircuit(BrokerCircuit replacement) {
        circuit = replacement;
    }

    /** Takes the pace and the cap on outstanding orders from the settings. */
    public void useLimits(RiskSettings settings) {
        int perSecond = settings.maxOrdersPerSecond();
        ordersPerSecond = perSecond;
        // one token at a time, refilled every 1/N s: orders leave evenly spaced, never N+1 within a second
        pace = perSecond == 0 ? Optional.empty() : Optional.of(Bucket.builder()
                .addLimit(limit -> limit.capacity(1).refillGreedy(1, Duration.ofNanos(1_000_000_000L / perSecond)))
                .build());
        maxOutstanding = settings.maxOutstandingOrders();
        wake();
    }

    /** Orders waiting to be sent or checked, or being sent, or waiting for the broker's answer or a retry. */
    public int pending() {
        synchronized (lock) {
            return queue.size() + resumed.size() + retrying.get() + running.get() + answering.get();
        }
    }

    /** Orders sent and still working at the broker, as counted for {@code max_outstanding_orders}. */
    public int outstanding() {
        return working.size();
    }

    /**
     * Picks up the orders an earlier run left unfinished: sends those never sent, and looks
     * up at the broker those whose outcome is unknown or that were still working.
     */
    public void recover() {
        List<StoredOrder> unfinished = store.inTransaction(session -> session.ordersInPhases(EnumSet.of(
                OrderPhase.NEW, OrderPhase.SUBMITTED, OrderPhase.ACCEPTED, OrderPhase.PARTIALLY_FILLED)));
        for (StoredOrder order : unfinished) {
            if (!order.broker().equals(handle.name())) {
                continue;
            }
            if (order.progress().cancelRequestedAt().isPresent()) {
                log.info("{} was to be cancelled at the last stop (a cancel alert); asking {} where it stands",
                        order.logIds(), handle.name());
                enqueue(new Job(order, Kind.CANCEL, () -> lookThenCancel(order, 0)));
            } else if (order.phase() == OrderPhase.NEW && !order.isBracketChild()) {
                // its "sent" mark is written after the send, in the engine's next commit: it may have gone
                log.info("{} was decided before the last stop and may have been sent; asking {} before sending it",
                        order.logIds(), handle.name());
                enqueue(new Job(order, Kind.CHECK, () -> lookThenSend(order, 0)));
            } else {
                if (!order.isBracketChild()) {
                    working.add(order.clientOrderId());
                }
                log.info("{} was {} at the last stop; asking {} where it stands", order.logIds(), order.phase(),
                        handle.name());
                enqueue(new Job(order, Kind.CHECK, () -> check(order, 0)));
            }
        }
    }

    @Override
    public void orderChanged(StoredOrder order) {
        if (order.phase().isTerminal() && working.remove(order.clientOrderId())) {
            wake();
        }
    }

    @Override
    public void fillRecorded(StoredOrder order, Fill fill, BigDecimal realizedPnl, ExpectedPosition position) {
        orderChanged(order);
    }

    // --- the dispatcher ---

    private void enqueue(Job job) {
        synchronized (lock) {
            queue.add(job, job.lane(), job.goesFirst());
            lock.notifyAll();
        }
    }

    private void wake() {
        synchronized (lock) {
            lock.notifyAll();
        }
    }

    private void dispatch() {
        while (true) {
            List<Job> group;
            synchronized (lock) {
                group = nextGroup();
                while (group.isEmpty()) {
                    if (closing && queue.size() == 0 && resumed.isEmpty() && answering.get() == 0) {
                        return;
                    }
                    try {
                        lock.wait(100);
                    } catch (InterruptedException e) {
                        return;
                    }
                    group = nextGroup();
                }
                running.addAndGet(group.size());
            }
            List<Step> steps = group.get(0).kind() == Kind.SEND ? prepare(group)
                    : group.stream().map(Job::step).toList();
            for (int i = 0; i < group.size(); i++) {
                Job job = group.get(i);
                boolean settled = true;
                try {
                    settled = steps.get(i).run();
                } catch (RuntimeException e) {
                    log.error("{} order submission failed unexpectedly", job.order().logIds(), e);
                } finally {
                    synchronized (lock) {
                        running.decrementAndGet();
                        if (settled) {
                            queue.done(job.lane());
                        }
                    }
                }
            }
        }
    }

    /**
     * Every answer and retry that has come back, all at once (they are quick, and the lanes they
     * free then share the next group); else the next job, and with a new order the other new
     * orders that may go now (one per symbol, exits first, within the cap on outstanding orders and
     * about a tenth of a second of the pace): their "about to be sent" marks then share one commit
     * instead of one each.
     */
    private List<Job> nextGroup() {
        if (!resumed.isEmpty()) {
            List<Job> resuming = new ArrayList<>(resumed);
            resumed.clear();
            return resuming;
        }
        Job first = nextJob();
        if (first == null) {
            return List.of();
        }
        if (first.kind() != Kind.SEND) {
            return List.of(first);
        }
        List<Job> group = new ArrayList<>();
        group.add(first);
        int limit = pace.isEmpty() ? MAX_GROUP : Math.max(1, Math.min(MAX_GROUP, ordersPerSecond / 10));
        while (group.size() < limit && resumed.isEmpty()) {
            int taken = group.size();
            Optional<Job> next = queue.next(job -> job.kind() == Kind.SEND
                    && (!job.order().opens() || mayStartEntries(taken)));
            if (next.isEmpty()) {
                break;
            }
            group.add(next.get());
        }
        return group;
    }

    /**
     * What each job of the group runs. New orders that can be sent are marked submitted together,
     * in one transaction, before any of them is sent; a crash after that commit leaves them to be
     * looked up by the next start, as for any order whose send was under way.
     */
    private List<Step> prepare(List<Job> group) {
        if (group.size() == 1) {
            return List.of(group.get(0).step());
        }
        List<Step> steps = new ArrayList<>(group.size());
        List<Ready> ready = new ArrayList<>();
        try {
            for (Job job : group) {
                Preparation preparation = prepare(job.order(), 0);
                if (preparation.ready().isPresent()) {
                    Ready order = preparation.ready().get();
                    ready.add(order);
                    steps.add(() -> place(order.order(), order.request(), 0));
                } else {
                    steps.add(preparation::settled);
                }
            }
            markSubmitted(ready);
            return steps;
        } catch (RuntimeException e) {
            // nothing was sent; the orders stay NEW in the store and the next start sends them
            ready.forEach(order -> working.remove(order.order().clientOrderId()));
            log.error("{} orders could not be prepared for sending; none was sent, the next start sends them",
                    group.size(), e);
            return group.stream().<Step>map(job -> () -> true).toList();
        }
    }

    /** The next job whose lane is free and that may start now. */
    private Job nextJob() {
        Optional<Job> next = queue.next(this::mayStart);
        if (next.isEmpty() && queue.size() > 0 && !mayStartEntries()) {
            long now = System.nanoTime();
            if (waitingSince == 0) {
                waitingSince = now;
            } else if (now - waitingSince > LONG_WAIT.toNanos()) {
                log.warn("{} order(s) wait because {} orders are working at {} (max_outstanding_orders {})",
                        queue.size(), working.size(), handle.name(), maxOutstanding);
                waitingSince = now;
            }
        } else if (next.isPresent()) {
            waitingSince = 0;
        }
        return next.orElse(null);
    }

    private boolean mayStart(Job job) {
        return job.kind() != Kind.SEND || !job.order().opens() || mayStartEntries();
    }

    private boolean mayStartEntries() {
        return mayStartEntries(0);
    }

    /** Whether an entry may start, with {@code taken} orders already taken but not yet working. */
    private boolean mayStartEntries(int taken) {
        int cap = maxOutstanding;
        return cap == 0 || working.size() + taken < cap;
    }

    // --- the steps ---

    /** A new order checked against its instrument, with the request that sends it. */
    private record Ready(StoredOrder order, Instrument instrument, OrderRequest request) {
    }

    /**
     * A new order prepared for sending: {@code ready} to send, or not, and then {@code settled}
     * when it was refused, not settled when the broker could not be asked and a retry is scheduled.
     */
    private record Preparation(Optional<Ready> ready, boolean settled) {
    }

    /** Resolves a new order's instrument and checks its quantity; a failed resolution is retried by sending it. */
    private Preparation prepare(StoredOrder order, int attempt) {
        return prepare(order, attempt, () -> send(order, attempt + 1));
    }

    /** Resolves a new order's instrument and checks its quantity; {@code retry} runs when the broker could not be asked. */
    private Preparation prepare(StoredOrder order, int attempt, Step retry) {
        Instrument instrument;
        try {
            instrument = resolve(order.instrument());
        } catch (BrokerException e) {
            if (e.retryable()) {
                circuit.failed(e);
                return new Preparation(Optional.empty(), later(order, attempt, "resolve " + order.symbol()
                        + " for order " + order.clientOrderId(), e, retry));
            }
            reject(order.clientOrderId(), e.getMessage());
            return new Preparation(Optional.empty(), true);
        }
        if (!instrument.acceptsQuantity(order.quantity())) {
            reject(order.clientOrderId(), order.symbol() + " trades in steps of "
                    + instrument.quantityIncrement().toPlainString() + " with a minimum of "
                    + instrument.minimumQuantity().toPlainString() + "; "
                    + order.quantity().toPlainString() + " is not a valid quantity");
            return new Preparation(Optional.empty(), true);
        }
        working.add(order.clientOrderId());
        return new Preparation(Optional.of(new Ready(order, instrument, request(order, instrument))), true);
    }

    /**
     * Tells the engine the orders are being sent, with their contract multiplier, before any of
     * them is: it learns of the marks ahead of the broker's reports and writes them in its next
     * commit. Nothing waits for that commit; a crash before it leaves the orders NEW in the store,
     * and the next start looks them up before sending them ({@link #recover}).
     */
    private void markSubmitted(List<Ready> orders) {
        if (orders.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        ledger.submitted(orders.stream().map(order -> new Ledger.Marked(order.order().clientOrderId(),
                order.instrument().multiplier(), now)).toList());
    }

    /**
     * After a restart, an order the store holds as NEW: it may have reached the broker before its
     * mark was committed, so it is looked up, and sent only if the broker never got it.
     */
    private boolean lookThenSend(StoredOrder order, int attempt) {
        Preparation preparation = prepare(order, attempt, () -> lookThenSend(order, attempt + 1));
        if (preparation.ready().isEmpty()) {
            return preparation.settled();
        }
        Ready ready = preparation.ready().get();
        markSubmitted(List.of(ready));
        return checkThenResend(order, ready.request(), 0);
    }

    /** A retried send of a new order: prepare, mark submitted, send. */
    private boolean send(StoredOrder order, int attempt) {
        Preparation preparation = prepare(order, attempt);
        if (preparation.ready().isEmpty()) {
            return preparation.settled();
        }
        Ready ready = preparation.ready().get();
        markSubmitted(List.of(ready));
        return place(order, ready.request(), 0);
    }

    /**
     * Hands the order to the broker and returns without its answer (false: the lane stays busy);
     * the answer comes back as a job that runs {@link #answered} on the dispatcher.
     */
    private boolean place(StoredOrder order, OrderRequest request, int attempt) {
        try {
            awaitPace();
        } catch (BrokerException e) {
            return answered(order, request, attempt, -1, 0, null, e);   // never sent
        }
        long sentAt = System.nanoTime();
        CompletableFuture<OrderAck> answer;
        try {
            answer = handle.broker().submitAsync(request);
        } catch (RuntimeException e) {
            answer = CompletableFuture.failedFuture(e);   // a plugin that throws instead of failing the future
        }
        synchronized (lock) {
            answering.incrementAndGet();
        }
        answer.whenComplete((ack, failure) -> {
            long answeredAt = System.nanoTime();
            synchronized (lock) {
                answering.decrementAndGet();
                resumed.addLast(new Job(order, Kind.CHECK,
                        () -> answered(order, request, attempt, sentAt, answeredAt, ack, failure)));
                lock.notifyAll();
            }
        });
        return false;
    }

    /** The broker's answer to a send that started at {@code sentAt}: its acknowledgement, or why not. */
    private boolean answered(StoredOrder order, OrderRequest request, int attempt, long sentAt, long answeredAt,
                             OrderAck ack, Throwable failure) {
        if (failure == null) {
            timed(SubmitResult.ACKNOWLEDGED, sentAt, answeredAt);
            circuit.succeeded();
            log.info("{} sent to {}: {} {} {} {}: {}", order.logIds(), handle.name(), order.side(),
                    order.quantity().toPlainString(), order.symbol(), order.type(), ack.status());
            if (ack.alreadyKnown()) {
                return check(order, 0);   // an earlier run sent it: take its state and fills from the broker
            }
            // fills arrive as fills; an ack only says the venue has the order (or refused it)
            OrderStatus status = ack.status() == OrderStatus.FILLED || ack.status() == OrderStatus.PARTIALLY_FILLED
                    ? OrderStatus.ACCEPTED : ack.status();
            ledger.onOrderUpdate(OrderUpdate.of(ack.clientOrderId(), ack.brokerOrderId(), status, ack.at()));
            return true;
        }
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof BrokerException e && !e.outcomeUnknown()) {
            timed(SubmitResult.REFUSED, sentAt, answeredAt);
            circuit.succeeded();   // the venue answered, if only with a refusal
            reject(order.clientOrderId(), e.getMessage());
            return true;
        }
        timed(SubmitResult.UNKNOWN, sentAt, answeredAt);
        circuit.failed(cause);
        if (!(cause instanceof BrokerException)) {
            log.error("{} {} failed unexpectedly", order.logIds(), handle.name(), cause);
        }
        return later(order, attempt, "learn the outcome of order " + order.clientOrderId(), cause,
                () -> checkThenResend(order, request, attempt + 1));
    }

    /** Times a send from {@code sentAt} (negative: it never started) to its answer at {@code answeredAt}. */
    private void timed(SubmitResult result, long sentAt, long answeredAt) {
        if (sentAt >= 0) {
            metrics.brokerSubmit(result, answeredAt - sentAt);
        }
    }

    /** Waits for the next slot of the broker's pace. */
    private void awaitPace() throws BrokerException {
        Optional<Bucket> bucket = pace;
        if (bucket.isPresent()) {
            try {
                bucket.get().asBlocking().consume(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BrokerException(BrokerException.Kind.UNAVAILABLE, "interrupted while pacing orders");
            }
        }
    }

    /** The outcome of a send is unknown: look first, and send again only if the broker never got it. */
    private boolean checkThenResend(StoredOrder order, OrderRequest request, int attempt) {
        try {
            Optional<OrderState> state = handle.broker().lookup(order.clientOrderId());
            if (state.isPresent() && state.get().status() == OrderStatus.PENDING) {
                return stillUnconfirmed(order, attempt, () -> checkThenResend(order, request, attempt + 1));
            }
            if (state.isPresent()) {
                log.info("{} did reach {}; not sending it again", order.logIds(), handle.name());
                adopt(state.get());
                return true;
            }
            log.info("{} never reached {}; sending it again", order.logIds(), handle.name());
            return place(order, request, attempt);
        } catch (BrokerException | RuntimeException e) {
            return later(order, attempt, "look up order " + order.clientOrderId(), e,
                    () -> checkThenResend(order, request, attempt + 1));
        }
    }

    /**
     * After a restart, an order a cancel alert asked to cancel: one the broker has is cancelled
     * there (after taking its state and fills), one it never received is not sent, and ends
     * cancelled here.
     */
    private boolean lookThenCancel(StoredOrder order, int attempt) {
        try {
            Optional<OrderState> state = handle.broker().lookup(order.clientOrderId());
            if (state.isPresent() && state.get().status() == OrderStatus.PENDING) {
                return stillUnconfirmed(order, attempt, () -> lookThenCancel(order, attempt + 1));
            }
            if (state.isEmpty()) {
                ledger.onOrderUpdate(new OrderUpdate(order.clientOrderId(), order.brokerOrderId(),
                        OrderStatus.CANCELLED, order.filledQuantity(), order.averageFillPrice(),
                        Optional.of("a cancel alert asked for its cancel before it reached " + handle.name()
                                + "; it was not sent"), clock.instant()));
                return true;
            }
            adopt(state.get());
            return state.get().status().isTerminal() || cancel(order, 0);
        } catch (BrokerException | RuntimeException e) {
            return later(order, attempt, "look up order " + order.clientOrderId(), e,
                    () -> lookThenCancel(order, attempt + 1));
        }
    }

    /** After a restart: the order was sent (or was working); take its state and fills from the broker. */
    private boolean check(StoredOrder order, int attempt) {
        try {
            Optional<OrderState> state = handle.broker().lookup(order.clientOrderId());
            if (state.isPresent() && state.get().status() == OrderStatus.PENDING) {
                return stillUnconfirmed(order, attempt, () -> check(order, attempt + 1));
            }
            if (state.isPresent()) {
                adopt(state.get());
                return true;
            }
            if (order.phase() == OrderPhase.SUBMITTED && !order.isBracketChild()) {
                log.info("{} never reached {}; sending it now", order.logIds(), handle.name());
                OrderRequest request = request(order, resolve(order.instrument()));
                return place(order, request, 0);
            }
            ledger.onOrderUpdate(new OrderUpdate(order.clientOrderId(), order.brokerOrderId(), OrderStatus.EXPIRED,
                    order.filledQuantity(), order.averageFillPrice(),
                    Optional.of(handle.name() + " no longer reports this order"), clock.instant()));
            return true;
        } catch (BrokerException | RuntimeException e) {
            return later(order, attempt, "look up order " + order.clientOrderId(), e, () -> check(order, attempt + 1));
        }
    }

    /** The broker has the order but the venue has not confirmed it: neither settled nor to be sent again. */
    private boolean stillUnconfirmed(StoredOrder order, int attempt, Step retry) {
        return later(order, attempt, "confirm order " + order.clientOrderId(),
                new BrokerException(BrokerException.Kind.UNAVAILABLE, "the venue has not confirmed it yet"), retry);
    }

    private void adopt(OrderState state) throws BrokerException {
        for (Fill fill : handle.broker().executions(state.clientOrderId())) {
            ledger.onFill(fill);
        }
        ledger.onOrderUpdate(new OrderUpdate(state.clientOrderId(), Optional.of(state.brokerOrderId()), state.status(),
                state.filledQuantity(), state.averageFillPrice(), state.reason(), state.updatedAt()));
    }

    private Instrument resolve(InstrumentRef ref) throws BrokerException {
        Instrument known = instruments.get(ref);
        if (known != null) {
            return known;
        }
        Instrument resolved = handle.broker().resolve(ref);
        instruments.put(ref, resolved);
        return resolved;
    }

    private OrderRequest request(StoredOrder order, Instrument instrument) {
        return new OrderRequest(order.clientOrderId(), instrument, order.side(), order.quantity(), order.type(),
                order.limitPrice(), order.stopPrice(), order.trail(), order.timeInForce(),
                order.outsideRegularHours(),
                order.account().isEmpty() ? Optional.empty() : Optional.of(order.account()),
                order.takeProfit(), order.stopLoss(), order.referencePrice());
    }

    private void reject(ClientOrderId id, String reason) {
        ledger.onOrderUpdate(OrderUpdate.rejected(id, reason, clock.instant()));
    }

    /**
     * Asks the broker to cancel; retried while it cannot be reached. A refusal is logged and left
     * there: the order has most likely ended meanwhile (filled, or refused at its send), and its
     * own reports say how.
     */
    private boolean cancel(StoredOrder order, int attempt) {
        try {
            handle.broker().cancel(order.clientOrderId());
            log.info("{} cancel asked of {}", order.logIds(), handle.name());
            return true;
        } catch (BrokerException e) {
            if (e.retryable()) {
                circuit.failed(e);
                return later(order, attempt, "cancel order " + order.clientOrderId(), e, () -> cancel(order, attempt + 1));
            }
            log.info("{} was not cancelled: {} refused the cancel ({})", order.logIds(), handle.name(), e.getMessage());
            return true;
        }
    }

    /**
     * Schedules {@code retry} after a pause that grows with each attempt; the order's lane stays
     * busy until the retry settles. Returns false: the broker's answer is not known yet. While
     * tvbridge stops nothing is scheduled: the order stays submitted in the store, for the next start.
     */
    private boolean later(StoredOrder order, int attempt, String what, Throwable cause, Step retry) {
        if (closing) {
            log.warn("{} could not {} at {} ({}); tvbridge is stopping, the next start looks it up", order.logIds(),
                    what, handle.name(), cause.getMessage());
            return false;
        }
        long seconds = Math.min(MAX_PAUSE.toSeconds(), 1L << Math.min(attempt, 6));
        log.warn("{} could not {} at {} ({}); trying again in {} s", order.logIds(), what, handle.name(),
                cause.getMessage(), seconds);
        retrying.incrementAndGet();
        retries.schedule(() -> {
            synchronized (lock) {
                retrying.decrementAndGet();
                resumed.addLast(new Job(order, Kind.CHECK, retry));
                lock.notifyAll();
            }
        }, seconds, TimeUnit.SECONDS);
        return false;
    }

    /** Stops taking orders and waits up to {@code timeout} for those already queued to be sent. */
    public void close(Duration timeout) {
        closing = true;
        retries.shutdownNow();
        wake();
        try {
            dispatcher.join(timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (dispatcher.isAlive()) {
            log.warn("{} orders were still being sent at shutdown; the next start checks them", pending());
            dispatcher.interrupt();
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(10));
    }
}

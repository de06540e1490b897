package io.tvbridge.core.order;

import io.tvbridge.broker.spi.BrokerException;
import io.tvbridge.broker.spi.BrokerListener;
import io.tvbridge.broker.spi.model.ClientOrderId;
import io.tvbridge.broker.spi.model.Fill;
import io.tvbridge.broker.spi.model.Instrument;
import io.tvbridge.broker.spi.model.InstrumentRef;
import io.tvbridge.broker.spi.model.OrderAck;
import io.tvbridge.broker.spi.model.OrderRequest;
import io.tvbridge.broker.spi.model.OrderState;
import io.tvbridge.broker.spi.model.OrderStatus;
import io.tvbridge.broker.spi.model.OrderUpdate;
import io.tvbridge.core.routing.BrokerHandle;
import io.tvbridge.core.store.Store;
import io.tvbridge.core.store.StoredOrder;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends stored orders to the broker, off the decision thread, one at a time in the order
 * they were decided. Before a send the order is marked {@link OrderPhase#SUBMITTED} in the
 * store, so that a crash during the call leaves a trace. When the outcome of a send is
 * unknown (timeout, lost connection) the order is looked up by its client order id before
 * anything is sent again, with growing pauses for as long as the broker stays unreachable.
 */
public final class OrderSubmitter implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OrderSubmitter.class);
    private static final Duration MAX_PAUSE = Duration.ofSeconds(60);

    private final BrokerHandle handle;
    private final Store store;
    private final BrokerListener ledger;
    private final Clock clock;
    private final ExecutorService sender;
    private final ScheduledExecutorService retries;
    private final Map<InstrumentRef, Instrument> instruments = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();

    private volatile BrokerCircuit circuit;

    public OrderSubmitter(BrokerHandle handle, Store store, BrokerListener ledger, BrokerCircuit circuit,
                          Clock clock) {
        this.handle = handle;
        this.circuit = circuit;
        this.store = store;
        this.ledger = ledger;
        this.clock = clock;
        this.sender = Executors.newSingleThreadExecutor(runnable -> new Thread(runnable, "tvbridge-submit"));
        this.retries = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "tvbridge-submit-retry");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Queues a newly decided order for sending (a bracket's children go with their parent). */
    public void submit(StoredOrder order) {
        if (!order.isBracketChild()) {
            run(() -> send(order, 0));
        }
    }

    /** Replaces the circuit breaker (its settings changed). */
    public void useCircuit(BrokerCircuit replacement) {
        circuit = replacement;
    }

    /** Orders waiting to be sent or checked. */
    public int pending() {
        return inFlight.get();
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
            if (order.isBracketChild() && order.phase() == OrderPhase.NEW) {
                continue;   // it goes with its parent
            }
            if (order.phase() == OrderPhase.NEW) {
                log.info("{} was decided but not sent before the last stop; sending it now", order.logIds());
                submit(order);
            } else {
                log.info("{} was {} at the last stop; asking {} where it stands", order.logIds(), order.phase(),
                        handle.name());
                run(() -> check(order, 0));
            }
        }
    }

    private void send(StoredOrder order, int attempt) {
        Instrument instrument;
        try {
            instrument = resolve(order.instrument());
        } catch (BrokerException e) {
            if (e.retryable()) {
                circuit.failed(e);
                later(order, attempt, "resolve " + order.symbol(), e,
                        () -> send(order, attempt + 1));
            } else {
                reject(order.clientOrderId(), e.getMessage());
            }
            return;
        }
        if (!instrument.acceptsQuantity(order.quantity())) {
            reject(order.clientOrderId(), order.symbol() + " trades in steps of "
                    + instrument.quantityIncrement().toPlainString() + " with a minimum of "
                    + instrument.minimumQuantity().toPlainString() + "; "
                    + order.quantity().toPlainString() + " is not a valid quantity");
            return;
        }
        OrderRequest request = request(order, instrument);
        store.inTransaction(session -> {
            session.markSubmitted(order.clientOrderId(), instrument.multiplier(), clock.instant());
            return null;
        });
        place(order, request, 0);
    }

    private void place(StoredOrder order, OrderRequest request, int attempt) {
        try {
            OrderAck ack = handle.broker().submit(request);
            circuit.succeeded();
            log.info("{} sent to {}: {} {} {} {}: {}", order.logIds(), handle.name(), order.side(),
                    order.quantity().toPlainString(), order.symbol(), order.type(), ack.status());
            if (ack.alreadyKnown()) {
                check(order, 0);   // an earlier run sent it: take its state and fills from the broker
            } else {
                // fills arrive as fills; an ack only says the venue has the order (or refused it)
                OrderStatus status = ack.status() == OrderStatus.FILLED || ack.status() == OrderStatus.PARTIALLY_FILLED
                        ? OrderStatus.ACCEPTED : ack.status();
                ledger.onOrderUpdate(OrderUpdate.of(ack.clientOrderId(), ack.brokerOrderId(), status, ack.at()));
            }
        } catch (BrokerException e) {
            if (e.outcomeUnknown()) {
                circuit.failed(e);
                later(order, attempt, "learn the outcome of the order", e,
                        () -> checkThenResend(order, request, attempt + 1));
            } else {
                circuit.succeeded();   // the venue answered, if only with a refusal
                reject(order.clientOrderId(), e.getMessage());
            }
        } catch (RuntimeException e) {
            circuit.failed(e);
            log.error("{} {} failed unexpectedly", order.logIds(), handle.name(), e);
            later(order, attempt, "learn the outcome of the order", e,
                    () -> checkThenResend(order, request, attempt + 1));
        }
    }

    /** The outcome of a send is unknown: look first, and send again only if the broker never got it. */
    private void checkThenResend(StoredOrder order, OrderRequest request, int attempt) {
        try {
            Optional<OrderState> state = handle.broker().lookup(order.clientOrderId());
            if (state.isPresent()) {
                log.info("{} did reach {}; not sending it again", order.logIds(), handle.name());
                adopt(state.get());
            } else {
                log.info("{} never reached {}; sending it again", order.logIds(), handle.name());
                place(order, request, attempt);
            }
        } catch (BrokerException | RuntimeException e) {
            later(order, attempt, "look up the order", e,
                    () -> checkThenResend(order, request, attempt + 1));
        }
    }

    /** After a restart: the order was sent (or was working); take its state and fills from the broker. */
    private void check(StoredOrder order, int attempt) {
        try {
            Optional<OrderState> state = handle.broker().lookup(order.clientOrderId());
            if (state.isPresent()) {
                adopt(state.get());
            } else if (order.phase() == OrderPhase.SUBMITTED && !order.isBracketChild()) {
                log.info("{} never reached {}; sending it now", order.logIds(), handle.name());
                OrderRequest request = request(order, resolve(order.instrument()));
                place(order, request, 0);
            } else {
                ledger.onOrderUpdate(new OrderUpdate(order.clientOrderId(), order.brokerOrderId(), OrderStatus.EXPIRED,
                        order.filledQuantity(), order.averageFillPrice(),
                        Optional.of(handle.name() + " no longer reports this order"), clock.instant()));
            }
        } catch (BrokerException | RuntimeException e) {
            later(order, attempt, "look up the order", e, () -> check(order, attempt + 1));
        }
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
                order.limitPrice(), order.stopPrice(), Optional.empty(), order.timeInForce(),
                order.outsideRegularHours(),
                order.account().isEmpty() ? Optional.empty() : Optional.of(order.account()),
                order.takeProfit(), order.stopLoss(), order.referencePrice());
    }

    private void reject(ClientOrderId id, String reason) {
        ledger.onOrderUpdate(OrderUpdate.rejected(id, reason, clock.instant()));
    }

    private void later(StoredOrder order, int attempt, String what, Exception cause, Runnable retry) {
        long seconds = Math.min(MAX_PAUSE.toSeconds(), 1L << Math.min(attempt, 6));
        log.warn("{} could not {} at {} ({}); trying again in {} s", order.logIds(), what, handle.name(),
                cause.getMessage(), seconds);
        inFlight.incrementAndGet();
        retries.schedule(() -> {
            inFlight.decrementAndGet();
            run(retry);
        }, seconds, TimeUnit.SECONDS);
    }

    private void run(Runnable task) {
        inFlight.incrementAndGet();
        sender.execute(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.error("order submission failed unexpectedly", e);
            } finally {
                inFlight.decrementAndGet();
            }
        });
    }

    /** Stops taking orders and waits up to {@code timeout} for those already queued to be sent. */
    public void close(Duration timeout) {
        retries.shutdownNow();
        sender.shutdown();
        try {
            if (!sender.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("{} orders were still being sent at shutdown; the next start checks them", pending());
                sender.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(10));
    }
}

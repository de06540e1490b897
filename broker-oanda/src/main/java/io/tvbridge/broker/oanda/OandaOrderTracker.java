package io.tvbridge.broker.oanda;

import io.tvbridge.broker.oanda.codec.OandaIds;
import io.tvbridge.broker.oanda.codec.OandaTransaction;
import io.tvbridge.broker.oanda.mapping.OandaOrderStates;
import io.tvbridge.broker.oanda.mapping.OandaReasons;
import io.tvbridge.broker.spi.model.ClientOrderId;
import io.tvbridge.broker.spi.model.Fill;
import io.tvbridge.broker.spi.model.OrderState;
import io.tvbridge.broker.spi.model.OrderStatus;
import io.tvbridge.broker.spi.model.OrderType;
import io.tvbridge.broker.spi.model.OrderUpdate;
import io.tvbridge.broker.spi.model.Side;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the broker knows of tvbridge's orders, kept from OANDA's transactions, and the events
 * those transactions mean.
 *
 * <p>Transactions reach it from two sides: the answer to the broker's own request, and the
 * poller reading the account's history. Each transaction counts once, by id, whichever side
 * brings it first, and an order only ever moves forward ({@link OrderStatus#canMoveTo}), so the
 * listener sees each fill once and an order's updates in order, fills before the update that
 * reports them. Events are queued while the tracker's lock is held, so their order is the
 * order in which the transactions were taken in.
 */
final class OandaOrderTracker {
    private static final int REMEMBERED_TRANSACTIONS = 10_000;

    private final OandaEvents events;
    private final Function<String, String> symbolOf;
    private String accountCurrency = "";
    private final Map<ClientOrderId, Tracked> orders = new HashMap<>();
    private final Map<String, ClientOrderId> byOrderId = new HashMap<>();
    private final Map<ClientOrderId, String> unresolvedSince = new HashMap<>();
    private final Map<String, Boolean> taken = new LinkedHashMap<>(1024, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED_TRANSACTIONS;
        }
    };
    private String lastTransactionId = "0";

    OandaOrderTracker(OandaEvents events, Function<String, String> symbolOf) {
        this.events = events;
        this.symbolOf = symbolOf;
    }

    /** The account's home currency, in which OANDA charges commissions. */
    synchronized void accountCurrency(String currency) {
        accountCurrency = currency;
    }

    /** tvbridge's id in a client id OANDA reports, if it is one (other tools may set other ids). */
    static Optional<ClientOrderId> clientOrderId(Optional<String> clientId) {
        try {
            return clientId.map(ClientOrderId::of);
        } catch (IllegalArgumentException notOurs) {
            return Optional.empty();
        }
    }

    /** Takes in transactions, oldest first, and queues the events they mean. */
    synchronized void apply(List<OandaTransaction> transactions) {
        for (OandaTransaction transaction : transactions) {
            noteLastTransactionId(transaction.id());
            if (taken.put(transaction.id(), Boolean.TRUE) != null) {
                continue;
            }
            switch (transaction.kind()) {
                case ORDER_CREATED -> created(transaction);
                case EXIT_ORDER_CREATED -> exitCreated(transaction);
                case ORDER_FILLED -> filled(transaction);
                case ORDER_CANCELLED -> cancelled(transaction);
                case ORDER_REJECTED -> rejected(transaction);
                case OTHER -> {
                    // financing, take-profit and stop-loss orders, client extension changes: not tvbridge's orders
                }
            }
        }
    }

    /** Remembers an order learned by asking OANDA (after a restart); queues no event. */
    synchronized void register(OrderState state) {
        Tracked known = orders.get(state.clientOrderId());
        if (known == null) {
            Tracked tracked = new Tracked(state.clientOrderId(), state.brokerOrderId(), state.symbol(),
                    state.quantity(), state.type());
            tracked.status = state.status();
            tracked.filled = state.filledQuantity();
            tracked.averagePrice = state.averageFillPrice();
            tracked.reason = state.reason();
            tracked.updatedAt = state.updatedAt();
            tracked.limitPrice = state.limitPrice();
            tracked.stopPrice = state.stopPrice();
            tracked.side = state.side();
            orders.put(state.clientOrderId(), tracked);
            byOrderId.put(state.brokerOrderId(), state.clientOrderId());
        } else if (known.status.canMoveTo(state.status())) {
            known.status = state.status();
            known.filled = known.filled.max(state.filledQuantity());
            known.averagePrice = state.averageFillPrice().or(() -> known.averagePrice);
            known.reason = state.reason();
            known.updatedAt = state.updatedAt();
        }
    }

    synchronized Optional<OrderState> state(ClientOrderId id) {
        return Optional.ofNullable(orders.get(id)).map(Tracked::state);
    }

    synchronized List<Fill> fills(ClientOrderId id) {
        Tracked tracked = orders.get(id);
        return tracked == null ? List.of() : List.copyOf(tracked.fills);
    }

    synchronized boolean knowsOrder(String orderId) {
        return byOrderId.containsKey(orderId);
    }

    /** The newest transaction id seen in any answer: no later than OANDA's newest. */
    synchronized String lastTransactionId() {
        return lastTransactionId;
    }

    synchronized void noteLastTransactionId(String id) {
        lastTransactionId = OandaIds.later(lastTransactionId, id);
    }

    /** The order's outcome could not be learned; a lookup searches the transactions after {@code since}. */
    synchronized void unresolved(ClientOrderId id, String since) {
        unresolvedSince.putIfAbsent(id, since);
    }

    synchronized Optional<String> unresolvedSince(ClientOrderId id) {
        return Optional.ofNullable(unresolvedSince.get(id));
    }

    synchronized void resolved(ClientOrderId id) {
        unresolvedSince.remove(id);
    }

    private void created(OandaTransaction created) {
        Optional<ClientOrderId> id = clientOrderId(created.clientOrderId());
        if (id.isEmpty() || created.units().isEmpty() || created.instrument().isEmpty()) {
            return;
        }
        Tracked tracked = orders.computeIfAbsent(id.get(), key -> newOrder(key, created));
        byOrderId.put(created.id(), id.get());
        tracked.orderId = created.id();
        if (tracked.type != OrderType.MARKET) {
            // a market order never works: it is filled or cancelled in the same request
            move(tracked, OrderStatus.ACCEPTED, Optional.empty(), created.time());
        }
    }

    /**
     * A take-profit or stop-loss OANDA attached to the trade an order of tvbridge's opened: it
     * carries the id {@code <order>.tp} or {@code <order>.sl} and becomes an order of its own,
     * for the trade's units the other way, so that its fill is reported under that id.
     */
    private void exitCreated(OandaTransaction created) {
        Optional<ClientOrderId> id = clientOrderId(created.clientOrderId());
        int dot = id.map(child -> child.value().lastIndexOf('.')).orElse(-1);
        if (dot <= 0 || orders.containsKey(id.get())) {
            return;
        }
        Tracked parent = orders.get(ClientOrderId.of(id.get().value().substring(0, dot)));
        if (parent == null || parent.filled.signum() == 0) {
            return;
        }
        OrderType type = OandaOrderStates.orderType(created.orderType().orElse("STOP_LOSS"));
        Tracked child = new Tracked(id.get(), created.id(), parent.symbol, parent.filled, type);
        child.side = parent.side.opposite();
        child.limitPrice = type == OrderType.LIMIT ? created.price() : Optional.empty();
        child.stopPrice = type == OrderType.STOP ? created.price() : Optional.empty();
        child.updatedAt = created.time();
        orders.put(id.get(), child);
        byOrderId.put(created.id(), id.get());
        move(child, OrderStatus.ACCEPTED, Optional.empty(), created.time());
    }

    private void filled(OandaTransaction fill) {
        Optional<Tracked> tracked = find(fill);
        if (tracked.isEmpty() || fill.units().isEmpty() || fill.price().isEmpty()) {
            return;
        }
        Tracked order = tracked.get();
        if (order.status.isTerminal()) {
            return;   // learned as finished from OANDA's order record, fill included
        }
        Fill execution = OandaOrderStates.fill(order.id, fill, order.symbol, accountCurrency);
        BigDecimal before = order.filled;
        order.filled = before.add(execution.quantity());
        BigDecimal average = order.averagePrice.orElse(BigDecimal.ZERO).multiply(before)
                .add(execution.price().multiply(execution.quantity()))
                .divide(order.filled, MathContext.DECIMAL64);
        order.averagePrice = Optional.of(average.stripTrailingZeros());
        order.fills.add(execution);
        events.fill(execution);
        OrderStatus next = order.filled.compareTo(order.quantity) >= 0 ? OrderStatus.FILLED
                : OrderStatus.PARTIALLY_FILLED;
        if (order.status.canMoveTo(next)) {
            order.status = next;
        }
        order.updatedAt = fill.time();
        events.update(order.update());
    }

    private void cancelled(OandaTransaction cancel) {
        find(cancel).ifPresent(order -> {
            String reason = cancel.reason().orElse("CANCELLED");
            move(order, OandaOrderStates.ended(order.type, reason, order.filled.signum() > 0),
                    Optional.of(OandaReasons.describe(reason)), cancel.time());
        });
    }

    private void rejected(OandaTransaction reject) {
        Optional<ClientOrderId> id = clientOrderId(reject.clientOrderId());
        if (id.isEmpty() || reject.units().isEmpty() || reject.instrument().isEmpty()) {
            return;
        }
        Tracked tracked = orders.computeIfAbsent(id.get(), key -> newOrder(key, reject));
        String reason = reject.reason().orElse("REJECTED");
        move(tracked, OrderStatus.REJECTED, Optional.of(OandaReasons.describe(reason)), reject.time());
    }

    private Optional<Tracked> find(OandaTransaction transaction) {
        Optional<ClientOrderId> id = clientOrderId(transaction.clientOrderId())
                .or(() -> transaction.orderId().map(byOrderId::get));
        return id.map(orders::get);
    }

    private Tracked newOrder(ClientOrderId id, OandaTransaction transaction) {
        BigDecimal units = transaction.units().orElseThrow();
        OrderType type = OandaOrderStates.orderType(transaction.orderType().orElse("MARKET"));
        Tracked tracked = new Tracked(id, transaction.id(), symbolOf.apply(transaction.instrument().orElseThrow()),
                units.abs(), type);
        tracked.side = OandaOrderStates.side(units);
        tracked.limitPrice = type == OrderType.LIMIT ? transaction.price() : Optional.empty();
        tracked.stopPrice = type == OrderType.STOP ? transaction.price() : Optional.empty();
        tracked.updatedAt = transaction.time();
        return tracked;
    }

    private void move(Tracked order, OrderStatus next, Optional<String> reason, Instant time) {
        if (!order.status.canMoveTo(next)) {
            return;
        }
        order.status = next;
        order.reason = reason;
        order.updatedAt = time;
        events.update(order.update());
    }

    /** One order's state; guarded by the tracker's lock. */
    private static final class Tracked {
        final ClientOrderId id;
        final String symbol;
        final BigDecimal quantity;
        final OrderType type;
        final List<Fill> fills = new ArrayList<>();
        String orderId;
        Side side = Side.BUY;
        Optional<BigDecimal> limitPrice = Optional.empty();
        Optional<BigDecimal> stopPrice = Optional.empty();
        OrderStatus status = OrderStatus.PENDING;
        BigDecimal filled = BigDecimal.ZERO;
        Optional<BigDecimal> averagePrice = Optional.empty();
        Optional<String> reason = Optional.empty();
        Instant updatedAt = Instant.EPOCH;

        Tracked(ClientOrderId id, String orderId, String symbol, BigDecimal quantity, OrderType type) {
            this.id = id;
            this.orderId = orderId;
            this.symbol = symbol;
            this.quantity = quantity;
            this.type = type;
        }

        OrderUpdate update() {
            return new OrderUpdate(id, Optional.of(orderId), status, filled, averagePrice, reason, updatedAt);
        }

        OrderState state() {
            return new OrderState(id, orderId, symbol, side, quantity, type, limitPrice, stopPrice, status, filled,
                    averagePrice, reason, updatedAt);
        }
    }
}

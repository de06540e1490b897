package io.tvbridge.core.order;

import io.tvbridge.broker.spi.model.ClientOrderId;
import io.tvbridge.broker.spi.model.OrderType;
import io.tvbridge.core.store.ExpectedPosition;
import io.tvbridge.core.store.StoreSession;
import io.tvbridge.core.store.StoredOrder;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one broker account holds and is about to hold, per symbol: the filled positions
 * and the unfilled rest of every working order. Owned by the decision thread, loaded from
 * the store at start and kept current by the ledger's reports, which carry absolute values
 * so that a report applied twice changes nothing.
 */
public final class Exposure {
    private static final Set<OrderPhase> WORKING = EnumSet.of(OrderPhase.NEW, OrderPhase.SUBMITTED,
            OrderPhase.ACCEPTED, OrderPhase.PARTIALLY_FILLED);

    /** The unfilled part of a working order, signed by side. */
    public record WorkingOrder(String symbol, OrderType type, BigDecimal signedRemaining) {
    }

    private final String broker;
    private final Map<String, BigDecimal> positions = new HashMap<>();
    private final Map<ClientOrderId, WorkingOrder> working = new HashMap<>();

    public Exposure(String broker) {
        this.broker = broker;
    }

    /** Replaces everything with what the store holds now. */
    public void reload(StoreSession session) {
        positions.clear();
        working.clear();
        for (ExpectedPosition position : session.positions(broker)) {
            setPosition(position.symbol(), position.quantity());
        }
        for (StoredOrder order : session.ordersInPhases(WORKING)) {
            if (order.broker().equals(broker)) {
                track(order);
            }
        }
    }

    /** A new order was planned. */
    public void track(StoredOrder order) {
        setRemaining(order.clientOrderId(), order.symbol(), order.type(), order.signedRemaining(),
                order.phase().isTerminal());
    }

    public void setPosition(String symbol, BigDecimal quantity) {
        if (quantity.signum() == 0) {
            positions.remove(symbol);
        } else {
            positions.put(symbol, quantity);
        }
    }

    public void setRemaining(ClientOrderId id, String symbol, OrderType type, BigDecimal signedRemaining,
                             boolean finished) {
        if (finished || signedRemaining.signum() == 0) {
            working.remove(id);
        } else {
            working.put(id, new WorkingOrder(symbol, type, signedRemaining));
        }
    }

    /** The filled position in {@code symbol}, signed. */
    public BigDecimal position(String symbol) {
        return positions.getOrDefault(symbol, BigDecimal.ZERO);
    }

    /**
     * The position an exit must close: filled, plus market orders on their way (they fill
     * within moments). Resting limit and stop orders are left out: they may never fill.
     */
    public BigDecimal closable(String symbol) {
        BigDecimal total = position(symbol);
        for (WorkingOrder order : working.values()) {
            if (order.symbol().equals(symbol) && order.type() == OrderType.MARKET) {
                total = total.add(order.signedRemaining());
            }
        }
        return total;
    }

    /** Symbols with a non-zero closable position, in name order. */
    public Set<String> symbolsToClose() {
        Set<String> symbols = new TreeSet<>(positions.keySet());
        for (WorkingOrder order : working.values()) {
            symbols.add(order.symbol());
        }
        symbols.removeIf(symbol -> closable(symbol).signum() == 0);
        return symbols;
    }

    public int workingOrders() {
        return working.size();
    }
}

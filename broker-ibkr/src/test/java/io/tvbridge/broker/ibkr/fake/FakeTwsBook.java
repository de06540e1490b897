package io.tvbridge.broker.ibkr.fake;

import io.tvbridge.broker.ibkr.codec.IbContract;
import io.tvbridge.broker.ibkr.codec.IbOrder;
import io.tvbridge.broker.ibkr.codec.IbOrderState;
import io.tvbridge.broker.ibkr.codec.IbOrderStatus;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The accepted orders and the market they trade in: orders going live (a bracket at once),
 * executing as their behaviour and the price allow, bracket children released when their parent
 * fills, OCA groups and bracket siblings cancelling each other, and every message TWS sends the
 * owning client about it, sent at once. Runs under the server's lock.
 */
final class FakeTwsBook {
    final List<VenueOrder> orders = new ArrayList<>();
    private final Map<String, BigDecimal> prices = new HashMap<>();
    private final FakeTwsLedger ledger;
    private final FakeTwsPeer.Directory peers;
    private final Supplier<Clock> clock;

    FakeTwsBook(FakeTwsLedger ledger, FakeTwsPeer.Directory peers, Supplier<Clock> clock) {
        this.ledger = ledger;
        this.peers = peers;
        this.clock = clock;
        prices.put("AAPL", new BigDecimal("187.35"));
        prices.put("MSFT", new BigDecimal("412.35"));
        prices.put("IBM", new BigDecimal("150.24"));
        prices.put("SPY", new BigDecimal("580.1"));
        prices.put("EUR", new BigDecimal("1.0825"));
        prices.put("BTC", new BigDecimal("97000.25"));
        prices.put("ES", new BigDecimal("6000.25"));
        prices.put("NQ", new BigDecimal("21000.5"));
    }

    /** The market price of a symbol, or null if the test never gave one. */
    BigDecimal price(String symbol) {
        return prices.get(symbol);
    }

    /** A new price: resting limits that became marketable and stops that triggered execute. */
    void price(String symbol, BigDecimal price) {
        prices.put(symbol, price);
        for (VenueOrder order : List.copyOf(orders)) {
            if (order.working() && order.contract.symbol().equals(symbol)) {
                act(order, false);
            }
        }
    }

    /** A fill the test asks for, whatever the order's behaviour: the most recent order with this id. */
    void fill(int orderId, BigDecimal quantity, BigDecimal price) {
        VenueOrder order = orders.stream().filter(o -> o.orderId == orderId)
                .max(Comparator.comparingLong(o -> o.permId))
                .orElseThrow(() -> new IllegalStateException("the fake has no order " + orderId));
        if (!order.working()) {
            throw new IllegalStateException("order " + orderId + " is " + order.status + ", not working");
        }
        if (quantity.signum() <= 0 || quantity.compareTo(order.remaining()) > 0) {
            throw new IllegalArgumentException("order " + orderId + " has " + order.remaining() + " left, not "
                    + quantity);
        }
        fillPiece(order, quantity, price, 1, false);
    }

    /**
     * Transmits a bracket (parent first) or a single order: each one is announced PreSubmitted
     * (a child of an unfilled parent, whyHeld {@code child}; a stop) or Submitted, or rejected
     * as scripted, or kept quiet; then each acts on the market.
     */
    void goLive(List<VenueOrder> bracket) {
        for (VenueOrder order : bracket) {
            VenueOrder parent = parent(order);
            FakeTwsPeer peer = peers.client(order.clientId);
            if (parent != null && parent.done() && !parent.status.equals("Filled")) {
                cancel(order, false);                      // the parent was rejected or cancelled
            } else if (order.behaviour instanceof Behaviour.Reject reject) {
                order.status = reject.status();
                IbOrderStatus status = order.orderStatus();
                peer.send(e -> e.error(order.orderId, reject.code(), reject.text(), reject.advancedOrderRejectJson()));
                peer.send(e -> e.orderStatus(status));
            } else {
                boolean heldByParent = parent != null && !parent.status.equals("Filled");
                boolean held = heldByParent || FakeTwsMatching.STOPS.contains(order.type());
                order.status = held ? "PreSubmitted" : "Submitted";
                order.whyHeld = heldByParent ? "child" : "";
                if (!(order.behaviour instanceof Behaviour.Silent)) {
                    announce(order, peer);
                }
            }
        }
        bracket.forEach(order -> act(order, true));
    }

    /** OPEN_ORDER and ORDER_STATUS of the order as it is now, as TWS sends them on every change and on request. */
    void announce(VenueOrder order, FakeTwsPeer peer) {
        IbContract contract = order.contract;
        IbOrder sent = order.order;
        IbOrderState state = order.state();
        IbOrderStatus status = order.orderStatus();
        peer.send(e -> e.openOrder(contract, sent, state));
        peer.send(e -> e.orderStatus(status));
    }

    /** Executes what the order's behaviour and the market allow now. */
    void act(VenueOrder order, boolean onArrival) {
        boolean fills = order.behaviour instanceof Behaviour.Fill || order.behaviour instanceof Behaviour.Partial;
        if (!order.working() || order.whyHeld.equals("child") || !fills) {
            return;
        }
        BigDecimal price = prices.get(order.contract.symbol());
        if (price != null && FakeTwsMatching.executable(order, price)) {
            int pieces = order.behaviour instanceof Behaviour.Partial partial ? partial.pieces() : 1;
            int liquidity = !onArrival && order.type().equals("LMT") ? 1 : 2;   // 1 added, 2 removed
            List<BigDecimal> parts = FakeTwsMatching.split(order.remaining(), pieces);
            for (int i = 0; i < parts.size(); i++) {
                fillPiece(order, parts.get(i), price, liquidity, i == 0 && parts.size() > 1);
            }
        }
        if (order.working() && order.order.tif().equals("IOC")) {
            cancel(order, false);                          // what an IOC order did not fill at once is cancelled
        }
    }

    /** One execution: EXECUTION_DATA, OPEN_ORDER when it completes, ORDER_STATUS, COMMISSION_REPORT. */
    private void fillPiece(VenueOrder order, BigDecimal shares, BigDecimal price, int liquidity,
                           boolean repeatStatus) {
        order.filled = order.filled.add(shares);
        order.notional = order.notional.add(shares.multiply(price));
        order.lastFillPrice = price;
        boolean complete = order.remaining().signum() <= 0;
        order.status = complete ? "Filled" : "Submitted";
        order.whyHeld = "";
        FakeTwsLedger.Execution execution = ledger.execute(order, shares, price, liquidity, clock.get().instant());
        FakeTwsPeer peer = peers.client(order.clientId);
        peer.send(e -> e.execution(-1, execution.contract(), execution.execution()));
        if (complete) {
            IbOrder sent = order.order;
            IbOrderState state = order.state();
            peer.send(e -> e.openOrder(order.contract, sent, state));
        }
        IbOrderStatus status = order.orderStatus();
        peer.send(e -> e.orderStatus(status));
        if (repeatStatus) {
            peer.send(e -> e.orderStatus(status));         // TWS often repeats a status word for word
        }
        peer.send(e -> e.commissionReport(execution.commission()));
        FakeTwsLedger.Position position = ledger.position(order.order.account(), execution.contract().conId());
        for (FakeTwsPeer subscriber : peers.all()) {
            if (subscriber.positionsSubscribed()) {
                subscriber.send(e -> e.position(position.account(), position.contract(), position.quantity(),
                        position.averageCost()));
            }
        }
        if (complete) {
            cancelOthersInGroup(order);
            activateChildren(order);
        }
    }

    /** Bracket children of one parent, and members of one OCA group, cancel each other when one fills. */
    private void cancelOthersInGroup(VenueOrder filled) {
        String oca = filled.order.ocaGroup();
        int parentId = filled.order.parentId();
        for (VenueOrder other : List.copyOf(orders)) {
            boolean sameGroup = !oca.isEmpty() && oca.equals(other.order.ocaGroup())
                    || parentId != 0 && other.order.parentId() == parentId;
            if (other != filled && other.working() && other.clientId == filled.clientId && other.epoch == filled.epoch
                    && sameGroup) {
                cancel(other, false);
            }
        }
    }

    /** The parent filled: its held children become Submitted and may execute. */
    private void activateChildren(VenueOrder parent) {
        List<VenueOrder> held = children(parent).stream().filter(c -> c.working() && c.whyHeld.equals("child"))
                .toList();
        for (VenueOrder child : held) {
            child.status = "Submitted";
            child.whyHeld = "";
            if (!(child.behaviour instanceof Behaviour.Silent)) {
                announce(child, peers.client(child.clientId));
            }
        }
        held.forEach(child -> act(child, true));
    }

    void cancel(VenueOrder order, boolean withError202) {
        order.status = "Cancelled";
        order.whyHeld = "";
        IbOrderStatus status = order.orderStatus();
        FakeTwsPeer peer = peers.client(order.clientId);
        peer.send(e -> e.orderStatus(status));
        if (withError202) {
            peer.send(e -> e.error(order.orderId, 202, "Order Canceled - reason:", ""));
        }
    }

    private VenueOrder parent(VenueOrder order) {
        int parentId = order.order.parentId();
        return parentId == 0 ? null : orders.stream()
                .filter(o -> o.clientId == order.clientId && o.epoch == order.epoch && o.orderId == parentId)
                .findFirst().orElse(null);
    }

    List<VenueOrder> children(VenueOrder parent) {
        return orders.stream().filter(o -> o != parent && o.clientId == parent.clientId && o.epoch == parent.epoch
                && o.order.parentId() == parent.orderId).sorted(Comparator.comparingInt(o -> o.orderId)).toList();
    }
}

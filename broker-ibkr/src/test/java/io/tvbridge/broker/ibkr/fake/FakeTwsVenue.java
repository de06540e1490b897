package io.tvbridge.broker.ibkr.fake;

import io.tvbridge.broker.ibkr.codec.IbContract;
import io.tvbridge.broker.ibkr.codec.IbContractDetails;
import io.tvbridge.broker.ibkr.codec.IbOrder;
import io.tvbridge.broker.ibkr.codec.IbOrderState;
import io.tvbridge.broker.ibkr.codec.IbOrderStatus;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The fake's order book: orders from PLACE_ORDER, their lifecycle and fills, and what TWS tells
 * the owning client about them. Every method runs under the server's lock and sends at once.
 *
 * <p>Order ids are scoped to a client id and to a Gateway session (an epoch): after a restart
 * ids start again, an id from before the restart names a new order, and permIds never repeat.
 * Orders from before the restart keep working and keep their old ids.
 */
final class FakeTwsVenue {
    static final String READ_ONLY = "Error validating request.-'bW' : cause - The API interface is currently in"
            + " Read-Only mode.";
    static final String NO_DEFINITION = "No security definition has been found for the request";
    private static final long FIRST_PERM_ID = 3_000_000_001L;   // above 2^31: permIds are longs since version 191
    private static final Set<String> STOPS = Set.of("STP", "STP LMT", "TRAIL");

    private final FakeTwsContracts contracts;
    private final FakeTwsLedger ledger;
    private final FakeTwsPeer.Directory peers;
    private final Supplier<Clock> clock;
    private final List<VenueOrder> orders = new ArrayList<>();
    private final List<PlacedOrder> placed = new ArrayList<>();
    private final Deque<Behaviour> script = new ArrayDeque<>();
    private final Map<String, BigDecimal> prices = new HashMap<>();
    private final Map<Integer, Integer> highestIdByClient = new HashMap<>();
    private Behaviour defaultBehaviour = new Behaviour.Fill();
    private boolean readOnly;
    private int firstOrderId = 1;
    private int epoch;
    private int highestId;
    private long nextPermId = FIRST_PERM_ID;

    FakeTwsVenue(FakeTwsContracts contracts, FakeTwsLedger ledger, FakeTwsPeer.Directory peers,
                 Supplier<Clock> clock) {
        this.contracts = contracts;
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
    }

    // --- configuration and observation -------------------------------------------------------

    void readOnly(boolean on) {
        readOnly = on;
    }

    boolean readOnly() {
        return readOnly;
    }

    void defaultBehaviour(Behaviour behaviour) {
        defaultBehaviour = behaviour;
    }

    void onNextOrder(Behaviour behaviour) {
        script.add(behaviour);
    }

    void firstOrderId(int id) {
        firstOrderId = id;
    }

    /** Greater than every order id used since the last Gateway restart. */
    int nextValidId() {
        return Math.max(firstOrderId, highestId + 1);
    }

    BigDecimal price(String symbol) {
        return prices.get(symbol);
    }

    List<PlacedOrder> placed() {
        return List.copyOf(placed);
    }

    List<FakeTwsOrder> orders() {
        return orders.stream().map(VenueOrder::snapshot).toList();
    }

    /** The orders TWS reports to REQ_OPEN_ORDERS: transmitted and neither filled nor cancelled. */
    List<VenueOrder> working() {
        return orders.stream().filter(VenueOrder::working).toList();
    }

    Instant now() {
        return clock.get().instant();
    }

    LocalDate today() {
        return now().atZone(FakeTwsLedger.NEW_YORK).toLocalDate();
    }

    /** A Gateway restart: order ids start again; orders, permIds and executions stay; staged orders are lost. */
    void restart() {
        epoch++;
        highestIdByClient.clear();
        highestId = 0;
        orders.removeIf(VenueOrder::staged);
    }

    // --- requests ------------------------------------------------------------------------------

    void placeOrder(int clientId, FakeTwsRequests.PlaceOrder request) {
        int orderId = request.orderId();
        IbOrder sent = request.order();
        if (readOnly) {
            refuse(clientId, request, 321, READ_ONLY);
            return;
        }
        VenueOrder existing = find(clientId, orderId, true);
        if (existing != null) {
            modify(existing, request);
            return;
        }
        if (orderId <= highestIdByClient.getOrDefault(clientId, 0)) {
            refuse(clientId, request, 103, "Duplicate order id");
            return;
        }
        List<IbContractDetails> matches = contracts.match(request.contract(), today());
        if (matches.size() != 1) {
            refuse(clientId, request, 200, matches.isEmpty() ? NO_DEFINITION
                    : "The contract description specified for " + request.contract().symbol() + " is ambiguous.");
            return;
        }
        String account = sent.account().isEmpty() ? ledger.accounts().get(0) : sent.account();
        if (sent.account().isEmpty() && ledger.accounts().size() > 1) {
            refuse(clientId, request, 435, "You must specify an account.");
            return;
        }
        IbContractDetails details = matches.get(0);
        IbContract contract = resolved(details.contract(), request.contract().exchange());
        BigDecimal quantity = quantity(sent, details);
        if (quantity == null || quantity.signum() <= 0) {
            refuse(clientId, request, 434, "The order size cannot be zero.");
            return;
        }
        if (sent.whatIf()) {
            whatIf(clientId, request, contract, withIds(sent, orderId, clientId, 0, account), quantity);
            return;
        }
        long permId = nextPermId++;
        VenueOrder order = new VenueOrder(permId, clientId, orderId, epoch, contract, details,
                withIds(sent, orderId, clientId, permId, account), script.isEmpty() ? defaultBehaviour : script.poll(),
                quantity);
        orders.add(order);
        placed.add(new PlacedOrder(request.contract(), withIds(sent, orderId, clientId, permId, sent.account())));
        highestIdByClient.merge(clientId, orderId, Math::max);
        highestId = Math.max(highestId, orderId);
        if (sent.transmit()) {
            goLive(release(order));
        }
    }

    void cancelOrder(int clientId, int orderId) {
        FakeTwsPeer peer = peers.client(clientId);
        if (readOnly) {
            peer.send(e -> e.error(orderId, 321, READ_ONLY, ""));
            return;
        }
        VenueOrder order = find(clientId, orderId, false);
        if (order == null) {
            peer.send(e -> e.error(orderId, 10147, "OrderId " + orderId + " that needs to be cancelled is not found.",
                    ""));
        } else if (order.done()) {
            peer.send(e -> e.error(orderId, 10148, "OrderId " + orderId + " that needs to be cancelled cannot be"
                    + " cancelled, state: " + order.status + ".", ""));
        } else {
            cancel(order, true);
            for (VenueOrder child : children(order)) {
                if (child.working() || child.staged()) {
                    cancel(child, true);
                }
            }
        }
    }

    void globalCancel(int clientId) {
        if (readOnly) {
            peers.client(clientId).send(e -> e.error(-1, 321, READ_ONLY, ""));
            return;
        }
        for (VenueOrder order : List.copyOf(orders)) {
            if (order.working() || order.staged()) {
                cancel(order, true);
            }
        }
    }

    // --- the market ----------------------------------------------------------------------------

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

    // --- lifecycle -----------------------------------------------------------------------------

    private void refuse(int clientId, FakeTwsRequests.PlaceOrder request, int code, String text) {
        IbOrder sent = request.order();
        placed.add(new PlacedOrder(request.contract(), withIds(sent, request.orderId(), clientId, 0, sent.account())));
        peers.client(clientId).send(e -> e.error(request.orderId(), code, text, ""));
    }

    /** A what-if order: one OPEN_ORDER with the commission estimate; nothing is placed. */
    private void whatIf(int clientId, FakeTwsRequests.PlaceOrder request, IbContract contract, IbOrder order,
                        BigDecimal quantity) {
        placed.add(new PlacedOrder(request.contract(), order));
        BigDecimal commission = FakeTwsLedger.commission(contract, quantity);
        IbOrderState state = new IbOrderState("PreSubmitted", commission, commission, commission,
                contract.currency(), "");
        peers.client(clientId).send(e -> e.openOrder(contract, order, state));
    }

    /** PLACE_ORDER with the id of an order of this session: a modification (TWS refuses it once the order is done). */
    private void modify(VenueOrder order, FakeTwsRequests.PlaceOrder request) {
        IbOrder sent = request.order();
        placed.add(new PlacedOrder(request.contract(),
                withIds(sent, order.orderId, order.clientId, order.permId, sent.account())));
        if (order.done()) {
            boolean filled = order.status.equals("Filled");
            peers.client(order.clientId).send(e -> e.error(order.orderId, filled ? 104 : 103,
                    filled ? "Cannot modify a filled order." : "Duplicate order id", ""));
            return;
        }
        order.order = withIds(sent, order.orderId, order.clientId, order.permId,
                sent.account().isEmpty() ? order.order.account() : sent.account());
        if (sent.totalQuantity() != null) {
            order.quantity = sent.totalQuantity();
        }
        if (order.staged()) {
            if (sent.transmit()) {
                goLive(release(order));
            }
            return;
        }
        announce(order, peers.client(order.clientId));
        act(order, true);
    }

    /** The orders a transmitted order releases: its staged parent and the parent's staged children, or itself. */
    private List<VenueOrder> release(VenueOrder order) {
        VenueOrder parent = order.order.parentId() == 0 ? null : find(order.clientId, order.order.parentId(), true);
        VenueOrder root = parent != null && parent.staged() ? parent : order;
        List<VenueOrder> bracket = new ArrayList<>(List.of(root));
        children(root).stream().filter(c -> c.staged() && c != order).forEach(bracket::add);
        if (!bracket.contains(order)) {
            bracket.add(order);
        }
        return bracket;
    }

    private void goLive(List<VenueOrder> bracket) {
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
                order.status = heldByParent || STOPS.contains(order.type()) ? "PreSubmitted" : "Submitted";
                order.whyHeld = heldByParent ? "child" : "";
                if (!(order.behaviour instanceof Behaviour.Silent)) {
                    announce(order, peer);
                }
            }
        }
        bracket.forEach(order -> act(order, true));
    }

    private void announce(VenueOrder order, FakeTwsPeer peer) {
        IbContract contract = order.contract;
        IbOrder sent = order.order;
        IbOrderState state = order.state();
        IbOrderStatus status = order.orderStatus();
        peer.send(e -> e.openOrder(contract, sent, state));
        peer.send(e -> e.orderStatus(status));
    }

    /** Executes what the order's behaviour and the market allow now. */
    private void act(VenueOrder order, boolean onArrival) {
        boolean fills = order.behaviour instanceof Behaviour.Fill || order.behaviour instanceof Behaviour.Partial;
        if (!order.working() || order.whyHeld.equals("child") || !fills) {
            return;
        }
        BigDecimal price = prices.get(order.contract.symbol());
        if (price != null && executable(order, price)) {
            int pieces = order.behaviour instanceof Behaviour.Partial partial ? partial.pieces() : 1;
            int liquidity = !onArrival && order.type().equals("LMT") ? 1 : 2;   // 1 added, 2 removed
            List<BigDecimal> parts = split(order.remaining(), pieces);
            for (int i = 0; i < parts.size(); i++) {
                fillPiece(order, parts.get(i), price, liquidity, i == 0 && parts.size() > 1);
            }
        }
        if (order.working() && order.order.tif().equals("IOC")) {
            cancel(order, false);                          // what an IOC order did not fill at once is cancelled
        }
    }

    private static boolean executable(VenueOrder order, BigDecimal price) {
        return switch (order.type()) {
            case "MKT" -> true;
            case "LMT" -> marketable(order, price);
            case "STP" -> triggered(order, price, order.order.auxPrice());
            case "STP LMT" -> triggered(order, price, order.order.auxPrice()) && marketable(order, price);
            case "TRAIL" -> triggered(order, price, trail(order, price));
            default -> false;                              // other order types rest until the test fills them
        };
    }

    private static boolean marketable(VenueOrder order, BigDecimal price) {
        BigDecimal limit = order.order.lmtPrice();
        return limit != null && (order.buy() ? price.compareTo(limit) <= 0 : price.compareTo(limit) >= 0);
    }

    private static boolean triggered(VenueOrder order, BigDecimal price, BigDecimal stop) {
        if (!order.triggered && stop != null) {
            order.triggered = order.buy() ? price.compareTo(stop) >= 0 : price.compareTo(stop) <= 0;
        }
        return order.triggered;
    }

    /** A trailing stop follows the price by its amount (auxPrice) or percent, never moving back. */
    private static BigDecimal trail(VenueOrder order, BigDecimal price) {
        BigDecimal offset = order.order.auxPrice() != null ? order.order.auxPrice()
                : order.order.trailingPercent() == null ? null
                : price.multiply(order.order.trailingPercent()).movePointLeft(2);
        if (offset == null) {
            return null;
        }
        BigDecimal candidate = order.buy() ? price.add(offset) : price.subtract(offset);
        BigDecimal stop = order.trailStop != null ? order.trailStop : order.order.trailStopPrice();
        order.trailStop = stop == null ? candidate : order.buy() ? stop.min(candidate) : stop.max(candidate);
        return order.trailStop;
    }

    /** {@code quantity} in {@code pieces} parts in units of its own last digit; the last part takes the rest. */
    private static List<BigDecimal> split(BigDecimal quantity, int pieces) {
        int scale = Math.max(0, quantity.stripTrailingZeros().scale());
        BigDecimal part = quantity.divide(BigDecimal.valueOf(pieces), scale, RoundingMode.DOWN);
        if (part.signum() == 0) {
            return List.of(quantity);
        }
        List<BigDecimal> parts = new ArrayList<>();
        for (int i = 1; i < pieces; i++) {
            parts.add(part);
        }
        parts.add(quantity.subtract(part.multiply(BigDecimal.valueOf(pieces - 1L))));
        return parts;
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
        FakeTwsLedger.Execution execution = ledger.execute(order, shares, price, liquidity, now());
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

    private void cancel(VenueOrder order, boolean withError202) {
        order.status = "Cancelled";
        order.whyHeld = "";
        IbOrderStatus status = order.orderStatus();
        FakeTwsPeer peer = peers.client(order.clientId);
        peer.send(e -> e.orderStatus(status));
        if (withError202) {
            peer.send(e -> e.error(order.orderId, 202, "Order Canceled - reason:", ""));
        }
    }

    // --- lookups -------------------------------------------------------------------------------

    /** The client's most recent order with this id, in this Gateway session only or in any. */
    private VenueOrder find(int clientId, int orderId, boolean thisSession) {
        return orders.stream().filter(o -> o.clientId == clientId && o.orderId == orderId)
                .filter(o -> !thisSession || o.epoch == epoch).max(Comparator.comparingLong(o -> o.permId))
                .orElse(null);
    }

    private VenueOrder parent(VenueOrder order) {
        int parentId = order.order.parentId();
        return parentId == 0 ? null : orders.stream()
                .filter(o -> o.clientId == order.clientId && o.epoch == order.epoch && o.orderId == parentId)
                .findFirst().orElse(null);
    }

    private List<VenueOrder> children(VenueOrder parent) {
        return orders.stream().filter(o -> o != parent && o.clientId == parent.clientId && o.epoch == parent.epoch
                && o.order.parentId() == parent.orderId).sorted(Comparator.comparingInt(o -> o.orderId)).toList();
    }

    /** Size from totalQuantity, or for a cash-quantity order from the cash amount at the limit or market price. */
    private BigDecimal quantity(IbOrder sent, IbContractDetails details) {
        if (sent.totalQuantity() != null) {
            return sent.totalQuantity();
        }
        BigDecimal reference = sent.lmtPrice() != null ? sent.lmtPrice() : prices.get(details.contract().symbol());
        if (sent.cashQty() == null || reference == null) {
            return null;
        }
        int scale = Math.max(0, details.sizeIncrement().stripTrailingZeros().scale());
        return sent.cashQty().divide(reference, scale, RoundingMode.DOWN);
    }

    /** The defined contract, on the exchange the order named (SMART for stocks). */
    private static IbContract resolved(IbContract c, String exchange) {
        return new IbContract(c.conId(), c.symbol(), c.secType(), c.lastTradeDateOrContractMonth(), c.lastTradeDate(),
                c.strike(), c.right(), c.multiplier(), exchange.isEmpty() ? c.exchange() : exchange, c.primaryExch(),
                c.currency(), c.localSymbol(), c.tradingClass(), false, "", "", "", "");
    }

    private static IbOrder withIds(IbOrder o, int orderId, int clientId, long permId, String account) {
        return new IbOrder(orderId, clientId, permId, o.action(), o.totalQuantity(), o.orderType(), o.lmtPrice(),
                o.auxPrice(), o.tif(), o.ocaGroup(), o.ocaType(), account, o.orderRef(), o.transmit(), o.parentId(),
                o.outsideRth(), o.trailStopPrice(), o.trailingPercent(), o.cashQty(), o.goodAfterTime(),
                o.goodTillDate(), o.whatIf());
    }
}

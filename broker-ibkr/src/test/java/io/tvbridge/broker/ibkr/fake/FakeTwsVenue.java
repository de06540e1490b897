package io.tvbridge.broker.ibkr.fake;

import io.tvbridge.broker.ibkr.codec.IbContract;
import io.tvbridge.broker.ibkr.codec.IbContractDetails;
import io.tvbridge.broker.ibkr.codec.IbOrder;
import io.tvbridge.broker.ibkr.codec.IbOrderState;
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
import java.util.function.Supplier;

/**
 * Order entry at the fake TWS: PLACE_ORDER (new, modified, what-if, or refused as TWS refuses
 * it), CANCEL_ORDER and REQ_GLOBAL_CANCEL, the scripted behaviours, order ids and permIds. What
 * happens to an accepted order is the {@link FakeTwsBook}'s. Runs under the server's lock.
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

    private final FakeTwsContracts contracts;
    private final FakeTwsLedger ledger;
    private final FakeTwsPeer.Directory peers;
    private final Supplier<Clock> clock;
    private final FakeTwsBook book;
    private final List<PlacedOrder> placed = new ArrayList<>();
    private final Deque<Behaviour> script = new ArrayDeque<>();
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
        this.book = new FakeTwsBook(ledger, peers, clock);
    }

    // --- configuration and observation -------------------------------------------------------

    void readOnly(boolean on) {
        readOnly = on;
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

    FakeTwsBook book() {
        return book;
    }

    List<PlacedOrder> placed() {
        return List.copyOf(placed);
    }

    List<FakeTwsOrder> orders() {
        return book.orders.stream().map(VenueOrder::snapshot).toList();
    }

    /** The orders TWS reports to REQ_OPEN_ORDERS: transmitted and neither filled nor cancelled. */
    List<VenueOrder> working() {
        return book.orders.stream().filter(VenueOrder::working).toList();
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
        book.orders.removeIf(VenueOrder::staged);
    }

    // --- requests ------------------------------------------------------------------------------

    /** Whether the next order is scripted to be lost on the way (and takes that step if so). */
    boolean loseNextOrder() {
        if (script.peek() instanceof Behaviour.Lost) {
            script.poll();
            return true;
        }
        return false;
    }

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
        book.orders.add(order);
        placed.add(new PlacedOrder(request.contract(), withIds(sent, orderId, clientId, permId, sent.account())));
        highestIdByClient.merge(clientId, orderId, Math::max);
        highestId = Math.max(highestId, orderId);
        if (sent.transmit()) {
            book.goLive(release(order));
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
            book.cancel(order, true);
            for (VenueOrder child : book.children(order)) {
                if (child.working() || child.staged()) {
                    book.cancel(child, true);
                }
            }
        }
    }

    void globalCancel(int clientId) {
        if (readOnly) {
            peers.client(clientId).send(e -> e.error(-1, 321, READ_ONLY, ""));
            return;
        }
        for (VenueOrder order : List.copyOf(book.orders)) {
            if (order.working() || order.staged()) {
                book.cancel(order, true);
            }
        }
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
                book.goLive(release(order));
            }
            return;
        }
        book.announce(order, peers.client(order.clientId));
        book.act(order, true);
    }

    /** The orders a transmitted order releases: its staged parent and the parent's staged children, or itself. */
    private List<VenueOrder> release(VenueOrder order) {
        VenueOrder parent = order.order.parentId() == 0 ? null : find(order.clientId, order.order.parentId(), true);
        VenueOrder root = parent != null && parent.staged() ? parent : order;
        List<VenueOrder> bracket = new ArrayList<>(List.of(root));
        book.children(root).stream().filter(c -> c.staged() && c != order).forEach(bracket::add);
        if (!bracket.contains(order)) {
            bracket.add(order);
        }
        return bracket;
    }

    // --- lookups -------------------------------------------------------------------------------

    /** The client's most recent order with this id, in this Gateway session only or in any. */
    private VenueOrder find(int clientId, int orderId, boolean thisSession) {
        return book.orders.stream().filter(o -> o.clientId == clientId && o.orderId == orderId)
                .filter(o -> !thisSession || o.epoch == epoch).max(Comparator.comparingLong(o -> o.permId))
                .orElse(null);
    }

    /** Size from totalQuantity, or for a cash-quantity order from the cash amount at the limit or market price. */
    private BigDecimal quantity(IbOrder sent, IbContractDetails details) {
        if (sent.totalQuantity() != null) {
            return sent.totalQuantity();
        }
        BigDecimal reference = sent.lmtPrice() != null ? sent.lmtPrice() : book.price(details.contract().symbol());
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

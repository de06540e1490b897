package io.tvbridge.broker.ibkr.fake;

import io.tvbridge.broker.ibkr.codec.IbContract;
import io.tvbridge.broker.ibkr.codec.IbContractDetails;
import io.tvbridge.broker.ibkr.codec.IbOrder;
import io.tvbridge.broker.ibkr.codec.IbOrderState;
import io.tvbridge.broker.ibkr.codec.IbOrderStatus;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Set;

/** The fake venue's mutable record of one order; guarded by the server's lock. */
final class VenueOrder {
    static final String STAGED = "ApiPending";
    private static final Set<String> WORKING = Set.of("PreSubmitted", "Submitted");
    private static final Set<String> DONE = Set.of("Filled", "Cancelled", "Inactive");

    final long permId;
    final int clientId;
    final int orderId;
    /** Which Gateway session placed it: order ids repeat after a restart, so lookups by id stay in one epoch. */
    final int epoch;
    final IbContract contract;
    final IbContractDetails details;
    final Behaviour behaviour;
    BigDecimal quantity;
    IbOrder order;
    String status = STAGED;
    String whyHeld = "";
    BigDecimal filled = BigDecimal.ZERO;
    BigDecimal notional = BigDecimal.ZERO;
    BigDecimal lastFillPrice;
    /** A stop (or stop-limit, or trailing stop) whose trigger price has been reached. */
    boolean triggered;
    BigDecimal trailStop;

    VenueOrder(long permId, int clientId, int orderId, int epoch, IbContract contract, IbContractDetails details,
               IbOrder order, Behaviour behaviour, BigDecimal quantity) {
        this.permId = permId;
        this.clientId = clientId;
        this.orderId = orderId;
        this.epoch = epoch;
        this.contract = contract;
        this.details = details;
        this.order = order;
        this.behaviour = behaviour;
        this.quantity = quantity;
    }

    boolean working() {
        return WORKING.contains(status);
    }

    boolean staged() {
        return status.equals(STAGED);
    }

    boolean done() {
        return DONE.contains(status);
    }

    boolean buy() {
        return order.action().equals("BUY");
    }

    String type() {
        return order.orderType();
    }

    BigDecimal remaining() {
        return quantity.subtract(filled);
    }

    BigDecimal avgFillPrice() {
        return filled.signum() == 0 ? BigDecimal.ZERO
                : notional.divide(filled, MathContext.DECIMAL64).stripTrailingZeros();
    }

    IbOrderStatus orderStatus() {
        return new IbOrderStatus(orderId, status, filled, remaining(), avgFillPrice(), permId, order.parentId(),
                lastFillPrice == null ? BigDecimal.ZERO : lastFillPrice, clientId, whyHeld, BigDecimal.ZERO);
    }

    IbOrderState state() {
        return new IbOrderState(status, null, null, null, "", "");
    }

    FakeTwsOrder snapshot() {
        return new FakeTwsOrder(contract, order, status, filled, remaining(), avgFillPrice());
    }
}

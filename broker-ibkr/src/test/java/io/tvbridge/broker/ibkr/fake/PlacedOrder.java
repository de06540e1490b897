package io.tvbridge.broker.ibkr.fake;

import io.tvbridge.broker.ibkr.codec.IbContract;
import io.tvbridge.broker.ibkr.codec.IbOrder;

/**
 * One PLACE_ORDER the fake received, decoded: the contract as the client sent it, and the order
 * with the client's order id, its client id and the permId TWS gave it (0 when the order was
 * not accepted: read-only mode, duplicate id, unknown contract, what-if).
 */
public record PlacedOrder(IbContract contract, IbOrder order) {

    public int orderId() {
        return order.orderId();
    }

    public int clientId() {
        return order.clientId();
    }

    public long permId() {
        return order.permId();
    }
}

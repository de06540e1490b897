package io.tvbridge.broker.ibkr.fake;

import io.tvbridge.broker.ibkr.codec.IbContract;
import io.tvbridge.broker.ibkr.codec.IbOrder;
import java.math.BigDecimal;

/**
 * An order as the fake venue holds it at one moment: the resolved contract, the order (with
 * its ids), its status ({@code ApiPending} while held with transmit=0, then {@code PreSubmitted},
 * {@code Submitted}, {@code Filled}, {@code Cancelled} or {@code Inactive}) and its fills.
 */
public record FakeTwsOrder(IbContract contract, IbOrder order, String status, BigDecimal filled,
                           BigDecimal remaining, BigDecimal avgFillPrice) {

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

package io.tvbridge.broker.ibkr.codec;

import java.math.BigDecimal;

/** An ORDER_STATUS message: cumulative fill state of one order. Prices are null when unset. */
public record IbOrderStatus(int orderId, String status, BigDecimal filled, BigDecimal remaining,
                            BigDecimal avgFillPrice, long permId, int parentId, BigDecimal lastFillPrice,
                            int clientId, String whyHeld, BigDecimal mktCapPrice) {
    public IbOrderStatus {
        status = IbContract.orEmpty(status);
        whyHeld = IbContract.orEmpty(whyHeld);
    }
}

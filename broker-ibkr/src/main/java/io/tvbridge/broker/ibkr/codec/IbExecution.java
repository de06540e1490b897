package io.tvbridge.broker.ibkr.codec;

import java.math.BigDecimal;

/**
 * One execution (EXECUTION_DATA). {@code shares} is this fill's quantity, {@code cumQty} the
 * order's cumulative quantity; {@code side} is {@code BOT} or {@code SLD}. A correction
 * carries an {@code execId} that differs only after its last dot. {@code pendingPriceRevision} is
 * null at server versions that do not send it.
 */
public record IbExecution(int orderId, String execId, String time, String acctNumber, String exchange, String side,
                          BigDecimal shares, BigDecimal price, long permId, int clientId, int liquidation,
                          BigDecimal cumQty, BigDecimal avgPrice, String orderRef, String evRule,
                          BigDecimal evMultiplier, String modelCode, int lastLiquidity, Boolean pendingPriceRevision) {
    public IbExecution {
        execId = IbContract.orEmpty(execId);
        time = IbContract.orEmpty(time);
        acctNumber = IbContract.orEmpty(acctNumber);
        exchange = IbContract.orEmpty(exchange);
        side = IbContract.orEmpty(side);
        orderRef = IbContract.orEmpty(orderRef);
        evRule = IbContract.orEmpty(evRule);
        modelCode = IbContract.orEmpty(modelCode);
    }
}

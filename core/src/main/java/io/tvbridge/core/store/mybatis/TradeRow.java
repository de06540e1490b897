package io.tvbridge.core.store.mybatis;

import java.math.BigDecimal;
import java.time.Instant;

/** A fill joined with the strategy of its order's signal (null when the signal named none). */
record TradeRow(String broker, String executionId, String clientOrderId, String symbol, String side,
                BigDecimal quantity, BigDecimal price, BigDecimal commission, String commissionCurrency,
                Instant filledAt, BigDecimal realizedPnl, String strategy) {
}

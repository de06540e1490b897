package io.tvbridge.core.store.mybatis;

import java.math.BigDecimal;
import java.time.Instant;

/** A row of {@code fills} as MyBatis reads and writes it. */
record FillRow(String broker, String executionId, String clientOrderId, String symbol, String side,
               BigDecimal quantity, BigDecimal price, BigDecimal commission, String commissionCurrency,
               Instant filledAt, Instant recordedAt, BigDecimal realizedPnl) {
}

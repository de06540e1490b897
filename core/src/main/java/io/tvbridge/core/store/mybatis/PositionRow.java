package io.tvbridge.core.store.mybatis;

import java.math.BigDecimal;
import java.time.Instant;

/** A row of {@code positions} as MyBatis reads and writes it. */
record PositionRow(String broker, String account, String symbol, BigDecimal quantity, BigDecimal averageCost,
                   BigDecimal multiplier, BigDecimal realizedPnl, BigDecimal commissions, Instant updatedAt) {
}

package io.tvbridge.core.store.mybatis;

import java.math.BigDecimal;
import java.time.Instant;

/** A row of {@code fills} with the signal id and strategy of its order; those two are null without one. */
record JournalFillRow(String broker, String executionId, String clientOrderId, String symbol, String side,
                      BigDecimal quantity, BigDecimal price, BigDecimal commission, String commissionCurrency,
                      Instant filledAt, Instant recordedAt, BigDecimal realizedPnl, Long signalId, String strategy) {
}

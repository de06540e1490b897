package io.tvbridge.core.store.mybatis;

import java.math.BigDecimal;
import java.time.Instant;

/** A row of {@code signals} as MyBatis reads and writes it; nullable columns are null here. */
record SignalRow(long id, Instant receivedAt, String alertId, String bodyHash, String sourceAddress,
                 String contentType, String payload, String action, String symbol, String exchange,
                 BigDecimal quantity, String orderType, BigDecimal price, BigDecimal limitPrice,
                 BigDecimal stopPrice, BigDecimal stopLoss, BigDecimal takeProfit, String strategy,
                 Instant alertTime, String comment, String decision, String reason, Instant decidedAt,
                 int duplicates, boolean dryRun, BigDecimal targetPosition, String conviction,
                 boolean outsideRth, String dialect, String quantityUnit, BigDecimal trailAmount,
                 BigDecimal trailPercent) {
}

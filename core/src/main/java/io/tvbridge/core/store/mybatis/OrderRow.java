package io.tvbridge.core.store.mybatis;

import java.math.BigDecimal;
import java.time.Instant;

/** A row of {@code orders} as MyBatis reads and writes it; nullable columns are null here. */
record OrderRow(long id, String clientOrderId, long signalId, String broker, String account, String symbol,
                String exchange, String assetClass, String side, BigDecimal quantity, String orderType,
                BigDecimal limitPrice, BigDecimal stopPrice, BigDecimal takeProfit, BigDecimal stopLoss,
                BigDecimal referencePrice, String timeInForce, boolean outsideRth, BigDecimal multiplier,
                String status, String brokerOrderId, BigDecimal filledQuantity, BigDecimal averageFillPrice,
                String reason, Instant createdAt, Instant submittedAt, Instant updatedAt,
                String parentClientOrderId, boolean opens, BigDecimal trailAmount, BigDecimal trailPercent,
                Instant cancelRequestedAt) {
}

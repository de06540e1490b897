package io.tvbridge.broker.spi.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a broker knows of one order, as returned by {@link io.tvbridge.broker.spi.Broker#lookup}
 * and {@link io.tvbridge.broker.spi.Broker#openOrders}.
 */
public record OrderState(
        ClientOrderId clientOrderId,
        String brokerOrderId,
        String symbol,
        Side side,
        BigDecimal quantity,
        OrderType type,
        Optional<BigDecimal> limitPrice,
        Optional<BigDecimal> stopPrice,
        OrderStatus status,
        BigDecimal filledQuantity,
        Optional<BigDecimal> averageFillPrice,
        Optional<String> reason,
        Instant updatedAt) {

    public OrderState {
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(brokerOrderId, "brokerOrderId");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(limitPrice, "limitPrice");
        Objects.requireNonNull(stopPrice, "stopPrice");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(filledQuantity, "filledQuantity");
        Objects.requireNonNull(averageFillPrice, "averageFillPrice");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public BigDecimal remainingQuantity() {
        return quantity.subtract(filledQuantity).max(BigDecimal.ZERO);
    }
}

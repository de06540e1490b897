package io.tvbridge.broker.spi.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A change in an order's state, delivered through {@link io.tvbridge.broker.spi.BrokerListener}.
 *
 * <p>{@code filledQuantity} is the cumulative quantity filled so far and
 * {@code averageFillPrice} its average price. A {@link OrderStatus#REJECTED} or
 * {@link OrderStatus#CANCELLED} update carries the venue's reason, in the venue's words.
 */
public record OrderUpdate(ClientOrderId clientOrderId, Optional<String> brokerOrderId, OrderStatus status,
                          BigDecimal filledQuantity, Optional<BigDecimal> averageFillPrice,
                          Optional<String> reason, Instant time) {
    public OrderUpdate {
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(brokerOrderId, "brokerOrderId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(filledQuantity, "filledQuantity");
        Objects.requireNonNull(averageFillPrice, "averageFillPrice");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(time, "time");
        if (filledQuantity.signum() < 0) {
            throw new IllegalArgumentException("filled quantity is negative: " + filledQuantity);
        }
    }

    public static OrderUpdate of(ClientOrderId id, String brokerOrderId, OrderStatus status, Instant time) {
        return new OrderUpdate(id, Optional.ofNullable(brokerOrderId), status, BigDecimal.ZERO, Optional.empty(),
                Optional.empty(), time);
    }

    public static OrderUpdate rejected(ClientOrderId id, String reason, Instant time) {
        return new OrderUpdate(id, Optional.empty(), OrderStatus.REJECTED, BigDecimal.ZERO, Optional.empty(),
                Optional.of(reason), time);
    }
}

package io.tvbridge.core.store;

import io.tvbridge.broker.spi.model.ClientOrderId;
import io.tvbridge.core.model.OrderPhase;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A new state for a stored order, as the broker reported it. */
public record OrderChange(ClientOrderId clientOrderId, OrderPhase phase, BigDecimal filledQuantity,
                          Optional<BigDecimal> averageFillPrice, Optional<String> brokerOrderId,
                          Optional<String> reason, Instant at) {
    public OrderChange {
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(filledQuantity, "filledQuantity");
        Objects.requireNonNull(averageFillPrice, "averageFillPrice");
        Objects.requireNonNull(brokerOrderId, "brokerOrderId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(at, "at");
    }
}

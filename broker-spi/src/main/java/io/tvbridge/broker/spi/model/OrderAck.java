package io.tvbridge.broker.spi.model;

import java.time.Instant;
import java.util.Objects;

/**
 * The broker's answer to {@link io.tvbridge.broker.spi.Broker#submit}: the order is known to
 * the venue under {@code brokerOrderId} and stands at {@code status}.
 *
 * <p>{@code alreadyKnown} is true when the client order id had been used before and this
 * ack describes that earlier order: nothing new was placed.
 */
public record OrderAck(ClientOrderId clientOrderId, String brokerOrderId, OrderStatus status,
                       boolean alreadyKnown, Instant at) {
    public OrderAck {
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(brokerOrderId, "brokerOrderId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(at, "at");
    }
}

package io.tvbridge.core.store;

import io.tvbridge.core.model.OrderPhase;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How far an order has got: its phase, the contract multiplier learnt when it was sent, the
 * broker's id for it, what has filled and at what average price, why it ended (a rejection, a
 * cancel), when it was sent, when it last changed, and when a cancel alert asked for its cancel.
 */
public record OrderProgress(OrderPhase phase, BigDecimal multiplier, Optional<String> brokerOrderId,
                            BigDecimal filledQuantity, Optional<BigDecimal> averageFillPrice, Optional<String> reason,
                            Optional<Instant> submittedAt, Instant updatedAt, Optional<Instant> cancelRequestedAt) {
    public OrderProgress {
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(multiplier, "multiplier");
        Objects.requireNonNull(brokerOrderId, "brokerOrderId");
        Objects.requireNonNull(filledQuantity, "filledQuantity");
        Objects.requireNonNull(averageFillPrice, "averageFillPrice");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(submittedAt, "submittedAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(cancelRequestedAt, "cancelRequestedAt");
    }

    /** A decided order, in {@code phase} (NEW, or DRY_RUN), nothing sent or filled yet. */
    public static OrderProgress decided(OrderPhase phase, Instant at) {
        return new OrderProgress(phase, BigDecimal.ONE, Optional.empty(), BigDecimal.ZERO, Optional.empty(),
                Optional.empty(), Optional.empty(), at, Optional.empty());
    }

    /** After {@code change}: a field the change leaves empty keeps its value. */
    public OrderProgress changed(OrderChange change) {
        return new OrderProgress(change.phase(), multiplier, change.brokerOrderId().or(() -> brokerOrderId),
                change.filledQuantity(), change.averageFillPrice().or(() -> averageFillPrice),
                change.reason().or(() -> reason), submittedAt, change.at(), cancelRequestedAt);
    }

    /** Sent at {@code at}, with the multiplier of its instrument (a NEW order only; others are as they were). */
    public OrderProgress submitted(BigDecimal contractMultiplier, Instant at) {
        if (phase != OrderPhase.NEW) {
            return this;
        }
        return new OrderProgress(OrderPhase.SUBMITTED, contractMultiplier, brokerOrderId, filledQuantity,
                averageFillPrice, reason, Optional.of(at), at, cancelRequestedAt);
    }

    /** A cancel alert asked for its cancel at {@code at} (the first time counts). */
    public OrderProgress cancelRequested(Instant at) {
        return new OrderProgress(phase, multiplier, brokerOrderId, filledQuantity, averageFillPrice, reason,
                submittedAt, updatedAt, cancelRequestedAt.or(() -> Optional.of(at)));
    }
}

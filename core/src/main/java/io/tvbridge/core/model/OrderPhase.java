package io.tvbridge.core.model;

import io.tvbridge.broker.spi.model.OrderStatus;

/**
 * Where one of our orders stands: the broker's {@link OrderStatus} plus the two phases
 * before the broker has answered.
 */
public enum OrderPhase {
    /** Planned and stored, not yet handed to the broker. */
    NEW,
    /** Handed to the broker, no answer yet: after a crash its outcome must be looked up. */
    SUBMITTED,
    ACCEPTED,
    PARTIALLY_FILLED,
    FILLED,
    CANCELLED,
    REJECTED,
    EXPIRED,
    /** Decided in dry-run mode: recorded, never sent. Terminal. */
    DRY_RUN;

    public static OrderPhase of(OrderStatus status) {
        return switch (status) {
            case PENDING -> SUBMITTED;
            case ACCEPTED -> ACCEPTED;
            case PARTIALLY_FILLED -> PARTIALLY_FILLED;
            case FILLED -> FILLED;
            case CANCELLED -> CANCELLED;
            case REJECTED -> REJECTED;
            case EXPIRED -> EXPIRED;
        };
    }

    public boolean isTerminal() {
        return switch (this) {
            case FILLED, CANCELLED, REJECTED, EXPIRED, DRY_RUN -> true;
            case NEW, SUBMITTED, ACCEPTED, PARTIALLY_FILLED -> false;
        };
    }

    /** Whether an order here may move to {@code next}; orders never go back. */
    public boolean canMoveTo(OrderPhase next) {
        if (isTerminal() || next == NEW || next == DRY_RUN) {
            return false;
        }
        return switch (next) {
            case NEW, DRY_RUN -> false;
            case SUBMITTED -> this == NEW;
            case ACCEPTED -> this == NEW || this == SUBMITTED;
            case PARTIALLY_FILLED, FILLED, CANCELLED, REJECTED, EXPIRED -> true;
        };
    }
}

package io.tvbridge.broker.spi.model;

/**
 * Where an order stands. Terminal states never change again; a broker that learns of a
 * later state out of order must not move an order back to an earlier one.
 */
public enum OrderStatus {
    /** Handed to the broker, not yet confirmed by the venue. */
    PENDING,
    /** Working at the venue, nothing filled. */
    ACCEPTED,
    /** Working at the venue, partly filled. */
    PARTIALLY_FILLED,
    /** Completely filled. Terminal. */
    FILLED,
    /** Cancelled, possibly after partial fills. Terminal. */
    CANCELLED,
    /** Refused by the broker or venue; a reason accompanies it. Terminal. */
    REJECTED,
    /** Ended by its time in force. Terminal. */
    EXPIRED;

    public boolean isTerminal() {
        return switch (this) {
            case FILLED, CANCELLED, REJECTED, EXPIRED -> true;
            case PENDING, ACCEPTED, PARTIALLY_FILLED -> false;
        };
    }

    /** Whether an order in this state may still move to {@code next}. */
    public boolean canMoveTo(OrderStatus next) {
        if (isTerminal()) {
            return false;
        }
        return switch (next) {
            case PENDING -> false;
            case ACCEPTED -> this == PENDING;
            case PARTIALLY_FILLED -> true;
            case FILLED, CANCELLED, REJECTED, EXPIRED -> true;
        };
    }
}

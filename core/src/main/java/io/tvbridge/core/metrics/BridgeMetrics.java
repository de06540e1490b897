package io.tvbridge.core.metrics;

import io.tvbridge.core.model.OrderPhase;
import io.tvbridge.core.model.Outcome;
import io.tvbridge.core.model.Reconciliation;

/**
 * The events the daemon counts and times for monitoring. Callers sit on hot paths (the webhook's
 * answer, the broker's send), so every method must return at once, take no lock a caller could
 * wait on, and never throw. {@link #NONE} counts nothing, for parts run without monitoring.
 */
public interface BridgeMetrics {

    /** Counts nothing. */
    BridgeMetrics NONE = new BridgeMetrics() {
    };

    /** A webhook request ended with {@code outcome}; called on the request's thread. */
    default void signal(Outcome outcome) {
    }

    /** A signal took {@code nanos} from being read to being decided and stored (the webhook's wait). */
    default void decisionTime(long nanos) {
    }

    /** One call to the broker's {@code submit} took {@code nanos} and ended with {@code result}. */
    default void brokerSubmit(SubmitResult result, long nanos) {
    }

    /** An order reached its last phase (filled, cancelled, rejected, expired); each order once. */
    default void orderEnded(OrderPhase phase) {
    }

    /** A reconciliation ended; a mismatch has {@code differences} symbols out of line. */
    default void reconciled(Reconciliation.Outcome outcome, int differences) {
    }

    /**
     * A request was refused by a rate limit. {@code limit} names the limit, from a small fixed set
     * (such as {@code webhook} or {@code failed_authentication}), since it becomes a label.
     */
    default void rateLimited(String limit) {
    }

    /** This instance took the engine lease on a shared database (it became the one that trades). */
    default void leaseTaken() {
    }

    /** How one call to the broker's {@code submit} ended. */
    enum SubmitResult {
        /** The broker answered with an acknowledgement. */
        ACKNOWLEDGED,
        /** The broker answered with a refusal. */
        REFUSED,
        /** No answer (timeout, lost connection): the order's outcome must be looked up. */
        UNKNOWN
    }
}

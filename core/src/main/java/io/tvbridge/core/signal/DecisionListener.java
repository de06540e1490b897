package io.tvbridge.core.signal;

import io.tvbridge.core.alert.Alert;
import io.tvbridge.core.store.StoredOrder;
import java.time.Instant;
import java.util.List;

/**
 * Told what the decision stage decided, after the decision is committed, on the decision thread.
 * Methods must return quickly: queue the news, do not work on it here.
 */
public interface DecisionListener {

    /**
     * A signal was refused.
     *
     * @param riskCheck whether a risk check refused it (a limit, a switch, the circuit breaker),
     *     rather than the planning (nothing to close, a stale alert, a closed market)
     */
    default void signalRejected(long signalId, String alert, String reason, boolean riskCheck, Instant at) {
    }

    /**
     * A signal's orders were decided and committed, and are about to be sent (not in a dry run):
     * at once for a new signal, at the open for one released from the pending queue.
     */
    default void ordersDecided(long signalId, Alert alert, List<StoredOrder> orders, Instant at) {
    }

    /** Signals left the pending queue at their market's open, each with how it was decided. */
    default void pendingReleased(List<Released> released, Instant at) {
    }

    /** A signal released from the pending queue and its decision ({@code accepted}, or why not). */
    record Released(long signalId, String symbol, String outcome) {
    }
}

package io.tvbridge.broker.oanda;

/**
 * A request got no usable answer: OANDA could not be reached, did not answer in time, or kept
 * failing. {@link #mayHaveArrived()} tells whether OANDA may nevertheless have acted on it,
 * which for an order means its outcome is unknown until the transactions are searched.
 */
final class OandaCallException extends Exception {
    private static final long serialVersionUID = 1L;

    private final boolean mayHaveArrived;
    private final boolean timedOut;

    OandaCallException(String message, boolean mayHaveArrived, boolean timedOut, Throwable cause) {
        super(message, cause);
        this.mayHaveArrived = mayHaveArrived;
        this.timedOut = timedOut;
    }

    boolean mayHaveArrived() {
        return mayHaveArrived;
    }

    boolean timedOut() {
        return timedOut;
    }
}

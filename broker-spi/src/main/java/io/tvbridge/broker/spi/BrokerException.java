package io.tvbridge.broker.spi;

import java.util.Objects;

/**
 * A broker call failed. The {@link Kind} tells tvbridge what to do next; the message says
 * why in words a trader understands, quoting the venue's own reason where there is one.
 */
public class BrokerException extends Exception {
    private static final long serialVersionUID = 1L;

    /** What went wrong, which decides whether trying again can help. */
    public enum Kind {
        /** The venue refused the request (unknown symbol, insufficient margin ...). */
        REJECTED,
        /** The broker does not support what was asked. */
        UNSUPPORTED,
        /** The request is malformed or names something the broker does not know. */
        INVALID_REQUEST,
        /** The venue cannot be reached now; for a submit, the outcome is unknown. */
        UNAVAILABLE,
        /** No answer in time; for a submit, the outcome is unknown. */
        TIMEOUT,
        /** The credentials were refused. */
        AUTHENTICATION,
        /** The broker's configuration is missing or wrong. */
        CONFIGURATION
    }

    private final Kind kind;

    public BrokerException(Kind kind, String message) {
        super(message);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public BrokerException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public Kind kind() {
        return kind;
    }

    /** Whether the same call may succeed later. A submit must be looked up before it is retried. */
    public boolean retryable() {
        return switch (kind) {
            case UNAVAILABLE, TIMEOUT -> true;
            case REJECTED, UNSUPPORTED, INVALID_REQUEST, AUTHENTICATION, CONFIGURATION -> false;
        };
    }

    /** Whether a submit that failed this way may nevertheless have reached the venue. */
    public boolean outcomeUnknown() {
        return retryable();
    }
}

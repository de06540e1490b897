package io.tvbridge.core;

import java.util.Objects;

/**
 * An operator's action (from the admin API, the CLI or Telegram) that could not be done, with
 * the reason in words for that operator. The kind tells the caller how to answer: the HTTP
 * layer maps it to a status.
 */
public final class ActionRefused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why the action was refused. */
    public enum Kind {
        /** The thing it names does not exist. */
        NOT_FOUND,
        /** It exists, but its state does not allow the action now (an order already filled). */
        CONFLICT,
        /** The broker or the database could not be reached; trying again later may work. */
        UNAVAILABLE
    }

    private final Kind kind;

    public ActionRefused(Kind kind, String message) {
        super(message);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public ActionRefused(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public Kind kind() {
        return kind;
    }
}

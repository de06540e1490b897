package io.tvbridge.core.notify;

import java.time.Instant;
import java.util.Objects;

/** Something the trader should hear about at once, in words ready to send. */
public record Notice(Kind kind, String text, Instant at) {

    /** What happened; a notifier may choose by it how loud to be. */
    public enum Kind {
        KILL_SWITCH_ON,
        PAUSED,
        RESUMED,
        RECONCILIATION_MISMATCH,
        POSITION_ADOPTED,
        BROKER_CONNECTED,
        BROKER_DISCONNECTED
    }

    public Notice {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(at, "at");
    }
}

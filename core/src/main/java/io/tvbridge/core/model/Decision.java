package io.tvbridge.core.model;

import java.util.Locale;

/** What tvbridge decided about an authenticated, valid signal. */
public enum Decision {
    /** Orders were planned (or nothing needed doing) and will be sent. */
    ACCEPTED,
    /** No order: a check refused it, with a reason. */
    REJECTED,
    /** Its market is closed: it waits in the pending queue and is decided at the open. */
    QUEUED,
    /**
     * Not decided yet: stored by an instance that does not trade (a standby on a shared database);
     * the instance that trades decides it and replaces this with its decision.
     */
    STORED;

    /** The word used in webhook responses and the admin API. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}

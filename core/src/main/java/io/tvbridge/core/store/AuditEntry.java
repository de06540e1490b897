package io.tvbridge.core.store;

import java.time.Instant;
import java.util.Objects;

/** One line of the audit trail: who did what, when, and the details. Never holds a secret. */
public record AuditEntry(Instant at, String actor, String action, String details) {
    public AuditEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(details, "details");
    }
}

package io.tvbridge.core.store;

import java.util.Objects;

/** A stored line of the audit trail with its number, which only ever grows. */
public record AuditRecord(long id, AuditEntry entry) {
    public AuditRecord {
        Objects.requireNonNull(entry, "entry");
    }
}

package io.tvbridge.core.store.mybatis;

import java.time.Instant;

/** A row of {@code audit_log} as MyBatis reads and writes it; the database numbers new rows. */
record AuditRow(long id, Instant at, String actor, String action, String details) {
}

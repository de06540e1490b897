package io.tvbridge.core.store.mybatis;

import java.time.Instant;

/** A row of {@code reconciliations} as MyBatis reads and writes it. */
record ReconciliationRow(long id, Instant at, String broker, String actor, String outcome, int positionsChecked,
                         String details, Instant resolvedAt, String resolvedBy) {
}

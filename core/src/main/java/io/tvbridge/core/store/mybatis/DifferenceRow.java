package io.tvbridge.core.store.mybatis;

import java.math.BigDecimal;

/** A row of {@code reconciliation_differences}. */
record DifferenceRow(long reconciliationId, String symbol, BigDecimal expected, BigDecimal actual) {
}

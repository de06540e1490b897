package io.tvbridge.core.store.mybatis;

import java.time.Instant;

/** A row of {@code pending_signals}; nullable columns are null here. */
record PendingRow(long signalId, String symbol, String assetClass, boolean outsideRth, Instant queuedAt,
                  Instant releaseAt, String state, Instant endedAt, String endedBy, String note) {
}

package io.tvbridge.core.order;

import io.tvbridge.core.metrics.BridgeMetrics;
import io.tvbridge.core.store.StoredOrder;

/** Counts orders by how they ended, as the ledger recorded it (each order once). */
public record OrderOutcomeCounter(BridgeMetrics metrics) implements LedgerListener {

    @Override
    public void orderEnded(StoredOrder order) {
        metrics.orderEnded(order.phase());
    }
}

package io.tvbridge.core.order;

import io.tvbridge.broker.spi.model.ConnectionEvent;
import io.tvbridge.broker.spi.model.Fill;
import io.tvbridge.core.store.ExpectedPosition;
import io.tvbridge.core.store.StoredOrder;
import java.math.BigDecimal;

/**
 * Told what the ledger recorded, after it is committed, on the ledger's thread. Methods
 * must return quickly: queue the news, do not work on it here.
 */
public interface LedgerListener {

    default void orderChanged(StoredOrder order) {
    }

    /**
     * A new fill, with the profit or loss it realized (before commission), the order as the fill
     * left it and the position after it: one report, so that a listener never sees the position
     * moved while the order still counts as unfilled.
     */
    default void fillRecorded(StoredOrder order, Fill fill, BigDecimal realizedPnl, ExpectedPosition position) {
    }

    /**
     * The order reached its last phase (filled, cancelled, rejected or expired): heard once per
     * order, after {@link #orderChanged} or {@link #fillRecorded} for the same change.
     */
    default void orderEnded(StoredOrder order) {
    }

    default void positionChanged(ExpectedPosition position) {
    }

    default void connectionChanged(String broker, ConnectionEvent event) {
    }
}

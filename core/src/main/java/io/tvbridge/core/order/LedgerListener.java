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

    /** A new fill, with the profit or loss it realized (before commission). */
    default void fillRecorded(StoredOrder order, Fill fill, BigDecimal realizedPnl) {
    }

    default void positionChanged(ExpectedPosition position) {
    }

    default void connectionChanged(String broker, ConnectionEvent event) {
    }
}

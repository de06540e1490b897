package io.tvbridge.core.order;

import io.tvbridge.broker.spi.BrokerListener;
import java.util.List;

/**
 * Where the order sender reports: what the broker answered (as a {@link BrokerListener}), and the
 * orders it marked as sent, after the mark is committed and before they go. The {@link Ledger}
 * takes both to the engine loop; a test may record them.
 */
public interface SendReports extends BrokerListener {

    /** These orders were marked as sent, with their contract multiplier; none of them has gone yet. */
    void submitted(List<Ledger.Marked> orders);
}

package io.tvbridge.broker.spi;

import io.tvbridge.broker.spi.model.ConnectionEvent;
import io.tvbridge.broker.spi.model.Fill;
import io.tvbridge.broker.spi.model.OrderUpdate;

/**
 * Where a broker reports what happens at the venue. tvbridge supplies it through
 * {@link BrokerContext#listener()}.
 *
 * <p><b>Guarantees a broker gives.</b> Calls come from the broker's own thread(s), never
 * from inside a call tvbridge made, and never concurrently: one call returns before the
 * next starts. Events of one order arrive in the order they happened, and an order's
 * fills arrive before the update that reports them as filled. An execution may be
 * reported again after a reconnect with the same {@link io.tvbridge.broker.spi.model.Fill#executionId()};
 * tvbridge counts it once.
 *
 * <p><b>Guarantees tvbridge gives.</b> The methods return quickly (they queue the event) and
 * do not throw.
 */
public interface BrokerListener {

    /** An order changed state: accepted, partly filled, filled, cancelled, rejected, expired. */
    void onOrderUpdate(OrderUpdate update);

    /** An order was executed, in full or in part. */
    void onFill(Fill fill);

    /** The link to the venue went up or down. */
    void onConnection(ConnectionEvent event);

    /** A listener that drops every event, for tools that only query a broker. */
    BrokerListener IGNORE = new BrokerListener() {
        @Override
        public void onOrderUpdate(OrderUpdate update) {
        }

        @Override
        public void onFill(Fill fill) {
        }

        @Override
        public void onConnection(ConnectionEvent event) {
        }
    };
}

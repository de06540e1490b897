package io.tvbridge.core.order;

import io.tvbridge.core.store.StoredOrder;

/**
 * Where the engine hands what it decided, after the commit that records it: new orders to
 * send, and working orders a cancel alert takes back. {@link OrderSubmitter} keeps both in each
 * symbol's order, so a cancel follows the sends decided before it.
 */
public interface OrderSink {
    /** Sends a newly decided order (a bracket's children go with their parent). */
    void submit(StoredOrder order);

    /** Asks the broker to cancel a working order, after everything queued before it for its symbol. */
    void cancel(StoredOrder order);
}

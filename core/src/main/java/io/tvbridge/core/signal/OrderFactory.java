package io.tvbridge.core.signal;

import io.tvbridge.broker.spi.model.ClientOrderId;
import io.tvbridge.broker.spi.model.OrderType;
import io.tvbridge.core.model.OrderIds;
import io.tvbridge.core.model.PlannedOrder;
import io.tvbridge.core.store.OrderRef;
import io.tvbridge.core.store.StoredOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes the rows of a planned order: its id (the next row id, and the client order id of the
 * signal's leg) and the take-profit and stop-loss children a broker places with an entry, stored
 * as orders of their own ({@code <entry>.tp}, {@code <entry>.sl}) so that their fills move the
 * position. Owned by the engine loop, which tells it the last row id at start.
 */
final class OrderFactory {
    private final OrderIds ids;
    private final String broker;
    private final String account;
    private long lastOrderId;

    OrderFactory(OrderIds ids, String broker, String account) {
        this.ids = ids;
        this.broker = broker;
        this.account = account;
    }

    /** The stored orders go up to this row id. */
    void continueAfter(long lastOrderId) {
        this.lastOrderId = lastOrderId;
    }

    /** The entry (or exit) of leg {@code leg} of a signal, then the bracket children it carries. */
    List<StoredOrder> orders(long signalId, int leg, PlannedOrder planned, boolean dryRun, boolean outsideRegularHours,
                             Instant now) {
        StoredOrder order = StoredOrder.decided(OrderRef.of(++lastOrderId, ids.forSignal(signalId, leg), signalId,
                broker, account), planned, outsideRegularHours, dryRun, now);
        List<StoredOrder> orders = new ArrayList<>(3);
        orders.add(order);
        order.takeProfit().ifPresent(price -> orders.add(order.bracketChild(++lastOrderId, ClientOrderId.TAKE_PROFIT,
                OrderType.LIMIT, price)));
        order.stopLoss().ifPresent(price -> orders.add(order.bracketChild(++lastOrderId, ClientOrderId.STOP_LOSS,
                OrderType.STOP, price)));
        return orders;
    }
}

package io.tvbridge.core.signal;

import io.tvbridge.broker.spi.model.ClientOrderId;
import io.tvbridge.broker.spi.model.OrderType;
import io.tvbridge.broker.spi.model.TimeInForce;
import io.tvbridge.core.model.OrderIds;
import io.tvbridge.core.model.OrderPhase;
import io.tvbridge.core.model.PlannedOrder;
import io.tvbridge.core.store.StoredOrder;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
        StoredOrder order = new StoredOrder(++lastOrderId, ids.forSignal(signalId, leg), signalId, broker, account,
                planned.instrument(), planned.side(), planned.quantity(), planned.type(), planned.limitPrice(),
                planned.stopPrice(), planned.takeProfit(), planned.stopLoss(), planned.referencePrice(),
                planned.timeInForce(), outsideRegularHours, BigDecimal.ONE, dryRun ? OrderPhase.DRY_RUN : OrderPhase.NEW,
                Optional.empty(), BigDecimal.ZERO, Optional.empty(), Optional.empty(), now, Optional.empty(), now,
                Optional.empty(), planned.opens());
        List<StoredOrder> orders = new ArrayList<>(3);
        orders.add(order);
        order.takeProfit().ifPresent(price -> orders.add(child(order, ClientOrderId.TAKE_PROFIT, OrderType.LIMIT,
                Optional.of(price), Optional.empty(), now)));
        order.stopLoss().ifPresent(price -> orders.add(child(order, ClientOrderId.STOP_LOSS, OrderType.STOP,
                Optional.empty(), Optional.of(price), now)));
        return orders;
    }

    private StoredOrder child(StoredOrder entry, String suffix, OrderType type, Optional<BigDecimal> limit,
                              Optional<BigDecimal> stop, Instant now) {
        return new StoredOrder(++lastOrderId, entry.clientOrderId().child(suffix), entry.signalId(), entry.broker(),
                entry.account(), entry.instrument(), entry.side().opposite(), entry.quantity(), type, limit, stop,
                Optional.empty(), Optional.empty(), Optional.empty(), TimeInForce.GTC, entry.outsideRegularHours(),
                BigDecimal.ONE, entry.phase(), Optional.empty(), BigDecimal.ZERO, Optional.empty(), Optional.empty(),
                now, Optional.empty(), now, Optional.of(entry.clientOrderId()), false);
    }
}

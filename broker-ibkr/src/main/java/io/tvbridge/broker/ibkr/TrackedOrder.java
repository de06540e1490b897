package io.tvbridge.broker.ibkr;

import io.tvbridge.broker.ibkr.codec.IbExecution;
import io.tvbridge.broker.spi.model.ClientOrderId;
import io.tvbridge.broker.spi.model.Fill;
import io.tvbridge.broker.spi.model.OrderState;
import io.tvbridge.broker.spi.model.OrderStatus;
import io.tvbridge.broker.spi.model.OrderType;
import io.tvbridge.broker.spi.model.OrderUpdate;
import io.tvbridge.broker.spi.model.Side;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * What the broker knows of one of tvbridge's orders at IB. Changed only on the broker's event
 * thread (except its creation), read from any thread.
 */
final class TrackedOrder {
    final ClientOrderId id;
    final String symbol;
    final Side side;
    final BigDecimal quantity;
    final OrderType type;
    final Optional<BigDecimal> limitPrice;
    final Optional<BigDecimal> stopPrice;
    /** Completed when TWS first answers the PLACE_ORDER (null for adopted orders). */
    final CompletableFuture<OrderStatus> acknowledged;

    /** The session connection it was written on (0: adopted, or not written yet). */
    volatile int sentOnConnection;
    volatile int orderId;
    volatile long permId;
    volatile OrderStatus status = OrderStatus.PENDING;
    volatile BigDecimal filled = BigDecimal.ZERO;
    volatile Optional<BigDecimal> averagePrice = Optional.empty();
    volatile Optional<String> reason = Optional.empty();
    volatile Instant updatedAt;

    /** Fills reported, by execution id without its correction suffix. */
    final Map<String, Fill> fills = new LinkedHashMap<>();
    /** Executions waiting for their commission report, by full execution id. */
    final Map<String, IbExecution> awaitingCommission = new LinkedHashMap<>();
    /** The last ORDER_STATUS, to fold TWS's repeats. */
    String lastStatusKey = "";
    /** An update that reports fills not yet reported as fills: held until they are. */
    OrderUpdate held;

    TrackedOrder(ClientOrderId id, String symbol, Side side, BigDecimal quantity, OrderType type,
                 Optional<BigDecimal> limitPrice, Optional<BigDecimal> stopPrice, int orderId, Instant at,
                 boolean awaitingAck) {
        this.id = id;
        this.symbol = symbol;
        this.side = side;
        this.quantity = quantity;
        this.type = type;
        this.limitPrice = limitPrice;
        this.stopPrice = stopPrice;
        this.orderId = orderId;
        this.updatedAt = at;
        this.acknowledged = awaitingAck ? new CompletableFuture<>() : null;
    }

    BigDecimal reportedFills() {
        return fills.values().stream().map(Fill::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** TWS has said nothing of it yet: no status, no permanent id, no fill. */
    boolean unconfirmed() {
        return status == OrderStatus.PENDING && permId == 0 && filled.signum() == 0 && fills.isEmpty();
    }

    String brokerOrderId() {
        return permId > 0 ? Long.toString(permId) : "order-" + orderId;
    }

    OrderState state() {
        return new OrderState(id, brokerOrderId(), symbol, side, quantity, type, limitPrice, stopPrice, status,
                filled, averagePrice, reason, updatedAt);
    }
}

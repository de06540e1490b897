package io.tvbridge.broker.oanda.codec;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An entry order as OANDA reports it ({@code GET .../orders/{specifier}}, {@code .../pendingOrders}).
 *
 * @param state                   {@code PENDING}, {@code FILLED}, {@code TRIGGERED} or {@code CANCELLED}
 * @param units                   signed: positive buys, negative sells
 * @param price                   the limit or stop price; empty for a market order
 * @param fillingTransactionId    the fill of a filled order
 * @param cancellingTransactionId the cancel of a cancelled order, which holds the reason
 * @param closedTime              when it filled or was cancelled
 */
public record OandaOrder(String id, String type, String state, String instrument, BigDecimal units,
                         Optional<BigDecimal> price, Optional<String> clientOrderId,
                         Optional<String> fillingTransactionId, Optional<String> cancellingTransactionId,
                         Instant createTime, Optional<Instant> closedTime) {
    public OandaOrder {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(units, "units");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(fillingTransactionId, "fillingTransactionId");
        Objects.requireNonNull(cancellingTransactionId, "cancellingTransactionId");
        Objects.requireNonNull(createTime, "createTime");
        Objects.requireNonNull(closedTime, "closedTime");
    }

    public boolean isPending() {
        return state.equals("PENDING");
    }
}

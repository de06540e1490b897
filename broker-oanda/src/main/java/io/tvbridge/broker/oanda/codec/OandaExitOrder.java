package io.tvbridge.broker.oanda.codec;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An order attached to a trade: the take-profit, stop-loss or trailing stop OANDA set up when
 * an order with exits on fill was filled. It names its trade instead of an instrument and units;
 * it closes the trade in full.
 *
 * @param type  {@code TAKE_PROFIT}, {@code STOP_LOSS}, {@code TRAILING_STOP_LOSS} or {@code GUARANTEED_STOP_LOSS}
 * @param price the trigger price, or a trailing stop's distance
 */
public record OandaExitOrder(String id, String type, String state, String tradeId, Optional<BigDecimal> price,
                             Optional<String> clientOrderId, Optional<String> fillingTransactionId,
                             Optional<String> cancellingTransactionId, Instant createTime,
                             Optional<Instant> closedTime) {
    public OandaExitOrder {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(tradeId, "tradeId");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(fillingTransactionId, "fillingTransactionId");
        Objects.requireNonNull(cancellingTransactionId, "cancellingTransactionId");
        Objects.requireNonNull(createTime, "createTime");
        Objects.requireNonNull(closedTime, "closedTime");
    }

    /** The order as an order on the trade's instrument for the trade's units, the other way. */
    public OandaOrder on(OandaTrade trade) {
        return new OandaOrder(id, type, state, trade.instrument(), trade.initialUnits().negate(),
                type.equals("TRAILING_STOP_LOSS") ? Optional.empty() : price, clientOrderId, fillingTransactionId,
                cancellingTransactionId, createTime, closedTime);
    }
}

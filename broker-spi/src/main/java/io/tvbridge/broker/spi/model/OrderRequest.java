package io.tvbridge.broker.spi.model;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * One order tvbridge asks a broker to place.
 *
 * <p>Quantity is positive, in the instrument's units, and the {@link Side} gives the
 * direction. The prices an {@link OrderType} needs are present (a limit order has a limit
 * price, a stop order a stop price, a trailing stop its {@link TrailingStop}); the record
 * refuses to be built otherwise. {@code takeProfit} and {@code stopLoss}, when present,
 * ask for exit orders attached to this one (a bracket) that become active once it fills.
 * {@code referencePrice} is the price the signal saw (TradingView's close); a broker
 * without its own market data (the paper broker) may fill at it, others ignore it.
 */
public record OrderRequest(
        ClientOrderId clientOrderId,
        Instrument instrument,
        Side side,
        BigDecimal quantity,
        OrderType type,
        Optional<BigDecimal> limitPrice,
        Optional<BigDecimal> stopPrice,
        Optional<TrailingStop> trailingStop,
        TimeInForce timeInForce,
        boolean outsideRegularHours,
        Optional<String> account,
        Optional<BigDecimal> takeProfit,
        Optional<BigDecimal> stopLoss,
        Optional<BigDecimal> referencePrice) {

    public OrderRequest {
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(timeInForce, "timeInForce");
        Objects.requireNonNull(account, "account");
        requirePositive(limitPrice, "limit price");
        requirePositive(stopPrice, "stop price");
        Objects.requireNonNull(trailingStop, "trailingStop");
        requirePositive(takeProfit, "take-profit price");
        requirePositive(stopLoss, "stop-loss price");
        requirePositive(referencePrice, "reference price");
        if (quantity.signum() <= 0) {
            throw new IllegalArgumentException("quantity must be positive: " + quantity);
        }
        if (type.needsLimitPrice() && limitPrice.isEmpty()) {
            throw new IllegalArgumentException(type + " order needs a limit price");
        }
        if (type.needsStopPrice() && stopPrice.isEmpty()) {
            throw new IllegalArgumentException(type + " order needs a stop price");
        }
        if (type == OrderType.TRAILING_STOP && trailingStop.isEmpty()) {
            throw new IllegalArgumentException("TRAILING_STOP order needs a trailing distance");
        }
    }

    /** A market order, good for the day, with nothing attached. */
    public static OrderRequest market(ClientOrderId id, Instrument instrument, Side side, BigDecimal quantity) {
        return new OrderRequest(id, instrument, side, quantity, OrderType.MARKET, Optional.empty(), Optional.empty(),
                Optional.empty(), TimeInForce.DAY, false, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    /** A limit order, good till cancelled, with nothing attached. */
    public static OrderRequest limit(ClientOrderId id, Instrument instrument, Side side, BigDecimal quantity,
                                     BigDecimal limitPrice) {
        return new OrderRequest(id, instrument, side, quantity, OrderType.LIMIT, Optional.of(limitPrice),
                Optional.empty(), Optional.empty(), TimeInForce.GTC, false, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    public OrderRequest withReferencePrice(BigDecimal price) {
        return new OrderRequest(clientOrderId, instrument, side, quantity, type, limitPrice, stopPrice, trailingStop,
                timeInForce, outsideRegularHours, account, takeProfit, stopLoss, Optional.of(price));
    }

    public OrderRequest withInstrument(Instrument other) {
        return new OrderRequest(clientOrderId, other, side, quantity, type, limitPrice, stopPrice, trailingStop,
                timeInForce, outsideRegularHours, account, takeProfit, stopLoss, referencePrice);
    }

    private static void requirePositive(Optional<BigDecimal> price, String name) {
        Objects.requireNonNull(price, name);
        price.ifPresent(p -> {
            if (p.signum() <= 0) {
                throw new IllegalArgumentException(name + " must be positive: " + p.toPlainString());
            }
        });
    }
}

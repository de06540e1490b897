package io.tvbridge.broker.oanda.codec;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * An order ready for OANDA: instrument name, signed units and prices already rounded to the
 * instrument's precision. {@code clientId} goes into both the order's and the trade's client
 * extensions, so the order and the trade it opens can both be found by tvbridge's id.
 *
 * @param units            signed: positive buys, negative sells
 * @param price            the limit or stop price; empty for a market order
 * @param takeProfit       the price of a take-profit attached to the trade the fill opens
 * @param stopLoss         the price of a stop-loss attached to that trade
 * @param trailingDistance the distance, in price units, of a trailing stop attached to that trade
 */
public record OandaOrderRequest(OandaOrderType type, String instrument, BigDecimal units, Optional<BigDecimal> price,
                                OandaTimeInForce timeInForce, OandaPositionFill positionFill, String clientId,
                                Optional<BigDecimal> takeProfit, Optional<BigDecimal> stopLoss,
                                Optional<BigDecimal> trailingDistance) {
    public OandaOrderRequest {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(units, "units");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(timeInForce, "timeInForce");
        Objects.requireNonNull(positionFill, "positionFill");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(takeProfit, "takeProfit");
        Objects.requireNonNull(stopLoss, "stopLoss");
        Objects.requireNonNull(trailingDistance, "trailingDistance");
        if (units.signum() == 0) {
            throw new IllegalArgumentException("an order needs units: " + instrument);
        }
        if ((type == OandaOrderType.MARKET) != price.isEmpty()) {
            throw new IllegalArgumentException(type + " order " + (price.isEmpty() ? "needs" : "takes no") + " price");
        }
        if (type == OandaOrderType.MARKET && timeInForce != OandaTimeInForce.FOK
                && timeInForce != OandaTimeInForce.IOC) {
            throw new IllegalArgumentException("a market order is FOK or IOC, not " + timeInForce);
        }
    }
}

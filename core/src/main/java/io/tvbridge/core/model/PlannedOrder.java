package io.tvbridge.core.model;

import io.tvbridge.broker.spi.model.InstrumentRef;
import io.tvbridge.broker.spi.model.Side;
import io.tvbridge.broker.spi.model.TimeInForce;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * An order the decision stage wants placed, before it has an id and a row: its type and the
 * prices the type needs ({@link OrderPrices}), and the bracket it carries. {@code opens} is
 * true when it opens or adds to a position (an entry), false when it only reduces one.
 */
public record PlannedOrder(InstrumentRef instrument, Side side, BigDecimal quantity, OrderPrices prices,
                           Optional<BigDecimal> takeProfit, Optional<BigDecimal> stopLoss,
                           Optional<BigDecimal> referencePrice, TimeInForce timeInForce, boolean opens) {
    public PlannedOrder {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(prices, "prices");
        Objects.requireNonNull(takeProfit, "takeProfit");
        Objects.requireNonNull(stopLoss, "stopLoss");
        Objects.requireNonNull(referencePrice, "referencePrice");
        Objects.requireNonNull(timeInForce, "timeInForce");
        if (quantity.signum() <= 0) {
            throw new IllegalArgumentException("planned quantity must be positive: " + quantity);
        }
    }

    /** A market order that exits {@code quantity} of a position, at whatever price the market gives. */
    public static PlannedOrder exit(InstrumentRef instrument, Side side, BigDecimal quantity,
                                    Optional<BigDecimal> referencePrice) {
        return new PlannedOrder(instrument, side, quantity, OrderPrices.market(), Optional.empty(), Optional.empty(),
                referencePrice, TimeInForce.DAY, false);
    }
}

package io.tvbridge.broker.oanda.codec;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * An open position ({@code GET .../openPositions}): OANDA keeps a long and a short side per
 * instrument; on an account without hedging only one side holds units.
 *
 * @param longUnits    positive or zero
 * @param shortUnits   negative or zero
 * @param unrealizedPnl and {@code realizedPnl}: in the account's currency
 */
public record OandaPosition(String instrument, BigDecimal longUnits, Optional<BigDecimal> longAveragePrice,
                            BigDecimal shortUnits, Optional<BigDecimal> shortAveragePrice, BigDecimal unrealizedPnl,
                            BigDecimal realizedPnl) {
    public OandaPosition {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(longUnits, "longUnits");
        Objects.requireNonNull(longAveragePrice, "longAveragePrice");
        Objects.requireNonNull(shortUnits, "shortUnits");
        Objects.requireNonNull(shortAveragePrice, "shortAveragePrice");
        Objects.requireNonNull(unrealizedPnl, "unrealizedPnl");
        Objects.requireNonNull(realizedPnl, "realizedPnl");
    }

    /** The net units: long plus short (which is negative). */
    public BigDecimal netUnits() {
        return longUnits.add(shortUnits);
    }

    /** The average price of the side that is larger, the one the net position stands on. */
    public Optional<BigDecimal> netAveragePrice() {
        return netUnits().signum() >= 0 ? longAveragePrice : shortAveragePrice;
    }
}

package io.tvbridge.broker.spi.model;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A net position kept by the average-cost method, the way tvbridge and its simulated
 * broker both account for fills: buys and sells that add to a position move its average
 * cost; those that reduce it realize profit or loss against that average; a fill that
 * crosses zero closes the old position and opens the new one at the fill price.
 *
 * @param quantity    signed: positive long, negative short
 * @param averageCost average entry price per unit; zero when flat
 * @param realizedPnl realized profit or loss, in money ({@code price × quantity × multiplier}),
 *                    before commissions
 */
public record Holding(BigDecimal quantity, BigDecimal averageCost, BigDecimal realizedPnl) {
    private static final MathContext PRICE_PRECISION = new MathContext(20, RoundingMode.HALF_EVEN);
    private static final int PRICE_SCALE = 10;

    public static final Holding FLAT = new Holding(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

    public Holding {
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(averageCost, "averageCost");
        Objects.requireNonNull(realizedPnl, "realizedPnl");
    }

    /** The holding after a fill of {@code fillQuantity} (positive) on {@code side} at {@code price}. */
    public Holding apply(Side side, BigDecimal fillQuantity, BigDecimal price, BigDecimal multiplier) {
        BigDecimal change = side == Side.BUY ? fillQuantity : fillQuantity.negate();
        BigDecimal next = quantity.add(change);
        if (quantity.signum() == 0 || quantity.signum() == change.signum()) {
            BigDecimal cost = averageCost.multiply(quantity.abs()).add(price.multiply(fillQuantity));
            BigDecimal average = cost.divide(next.abs(), PRICE_PRECISION).setScale(PRICE_SCALE, RoundingMode.HALF_EVEN);
            return new Holding(next, average.stripTrailingZeros(), realizedPnl);
        }
        BigDecimal closed = fillQuantity.min(quantity.abs());
        BigDecimal pnl = price.subtract(averageCost).multiply(closed).multiply(multiplier)
                .multiply(BigDecimal.valueOf(quantity.signum()));
        BigDecimal realized = realizedPnl.add(pnl);
        if (next.signum() == 0) {
            return new Holding(BigDecimal.ZERO, BigDecimal.ZERO, realized);
        }
        BigDecimal average = next.signum() == quantity.signum() ? averageCost : price;
        return new Holding(next, average, realized);
    }

    /** Profit or loss of the open quantity at {@code marketPrice}, in money. */
    public BigDecimal unrealizedPnl(BigDecimal marketPrice, BigDecimal multiplier) {
        return marketPrice.subtract(averageCost).multiply(quantity).multiply(multiplier);
    }

    public boolean isFlat() {
        return quantity.signum() == 0;
    }
}

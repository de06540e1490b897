package io.tvbridge.broker.spi.model;

import java.math.BigDecimal;
import java.util.Objects;

/** The distance of a trailing stop from the best price: an amount in price units, or a percent. */
public record TrailingStop(BigDecimal distance, boolean percent) {
    public TrailingStop {
        Objects.requireNonNull(distance, "distance");
        if (distance.signum() <= 0) {
            throw new IllegalArgumentException("trailing distance must be positive: " + distance);
        }
        if (percent && distance.compareTo(new BigDecimal("100")) >= 0) {
            throw new IllegalArgumentException("trailing percent must be below 100: " + distance);
        }
    }

    public static TrailingStop amount(BigDecimal distance) {
        return new TrailingStop(distance, false);
    }

    public static TrailingStop percent(BigDecimal distance) {
        return new TrailingStop(distance, true);
    }

    @Override
    public String toString() {
        return distance.toPlainString() + (percent ? "%" : "");
    }
}

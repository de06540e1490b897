package io.tvbridge.core.model;

import java.math.BigDecimal;
import java.util.Objects;

/** A symbol whose expected position and broker position differ; both signed, zero when flat. */
public record PositionDifference(String symbol, BigDecimal expected, BigDecimal actual) {
    public PositionDifference {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(actual, "actual");
    }

    /** What the broker holds beyond what tvbridge expects (negative: less). */
    public BigDecimal difference() {
        return actual.subtract(expected);
    }

    /** {@code AAPL: expected 10, broker 12}. */
    public String describe() {
        return symbol + ": expected " + expected.stripTrailingZeros().toPlainString() + ", broker "
                + actual.stripTrailingZeros().toPlainString();
    }
}

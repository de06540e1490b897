package io.tvbridge.core.alert;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Objects;

/**
 * A take-profit or stop-loss written relative to the entry: a percent of it or a price
 * distance from it. It becomes a price against the entry the message gives; a relative leg
 * without an entry price is refused, since the price it would be measured from is a guess.
 */
record PriceOffset(Kind kind, BigDecimal value) {
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    /** How the distance is written. */
    enum Kind { PERCENT, AMOUNT }

    PriceOffset {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
        if (value.signum() <= 0) {
            throw new IllegalArgumentException("an offset must be positive: " + value.toPlainString());
        }
    }

    /** The price {@code this} away from {@code entry}, above it or below it. */
    BigDecimal from(BigDecimal entry, boolean above) {
        BigDecimal distance = kind == Kind.PERCENT
                ? entry.multiply(value).divide(HUNDRED, MathContext.DECIMAL64) : value;
        BigDecimal price = above ? entry.add(distance) : entry.subtract(distance);
        return price.stripTrailingZeros();
    }

    /**
     * Reads {@code text} as a number for an offset named {@code key}; refuses what is not a
     * positive number.
     */
    static PriceOffset parse(Kind kind, String key, String text) throws AlertProblem {
        try {
            return new PriceOffset(kind, new BigDecimal(text.strip()));
        } catch (IllegalArgumentException e) {
            throw AlertProblem.invalid(key, "'" + key + "' must be a positive number, but is '" + text + "'");
        }
    }

    @Override
    public String toString() {
        return kind == Kind.PERCENT ? value.toPlainString() + "%" : value.toPlainString();
    }
}

package io.tvbridge.core.alert;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;

/**
 * A stop-loss or take-profit given as a distance from the entry in a unit the message alone
 * does not turn into a price: pips, or PineConnector's {@code sl=} / {@code tp=}, whose unit is
 * the Target Type of the sender's EA (here the {@code PINECONNECTOR_TARGET} setting). It becomes
 * a price when the order is planned, from the entry price tvbridge knows then.
 */
public record ExitDistance(BigDecimal value, Unit unit) {

    /** What the distance counts. */
    public enum Unit {
        /** Pips of a currency pair: 0.0001, or 0.01 when the price is in yen. */
        PIPS,
        /** PineConnector's sl= / tp=: pips, a price or a percent, by the PINECONNECTOR_TARGET setting. */
        PINECONNECTOR_TARGET
    }

    public ExitDistance {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(unit, "unit");
        if (value.signum() <= 0) {
            throw new IllegalArgumentException("a distance must be positive: " + value.toPlainString());
        }
    }

    /** {@code 50 pips}, {@code 50 pineconnector_target}: as answers show it. */
    @Override
    public String toString() {
        return value.toPlainString() + " " + unit.name().toLowerCase(Locale.ROOT);
    }
}

package io.tvbridge.broker.oanda.codec;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * What an OANDA account's instrument list says about one instrument ({@code GET .../instruments}).
 *
 * @param name                        {@code EUR_USD}: base and quote joined by an underscore
 * @param type                        {@code CURRENCY}, {@code CFD} or {@code METAL}
 * @param displayPrecision            the most decimals a price may carry
 * @param tradeUnitsPrecision         the most decimals units may carry (0: whole units)
 * @param minimumTradeSize            the smallest order, in units
 * @param maximumOrderUnits           the largest order, in units
 * @param minimumTrailingStopDistance the closest a trailing stop may trail, in price units
 * @param maximumTrailingStopDistance the farthest a trailing stop may trail, in price units
 * @param marginRate                  the share of a position's value OANDA holds as margin ({@code 0.0333})
 */
public record OandaInstrumentSpec(String name, String type, String displayName, int displayPrecision,
                                  int tradeUnitsPrecision, BigDecimal minimumTradeSize, BigDecimal maximumOrderUnits,
                                  BigDecimal minimumTrailingStopDistance, BigDecimal maximumTrailingStopDistance,
                                  Optional<BigDecimal> marginRate) {
    public OandaInstrumentSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(minimumTradeSize, "minimumTradeSize");
        Objects.requireNonNull(maximumOrderUnits, "maximumOrderUnits");
        Objects.requireNonNull(minimumTrailingStopDistance, "minimumTrailingStopDistance");
        Objects.requireNonNull(maximumTrailingStopDistance, "maximumTrailingStopDistance");
        Objects.requireNonNull(marginRate, "marginRate");
        if (displayPrecision < 0 || tradeUnitsPrecision < 0) {
            throw new IllegalArgumentException(name + ": precisions must not be negative");
        }
    }

    /** The currency of the instrument's units: what comes before the underscore ({@code EUR} of {@code EUR_USD}). */
    public String baseCurrency() {
        return name.substring(0, name.indexOf('_') < 0 ? name.length() : name.indexOf('_'));
    }

    /** The currency prices are quoted in: what follows the last underscore ({@code USD} of {@code EUR_USD}). */
    public String quoteCurrency() {
        return name.substring(name.lastIndexOf('_') + 1);
    }
}

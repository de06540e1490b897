package io.tvbridge.core.alert;

import java.util.Locale;

/**
 * What an alert's quantity counts. The sizing rules turn every unit into units of the
 * instrument (shares, coins, contracts, currency units) before an order is planned.
 */
public enum QuantityUnit {
    /** Units of the instrument: shares, coins, contracts, units of the base currency. */
    UNITS,
    /** Lots: units times the {@code LOT_SIZE} setting. */
    LOTS,
    /** An amount of money (in the account's currency) to buy or sell at the alert's price. */
    MONEY,
    /** A percent of the account's equity, valued at the alert's price. */
    PERCENT_EQUITY,
    /** A percent of what is available: the cash for a buy, the position held for a sell. */
    PERCENT_AVAILABLE,
    /** A percent of the position held: only for exits (close half). */
    PERCENT_POSITION,
    /** The money lost at the stop-loss, as a percent of equity. */
    RISK_PERCENT,
    /** The money lost at the stop-loss, as an amount. */
    RISK_MONEY,
    /** PineConnector's {@code risk=}: its meaning is a setting of the sender's EA, here {@code PINECONNECTOR_RISK}. */
    PINECONNECTOR_RISK;

    /** The name in answers and the store: {@code percent_equity}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The words an alert may give for a unit: the wire names, and units' other names. */
    static java.util.Optional<QuantityUnit> parse(String text) {
        String word = text.strip().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        return switch (word) {
            case "units", "shares", "contracts", "coins" -> java.util.Optional.of(UNITS);
            case "usd", "cash", "notional" -> java.util.Optional.of(MONEY);
            default -> java.util.Arrays.stream(values()).filter(u -> u.wireName().equals(word)).findFirst();
        };
    }

    /** Whether the quantity is already in units of the instrument. */
    /** Whether the quantity is a percent of something (equity, what is available, the position, risked). */
    public boolean isPercent() {
        return this == PERCENT_EQUITY || this == PERCENT_AVAILABLE || this == PERCENT_POSITION || this == RISK_PERCENT;
    }

    public boolean isUnits() {
        return this == UNITS;
    }
}

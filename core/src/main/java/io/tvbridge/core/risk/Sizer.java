package io.tvbridge.core.risk;

import io.tvbridge.broker.spi.model.AccountSnapshot;
import io.tvbridge.broker.spi.model.AssetClass;
import io.tvbridge.core.alert.Alert;
import io.tvbridge.core.alert.AlertAction;
import io.tvbridge.core.money.Converted;
import io.tvbridge.core.money.Money;
import io.tvbridge.core.settings.AlertRules;
import io.tvbridge.core.settings.RiskSettings;
import io.tvbridge.core.settings.SizingRule;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The quantity of an entry, by the sizing rule of the alert's strategy (or the default):
 * <ul>
 *   <li>{@code quantity}: the alert's own;</li>
 *   <li>{@code notional}: a fixed amount of money at the alert's price;</li>
 *   <li>{@code equity_percent}: a percent of the account's equity at the alert's price;</li>
 *   <li>{@code risk}: the money at risk (a percent of equity, by the alert's conviction) over
 *       the distance from entry to stop-loss.</li>
 * </ul>
 * An alert's own quantity wins over the rule while {@code signal_quantity} is {@code use} (the
 * default), whatever its unit: units as given; lots times {@code lot_size}; money and percents of
 * equity at the alert's price; a percent of what is available (the cash for a buy, the long held
 * for a sell); a risk (money or percent of equity) over the distance to the stop-loss;
 * PineConnector's {@code risk=} by {@code pineconnector_risk}. A percent of the position only
 * sizes exits ({@link #exitQuantity}).
 * Computed sizes are whole units unless fractional quantities are enabled (crypto always is).
 *
 * <p>Every amount of money here (the sizing amount, the equity, the cash, a risk in money) is in
 * the account's currency; a unit's value and its loss at the stop are put in that currency at
 * the broker's rate before they divide it, so a yen-priced pair on a dollar account buys what the
 * dollars pay for.
 */
public final class Sizer {
    private static final int FRACTION_DIGITS = 8;
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private Sizer() {
    }

    public static BigDecimal size(Alert alert, RiskSettings settings, RiskState state) throws SizingRefused {
        SizingRule rule = settings.sizingFor(alert.strategy());
        String symbol = alert.symbol().orElseThrow();
        boolean alertQuantity = alert.quantity().isPresent() && (settings.alertRules().useAlertQuantity()
                || rule.mode() == SizingRule.Mode.QUANTITY);
        if (alertQuantity) {
            return fromAlert(alert, alert.quantity().get(), settings, state, symbol);
        }
        return switch (rule.mode()) {
            case QUANTITY -> alert.quantity().orElseThrow(() -> new SizingRefused("the quantity is missing, and"
                    + " the sizing of " + strategy(alert) + " is 'quantity': add \"quantity\" to the alert"));
            case NOTIONAL -> units(rule.value().orElse(settings.sizingAmount()), alert, settings, state, symbol);
            case EQUITY_PERCENT -> units(equity(state).multiply(rule.value().orElse(settings.sizingEquityPercent()))
                    .divide(HUNDRED), alert, settings, state, symbol);
            case RISK -> byRisk(rule, alert, settings, state, symbol);
        };
    }

    /** The alert's quantity, in its unit, as units of the instrument. */
    private static BigDecimal fromAlert(Alert alert, BigDecimal quantity, RiskSettings settings, RiskState state,
                                        String symbol) throws SizingRefused {
        AlertRules rules = settings.alertRules();
        return switch (alert.quantityUnit()) {
            case UNITS -> quantity;
            case LOTS -> lots(quantity, rules);
            case MONEY -> units(quantity, alert, settings, state, symbol);
            case PERCENT_EQUITY -> units(equity(state).multiply(quantity).divide(HUNDRED), alert, settings, state,
                    symbol);
            case PERCENT_AVAILABLE -> available(alert, quantity, settings, state, symbol);
            case PERCENT_POSITION -> throw new SizingRefused("a percent of the position sizes only an exit");
            case RISK_PERCENT -> byRisk(equity(state).multiply(quantity).divide(HUNDRED),
                    quantity.toPlainString() + "% of equity", alert, settings, state, symbol);
            case RISK_MONEY -> byRisk(quantity, "the alert's risk", alert, settings, state, symbol);
            case PINECONNECTOR_RISK -> switch (rules.pineConnectorRisk()) {
                case UNSET -> throw new SizingRefused("PineConnector's risk=" + quantity.toPlainString() + " means"
                        + " lots, money or a percent by the Volume Type of the EA it was written for: set"
                        + " PINECONNECTOR_RISK to lots, risk_money or risk_percent, or write vol_lots= instead");
                case LOTS -> lots(quantity, rules);
                case RISK_MONEY -> byRisk(quantity, "risk=" + quantity.toPlainString(), alert, settings, state,
                        symbol);
                case RISK_PERCENT -> byRisk(equity(state).multiply(quantity).divide(HUNDRED),
                        quantity.toPlainString() + "% of equity", alert, settings, state, symbol);
            };
        };
    }

    /**
     * The units an exit closes of {@code held} (signed): the alert's quantity in units or lots, or its
     * percent of the position; all of it when the alert gives none. Never more than is held.
     */
    public static BigDecimal exitQuantity(Alert alert, BigDecimal held, RiskSettings settings) throws SizingRefused {
        BigDecimal position = held.abs();
        if (alert.quantity().isEmpty()) {
            return position;
        }
        BigDecimal quantity = alert.quantity().get();
        BigDecimal units = switch (alert.quantityUnit()) {
            case UNITS -> quantity;
            case LOTS -> lots(quantity, settings.alertRules());
            case PERCENT_POSITION, PERCENT_AVAILABLE -> round(position.multiply(quantity.min(HUNDRED)).divide(HUNDRED),
                    alert, settings, () -> quantity.toPlainString() + "% of " + position.toPlainString()
                            + " is less than one unit");
            case MONEY, PERCENT_EQUITY, RISK_PERCENT, RISK_MONEY, PINECONNECTOR_RISK -> throw new SizingRefused(
                    "an exit's quantity in " + alert.quantityUnit().wireName() + " is not read: give units or a"
                            + " percent of the position");
        };
        return units.min(position);
    }

    private static BigDecimal lots(BigDecimal lots, AlertRules rules) throws SizingRefused {
        if (rules.lotSize().signum() == 0) {
            throw new SizingRefused("the alert gives " + lots.toPlainString() + " lots, and a lot's size is not"
                    + " set: set LOT_SIZE to the units in one lot (100000 for a standard FX lot)");
        }
        return lots.multiply(rules.lotSize()).stripTrailingZeros();
    }

    /** A percent of what is available: the cash for a buy, the long held for a sell (which never opens a short). */
    private static BigDecimal available(Alert alert, BigDecimal percent, RiskSettings settings, RiskState state,
                                        String symbol) throws SizingRefused {
        if (alert.action() == AlertAction.SELL) {
            BigDecimal held = state.closable(symbol);
            if (held.signum() <= 0) {
                throw new SizingRefused("the alert sells " + percent.toPlainString() + "% of the " + symbol
                        + " held, and none is held");
            }
            return round(held.multiply(percent.min(HUNDRED)).divide(HUNDRED), alert, settings, () ->
                    percent.toPlainString() + "% of " + held.toPlainString() + " is less than one unit");
        }
        AccountSnapshot account = state.account().orElseThrow(() -> new SizingRefused(
                "sizing by the cash available needs the account, which the broker has not reported yet"));
        return units(account.cash().max(BigDecimal.ZERO).multiply(percent).divide(HUNDRED), alert, settings, state,
                symbol);
    }

    private static BigDecimal byRisk(SizingRule rule, Alert alert, RiskSettings settings, RiskState state,
                                     String symbol) throws SizingRefused {
        BigDecimal riskPercent = riskPercent(rule, alert, settings);
        return byRisk(equity(state).multiply(riskPercent).divide(HUNDRED), riskPercent.toPlainString()
                + "% of equity", alert, settings, state, symbol);
    }

    /** The units whose loss at the stop-loss is {@code money}. */
    private static BigDecimal byRisk(BigDecimal money, String what, Alert alert, RiskSettings settings,
                                     RiskState state, String symbol) throws SizingRefused {
        BigDecimal entry = price(alert, state, symbol);
        BigDecimal stop = alert.stopLoss().orElseThrow(() -> new SizingRefused("risk sizing needs the alert's"
                + " \"stop_loss\" to measure the risk"));
        BigDecimal distance = entry.subtract(stop).abs();
        if (distance.signum() == 0) {
            throw new SizingRefused("the stop-loss " + stop.toPlainString() + " equals the entry price");
        }
        Converted perUnit = valueOfOne(state, symbol, distance);   // the loss of one unit at the stop
        Money risked = Money.of(money, perUnit.value().currency());
        return round(money.divide(perUnit.value().amount(), FRACTION_DIGITS + 2, RoundingMode.DOWN), alert, settings,
                () -> "risking " + risked.display() + " (" + what + ") with " + distance.toPlainString()
                        + " to the stop (" + perUnit.display() + " a unit) buys less than one unit of " + symbol);
    }

    /** The conviction's risk percent, else the strategy's, else the default. */
    private static BigDecimal riskPercent(SizingRule rule, Alert alert, RiskSettings settings) throws SizingRefused {
        Optional<String> conviction = alert.conviction().map(c -> c.strip().toLowerCase(Locale.ROOT));
        if (conviction.isPresent()) {
            BigDecimal percent = settings.convictionRisk().get(conviction.get());
            if (percent == null) {
                throw new SizingRefused("unknown conviction '" + alert.conviction().get() + "': known are "
                        + settings.convictionRisk().keySet());
            }
            return percent;
        }
        return rule.value().orElse(settings.sizingRiskPercent());
    }

    private static BigDecimal units(BigDecimal money, Alert alert, RiskSettings settings, RiskState state,
                                    String symbol) throws SizingRefused {
        BigDecimal price = price(alert, state, symbol);
        Converted perUnit = valueOfOne(state, symbol, price);
        Money amount = Money.of(money, perUnit.value().currency());
        return round(money.divide(perUnit.value().amount(), FRACTION_DIGITS + 2, RoundingMode.DOWN), alert, settings,
                () -> amount.display() + " buys less than one unit of " + symbol + " at " + price.toPlainString()
                        + (perUnit.changedCurrency() ? " (one unit is worth " + perUnit.display() + ")" : ""));
    }

    /**
     * What one unit of {@code symbol} priced at {@code price} (or one unit's move of that size) is
     * worth in the account's currency, the currency sizing amounts are in.
     */
    private static Converted valueOfOne(RiskState state, String symbol, BigDecimal price) throws SizingRefused {
        if (state.rates().accountCurrency().isEmpty()) {
            throw new SizingRefused("sizing by an amount of money needs the account's currency, which the broker"
                    + " has not reported yet");
        }
        try {
            Converted value = state.value(symbol, BigDecimal.ONE, price).notional();
            if (value.value().signum() <= 0) {
                throw new SizingRefused("one unit of " + symbol + " at " + price.toPlainString() + " is worth "
                        + value.display() + ", which sizes nothing");
            }
            return value;
        } catch (NotValued e) {
            throw new SizingRefused(e.getMessage());
        }
    }

    /** The step computed sizes go in: whole units, or 8 decimals when quantities are fractional. */
    public static BigDecimal quantityStep(Alert alert, RiskSettings settings) {
        return BigDecimal.ONE.movePointLeft(fractional(alert, settings) ? FRACTION_DIGITS : 0);
    }

    private static boolean fractional(Alert alert, RiskSettings settings) {
        return settings.fractionalQuantities()
                || alert.instrument().flatMap(i -> i.assetClass()).map(AssetClass::fractionalByNature).orElse(false);
    }

    private static BigDecimal round(BigDecimal raw, Alert alert, RiskSettings settings,
                                    Supplier<String> tooSmall) throws SizingRefused {
        BigDecimal quantity = raw.setScale(fractional(alert, settings) ? FRACTION_DIGITS : 0, RoundingMode.DOWN)
                .stripTrailingZeros();
        if (quantity.signum() <= 0) {
            throw new SizingRefused(tooSmall.get());
        }
        return quantity.scale() < 0 ? quantity.setScale(0) : quantity;
    }

    private static BigDecimal price(Alert alert, RiskState state, String symbol) throws SizingRefused {
        return alert.referencePrice().or(() -> state.price(symbol)).orElseThrow(() -> new SizingRefused(
                "sizing needs a price and none is known for " + symbol + ": add \"price\": \"{{close}}\""));
    }

    private static BigDecimal equity(RiskState state) throws SizingRefused {
        AccountSnapshot account = state.account().orElseThrow(() -> new SizingRefused(
                "sizing by equity needs the account's equity, which the broker has not reported yet"));
        return account.equity();
    }

    private static String strategy(Alert alert) {
        return alert.strategy().map(s -> "strategy '" + s + "'").orElse("alerts without a strategy");
    }
}

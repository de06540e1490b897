package io.tvbridge.core.risk;

import io.tvbridge.broker.spi.model.AccountSnapshot;
import io.tvbridge.broker.spi.model.AssetClass;
import io.tvbridge.core.alert.Alert;
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
 * Computed sizes are whole units unless fractional quantities are enabled (crypto always is).
 */
public final class Sizer {
    private static final int FRACTION_DIGITS = 8;
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private Sizer() {
    }

    public static BigDecimal size(Alert alert, RiskSettings settings, RiskState state) throws SizingRefused {
        SizingRule rule = settings.sizingFor(alert.strategy());
        String symbol = alert.symbol().orElseThrow();
        return switch (rule.mode()) {
            case QUANTITY -> alert.quantity().orElseThrow(() -> new SizingRefused("the quantity is missing, and"
                    + " the sizing of " + strategy(alert) + " is 'quantity': add \"quantity\" to the alert"));
            case NOTIONAL -> units(rule.value().orElse(settings.sizingAmount()), alert, settings, state, symbol);
            case EQUITY_PERCENT -> units(equity(state).multiply(rule.value().orElse(settings.sizingEquityPercent()))
                    .divide(HUNDRED), alert, settings, state, symbol);
            case RISK -> byRisk(rule, alert, settings, state, symbol);
        };
    }

    private static BigDecimal byRisk(SizingRule rule, Alert alert, RiskSettings settings, RiskState state,
                                     String symbol) throws SizingRefused {
        BigDecimal entry = price(alert, state, symbol);
        BigDecimal stop = alert.stopLoss().orElseThrow(() -> new SizingRefused("risk sizing needs the alert's"
                + " \"stop_loss\" to measure the risk"));
        BigDecimal distance = entry.subtract(stop).abs();
        if (distance.signum() == 0) {
            throw new SizingRefused("the stop-loss " + stop.toPlainString() + " equals the entry price");
        }
        BigDecimal riskPercent = riskPercent(rule, alert, settings);
        BigDecimal money = equity(state).multiply(riskPercent).divide(HUNDRED);
        BigDecimal perUnit = distance.multiply(state.multiplier(symbol));
        return round(money.divide(perUnit, FRACTION_DIGITS + 2, RoundingMode.DOWN), alert, settings, () ->
                "risking " + RiskChecks.money(money) + " (" + riskPercent.toPlainString() + "% of equity) with "
                        + distance.toPlainString() + " to the stop buys less than one unit of " + symbol);
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
        BigDecimal perUnit = price.multiply(state.multiplier(symbol));
        return round(money.divide(perUnit, FRACTION_DIGITS + 2, RoundingMode.DOWN), alert, settings, () ->
                RiskChecks.money(money) + " buys less than one unit of " + symbol + " at " + price.toPlainString());
    }

    private static BigDecimal round(BigDecimal raw, Alert alert, RiskSettings settings,
                                    Supplier<String> tooSmall) throws SizingRefused {
        boolean fractional = settings.fractionalQuantities()
                || alert.instrument().flatMap(i -> i.assetClass()).map(AssetClass::fractionalByNature).orElse(false);
        BigDecimal quantity = raw.setScale(fractional ? FRACTION_DIGITS : 0, RoundingMode.DOWN).stripTrailingZeros();
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

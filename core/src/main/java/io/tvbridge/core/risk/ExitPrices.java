package io.tvbridge.core.risk;

import io.tvbridge.broker.spi.model.AssetClass;
import io.tvbridge.core.alert.Alert;
import io.tvbridge.core.alert.AlertAction;
import io.tvbridge.core.alert.ExitDistance;
import io.tvbridge.core.alert.TakeProfitTarget;
import io.tvbridge.core.settings.AlertRules;
import io.tvbridge.core.settings.RiskSettings;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Turns an entry's exits given as distances (pips, PineConnector's {@code sl=} / {@code tp=})
 * into prices, measured from the entry: the alert's limit or price, else the last price tvbridge
 * saw for the symbol. A stop-loss goes below a buy's entry and above a sell's, a take-profit the
 * other way. Pips are those of currency pairs (0.0001; 0.01 when the price is in yen); anything
 * else is refused rather than guessed, as is {@code sl=} while {@code pineconnector_target} is
 * not set.
 */
public final class ExitPrices {
    private static final BigDecimal HUNDRED = new BigDecimal("100");
    private static final BigDecimal PIP = new BigDecimal("0.0001");
    private static final BigDecimal YEN_PIP = new BigDecimal("0.01");
    private static final String TARGET_UNSET = "PineConnector's sl= / tp= count pips, a price or a percent by the"
            + " Target Type of the EA they were written for: set PINECONNECTOR_TARGET to pips, price or percent, or"
            + " write sl_price= / tp_price=";

    private ExitPrices() {
    }

    /** The alert with its distances made prices; the alert itself when it gives none or is not an entry. */
    public static Alert resolve(Alert alert, RiskSettings settings, RiskState state) throws SizingRefused {
        boolean entry = alert.action() == AlertAction.BUY || alert.action() == AlertAction.SELL;
        List<TakeProfitTarget> targets = alert.takeProfits().targets();
        if (!entry || alert.stopLossDistance().isEmpty() && targets.stream().allMatch(t -> t.distance().isEmpty())) {
            return alert;
        }
        boolean inTargetType = Stream.concat(alert.stopLossDistance().stream(),
                        targets.stream().flatMap(t -> t.distance().stream()))
                .anyMatch(d -> d.unit() == ExitDistance.Unit.PINECONNECTOR_TARGET);
        if (inTargetType && settings.alertRules().pineConnectorTarget() == AlertRules.PineConnectorTarget.UNSET) {
            throw new SizingRefused(TARGET_UNSET);
        }
        String symbol = alert.symbol().orElseThrow();
        BigDecimal price = alert.limitPrice().or(alert::price).or(alert::stopPrice).or(() -> state.price(symbol))
                .orElseThrow(() -> new SizingRefused("the exits are distances from the entry price, and no price is"
                        + " known for " + symbol + ": send an alert with its \"price\" first, or give the exits as"
                        + " prices (sl_price=, tp_price=)"));
        boolean buys = alert.action() == AlertAction.BUY;
        Optional<BigDecimal> stopLoss = alert.stopLoss();
        if (alert.stopLossDistance().isPresent()) {
            stopLoss = Optional.of(away(alert, alert.stopLossDistance().get(), price, !buys, settings));
        }
        List<BigDecimal> targetPrices = new ArrayList<>();
        for (TakeProfitTarget target : targets) {
            targetPrices.add(target.price().isPresent() ? target.price().get()
                    : away(alert, target.distance().orElseThrow(), price, buys, settings));
        }
        return alert.withExitPrices(stopLoss, alert.takeProfits().atPrices(targetPrices));
    }

    private static BigDecimal away(Alert alert, ExitDistance distance, BigDecimal entry, boolean above,
                                   RiskSettings settings) throws SizingRefused {
        AlertRules.PineConnectorTarget unit = distance.unit() == ExitDistance.Unit.PIPS
                ? AlertRules.PineConnectorTarget.PIPS : settings.alertRules().pineConnectorTarget();
        return switch (unit) {
            case UNSET -> throw new SizingRefused(TARGET_UNSET);
            case PRICE -> distance.value();
            case PIPS -> shifted(entry, distance.value().multiply(pip(alert)), above, distance);
            case PERCENT -> shifted(entry, entry.multiply(distance.value()).divide(HUNDRED, MathContext.DECIMAL64),
                    above, distance);
        };
    }

    private static BigDecimal shifted(BigDecimal entry, BigDecimal offset, boolean above, ExitDistance distance)
            throws SizingRefused {
        BigDecimal price = (above ? entry.add(offset) : entry.subtract(offset)).stripTrailingZeros();
        if (price.signum() <= 0) {
            throw new SizingRefused(distance + " from " + entry.toPlainString() + " is not a price");
        }
        return price.scale() < 0 ? price.setScale(0) : price;
    }

    private static BigDecimal pip(Alert alert) throws SizingRefused {
        String symbol = alert.symbol().orElseThrow();
        boolean pair = alert.instrument().flatMap(i -> i.assetClass()).filter(c -> c == AssetClass.FOREX).isPresent();
        if (!pair) {
            throw new SizingRefused("pips are read for currency pairs only, and " + symbol + " is not one: give the"
                    + " exits as prices");
        }
        return symbol.endsWith("JPY") ? YEN_PIP : PIP;
    }
}

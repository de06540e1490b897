package io.tvbridge.core.alert;

import io.tvbridge.broker.spi.model.InstrumentRef;
import io.tvbridge.broker.spi.model.OrderType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A validated alert: what the trader's TradingView alert asked for. The secret is not part
 * of it. {@code instrument} is absent only for {@link AlertAction#CLOSE_ALL}; the prices an
 * {@link #orderType()} needs are present. {@code targetPosition} (signed: negative is short)
 * is present for {@link AlertAction#TARGET}; {@code conviction} picks a risk percent for
 * risk-based sizing. {@code quantityUnit} says what the quantity counts (units unless the
 * alert said otherwise); {@code dialect} is the product whose message format it was read in;
 * {@code stopLossDistance} / {@code takeProfitDistance} are exits given as distances that become
 * prices when the order is planned (never both a price and a distance for one exit).
 */
public record Alert(
        AlertAction action,
        Optional<InstrumentRef> instrument,
        Optional<BigDecimal> quantity,
        OrderType orderType,
        Optional<BigDecimal> price,
        Optional<BigDecimal> limitPrice,
        Optional<BigDecimal> stopPrice,
        Optional<BigDecimal> stopLoss,
        Optional<BigDecimal> takeProfit,
        Optional<String> strategy,
        Optional<String> alertId,
        Optional<Instant> time,
        Optional<String> comment,
        Optional<BigDecimal> targetPosition,
        Optional<String> conviction,
        boolean outsideRegularHours,
        QuantityUnit quantityUnit,
        AlertDialect dialect,
        Optional<ExitDistance> stopLossDistance,
        Optional<ExitDistance> takeProfitDistance) {

    public Alert {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(orderType, "orderType");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(limitPrice, "limitPrice");
        Objects.requireNonNull(stopPrice, "stopPrice");
        Objects.requireNonNull(stopLoss, "stopLoss");
        Objects.requireNonNull(takeProfit, "takeProfit");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(comment, "comment");
        Objects.requireNonNull(targetPosition, "targetPosition");
        Objects.requireNonNull(conviction, "conviction");
        Objects.requireNonNull(quantityUnit, "quantityUnit");
        Objects.requireNonNull(dialect, "dialect");
        Objects.requireNonNull(stopLossDistance, "stopLossDistance");
        Objects.requireNonNull(takeProfitDistance, "takeProfitDistance");
        if (stopLoss.isPresent() && stopLossDistance.isPresent()
                || takeProfit.isPresent() && takeProfitDistance.isPresent()) {
            throw new IllegalArgumentException("an exit is given as a price or as a distance, not both");
        }
        if (quantityUnit == QuantityUnit.PERCENT_POSITION && !action.isExit()) {
            throw new IllegalArgumentException("a percent of the position is a quantity for exits only");
        }
        if (action == AlertAction.TARGET && targetPosition.isEmpty()) {
            throw new IllegalArgumentException("a target alert needs its target position");
        }
        if (instrument.isEmpty() && action != AlertAction.CLOSE_ALL) {
            throw new IllegalArgumentException(action + " needs a symbol");
        }
    }

    /** An alert in tvbridge's own words: its quantity, if any, in units. */
    public Alert(AlertAction action, Optional<InstrumentRef> instrument, Optional<BigDecimal> quantity,
                 OrderType orderType, Optional<BigDecimal> price, Optional<BigDecimal> limitPrice,
                 Optional<BigDecimal> stopPrice, Optional<BigDecimal> stopLoss, Optional<BigDecimal> takeProfit,
                 Optional<String> strategy, Optional<String> alertId, Optional<Instant> time,
                 Optional<String> comment, Optional<BigDecimal> targetPosition, Optional<String> conviction,
                 boolean outsideRegularHours) {
        this(action, instrument, quantity, orderType, price, limitPrice, stopPrice, stopLoss, takeProfit, strategy,
                alertId, time, comment, targetPosition, conviction, outsideRegularHours, QuantityUnit.UNITS,
                AlertDialect.TVBRIDGE, Optional.empty(), Optional.empty());
    }

    /** The same alert with its quantity counted in {@code unit}, as read in {@code found}'s words. */
    public Alert as(QuantityUnit unit, AlertDialect found) {
        return new Alert(action, instrument, quantity, orderType, price, limitPrice, stopPrice, stopLoss, takeProfit,
                strategy, alertId, time, comment, targetPosition, conviction, outsideRegularHours, unit, found,
                stopLossDistance, takeProfitDistance);
    }

    /** The same alert with its exits given as distances from the entry. */
    public Alert withDistances(Optional<ExitDistance> stopLossAway, Optional<ExitDistance> takeProfitAway) {
        return new Alert(action, instrument, quantity, orderType, price, limitPrice, stopPrice, stopLoss, takeProfit,
                strategy, alertId, time, comment, targetPosition, conviction, outsideRegularHours, quantityUnit, dialect,
                stopLossAway, takeProfitAway);
    }

    /** The same alert with its exits as prices: the distances it gave, measured from the entry. */
    public Alert withExitPrices(Optional<BigDecimal> stopLossPrice, Optional<BigDecimal> takeProfitPrice) {
        return new Alert(action, instrument, quantity, orderType, price, limitPrice, stopPrice, stopLossPrice,
                takeProfitPrice, strategy, alertId, time, comment, targetPosition, conviction, outsideRegularHours,
                quantityUnit, dialect, Optional.empty(), Optional.empty());
    }

    /** The symbol without exchange prefix, or empty for close_all. */
    public Optional<String> symbol() {
        return instrument.map(InstrumentRef::symbol);
    }

    /** The best price the alert gives for valuing an order: limit, then the alert's price, then stop. */
    public Optional<BigDecimal> referencePrice() {
        return limitPrice.or(() -> price).or(() -> stopPrice);
    }
}

package io.tvbridge.core.alert;

import io.tvbridge.broker.spi.model.InstrumentRef;
import io.tvbridge.broker.spi.model.OrderType;
import io.tvbridge.broker.spi.model.TrailingStop;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A validated alert: what the trader's TradingView alert asked for. The secret is not part
 * of it. {@code instrument} is absent only for {@link AlertAction#CLOSE_ALL}; the prices an
 * {@link #orderType()} needs are present ({@link AlertPrices}); how much ({@link AlertSize}, with
 * the target position of a {@link AlertAction#TARGET} alert); the exits it attaches
 * ({@link AlertExits}); what it says of itself ({@link AlertTags}); for a
 * {@link AlertAction#CANCEL}, which working orders it cancels ({@link CancelScope}), and nothing
 * else that would place an order. The accessors below the record's own give each part's fields by
 * the names the rest of tvbridge uses.
 */
public record Alert(AlertAction action, Optional<InstrumentRef> instrument, AlertSize size, AlertPrices prices,
                    AlertExits exits, AlertTags tags, boolean outsideRegularHours, Optional<CancelScope> cancels) {
    public Alert {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(cancels, "cancels");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(prices, "prices");
        Objects.requireNonNull(exits, "exits");
        Objects.requireNonNull(tags, "tags");
        if (size.unit() == QuantityUnit.PERCENT_POSITION && !action.isExit()) {
            throw new IllegalArgumentException("a percent of the position is a quantity for exits only");
        }
        if (action == AlertAction.TARGET && size.targetPosition().isEmpty()) {
            throw new IllegalArgumentException("a target alert needs its target position");
        }
        if (instrument.isEmpty() && action != AlertAction.CLOSE_ALL) {
            throw new IllegalArgumentException(action + " needs a symbol");
        }
        if (cancels.isPresent() != (action == AlertAction.CANCEL)) {
            throw new IllegalArgumentException("a cancel alert, and only a cancel alert, names the orders it cancels");
        }
        if (exits.takeProfits().splits() && action != AlertAction.BUY && action != AlertAction.SELL) {
            throw new IllegalArgumentException("several take-profit targets go with a buy or sell entry, not "
                    + action.wireName());
        }
    }

    /** An alert that places orders (every action but a cancel). */
    public Alert(AlertAction action, Optional<InstrumentRef> instrument, AlertSize size, AlertPrices prices,
                 AlertExits exits, AlertTags tags, boolean outsideRegularHours) {
        this(action, instrument, size, prices, exits, tags, outsideRegularHours, Optional.empty());
    }

    /** Cancels the {@code scope} working orders of {@code instrument}: no order, no quantity, no prices. */
    public static Alert cancel(InstrumentRef instrument, CancelScope scope, Optional<BigDecimal> price, AlertTags tags) {
        return new Alert(AlertAction.CANCEL, Optional.of(instrument), AlertSize.UNSIZED, AlertPrices.market(price),
                AlertExits.NONE, tags, false, Optional.of(scope));
    }

    /** The same alert with its quantity counted in {@code unit}, as read in {@code found}'s words. */
    public Alert as(QuantityUnit unit, AlertDialect found) {
        return new Alert(action, instrument, size.in(unit), prices, exits, tags.in(found), outsideRegularHours, cancels);
    }

    /** The same alert, copied into a shadow account under {@code alertId} ({@link AlertTags#copiedAs}). */
    public Alert copiedAs(String alertId) {
        return new Alert(action, instrument, size, prices, exits, tags.copiedAs(alertId), outsideRegularHours, cancels);
    }

    /** The same alert with its exits given as distances from the entry. */
    public Alert withDistances(Optional<ExitDistance> stopLossAway, Optional<ExitDistance> takeProfitAway) {
        return new Alert(action, instrument, size, prices, exits.withDistances(stopLossAway, takeProfitAway), tags,
                outsideRegularHours, cancels);
    }

    /** The same alert with its exits as prices: the distances it gave, measured from the entry. */
    public Alert withExitPrices(Optional<BigDecimal> stopLossPrice, TakeProfitTargets pricedTargets) {
        return new Alert(action, instrument, size, prices, new AlertExits(stopLossPrice, Optional.empty(),
                pricedTargets), tags, outsideRegularHours, cancels);
    }

    /** The symbol without exchange prefix, or empty for close_all. */
    public Optional<String> symbol() {
        return instrument.map(InstrumentRef::symbol);
    }

    /** The best price the alert gives for valuing an order: limit, then the alert's price, then stop. */
    public Optional<BigDecimal> referencePrice() {
        return prices.referencePrice();
    }

    // --- the parts' fields, by the names the rest of tvbridge reads them ---

    public Optional<BigDecimal> quantity() {
        return size.quantity();
    }

    public QuantityUnit quantityUnit() {
        return size.unit();
    }

    /** For a target alert: the position to end at, signed (negative is short). */
    public Optional<BigDecimal> targetPosition() {
        return size.targetPosition();
    }

    public OrderType orderType() {
        return prices.orderType();
    }

    public Optional<BigDecimal> price() {
        return prices.price();
    }

    public Optional<BigDecimal> limitPrice() {
        return prices.limitPrice();
    }

    public Optional<BigDecimal> stopPrice() {
        return prices.stopPrice();
    }

    /** A trailing stop's distance from the best price; present exactly when the order type is a trailing stop. */
    public Optional<TrailingStop> trail() {
        return prices.trail();
    }

    public Optional<BigDecimal> stopLoss() {
        return exits.stopLoss();
    }

    public Optional<BigDecimal> takeProfit() {
        return exits.takeProfit();
    }

    public Optional<ExitDistance> stopLossDistance() {
        return exits.stopLossDistance();
    }

    public Optional<ExitDistance> takeProfitDistance() {
        return exits.takeProfitDistance();
    }

    /** Every take-profit target, in order: the single one above, or several splitting the entry. */
    public TakeProfitTargets takeProfits() {
        return exits.takeProfits();
    }

    public Optional<String> strategy() {
        return tags.strategy();
    }

    /** The account the alert names, lower-case; when present it goes there whatever the routes say. */
    public Optional<String> account() {
        return tags.account();
    }

    public Optional<String> alertId() {
        return tags.alertId();
    }

    public Optional<Instant> time() {
        return tags.time();
    }

    public Optional<String> comment() {
        return tags.comment();
    }

    public Optional<String> conviction() {
        return tags.conviction();
    }

    public AlertDialect dialect() {
        return tags.dialect();
    }
}

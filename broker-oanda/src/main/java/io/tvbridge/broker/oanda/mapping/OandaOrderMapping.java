package io.tvbridge.broker.oanda.mapping;

import io.tvbridge.broker.oanda.codec.OandaInstrumentSpec;
import io.tvbridge.broker.oanda.codec.OandaOrderRequest;
import io.tvbridge.broker.oanda.codec.OandaOrderType;
import io.tvbridge.broker.oanda.codec.OandaPositionFill;
import io.tvbridge.broker.oanda.codec.OandaTimeInForce;
import io.tvbridge.broker.spi.BrokerException;
import io.tvbridge.broker.spi.model.OrderRequest;
import io.tvbridge.broker.spi.model.Side;
import io.tvbridge.broker.spi.model.TimeInForce;
import io.tvbridge.broker.spi.model.TrailingStop;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * Turns tvbridge's {@link OrderRequest} into the order OANDA takes, checked against the
 * instrument's rules first so that OANDA never has to refuse it for its size or precision.
 *
 * <ul>
 *   <li>Units are rounded down to {@code tradeUnitsPrecision} (never more than asked) and signed:
 *       sells are negative. Fewer than {@code minimumTradeSize} or more than
 *       {@code maximumOrderUnits} is refused here, with the limit in the reason.</li>
 *   <li>Prices (limit, stop, take-profit, stop-loss) and trailing distances are rounded to
 *       {@code displayPrecision}, half to even.</li>
 *   <li>Market orders are fill-or-kill unless immediate-or-cancel was asked; limit and stop
 *       orders are good till cancelled, and a day order is OANDA's good-for-day.</li>
 *   <li>A trailing stop on a market, limit or stop order trails the trade the fill opens. A
 *       percentage is turned into a distance from the order's price (or the alert's price).</li>
 * </ul>
 * OANDA has no stop-limit order and no trailing stop entry order: those are unsupported.
 */
public final class OandaOrderMapping {
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private OandaOrderMapping() {
    }

    public static OandaOrderRequest toOanda(OrderRequest request, OandaInstrumentSpec spec, OandaPositionFill fill)
            throws BrokerException {
        OandaOrderType type = switch (request.type()) {
            case MARKET -> OandaOrderType.MARKET;
            case LIMIT -> OandaOrderType.LIMIT;
            case STOP -> OandaOrderType.STOP;
            case STOP_LIMIT -> throw unsupported("OANDA has no stop-limit order; send a stop or a limit order");
            case TRAILING_STOP -> throw unsupported("OANDA trails only open trades: send a market, limit or stop"
                    + " order with a trailing distance instead of a trailing stop entry order");
        };
        BigDecimal units = units(request, spec);
        Optional<BigDecimal> price = switch (type) {
            case MARKET -> Optional.empty();
            case LIMIT -> Optional.of(price(request.limitPrice().orElseThrow(), spec, "limit price"));
            case STOP -> Optional.of(price(request.stopPrice().orElseThrow(), spec, "stop price"));
        };
        Optional<BigDecimal> takeProfit = request.takeProfit().isPresent()
                ? Optional.of(price(request.takeProfit().get(), spec, "take-profit price")) : Optional.empty();
        Optional<BigDecimal> stopLoss = request.stopLoss().isPresent()
                ? Optional.of(price(request.stopLoss().get(), spec, "stop-loss price")) : Optional.empty();
        Optional<BigDecimal> trailing = request.trailingStop().isPresent()
                ? Optional.of(trailingDistance(request, request.trailingStop().get(), price, spec)) : Optional.empty();
        return new OandaOrderRequest(type, spec.name(), request.side() == Side.BUY ? units : units.negate(), price,
                timeInForce(type, request.timeInForce()), fill, request.clientOrderId().value(), takeProfit, stopLoss,
                trailing);
    }

    static OandaTimeInForce timeInForce(OandaOrderType type, TimeInForce asked) {
        if (type == OandaOrderType.MARKET) {
            return asked == TimeInForce.IOC ? OandaTimeInForce.IOC : OandaTimeInForce.FOK;
        }
        return switch (asked) {
            case GTC -> OandaTimeInForce.GTC;
            case DAY -> OandaTimeInForce.GFD;
            case IOC -> OandaTimeInForce.IOC;
            case FOK -> OandaTimeInForce.FOK;
        };
    }

    private static BigDecimal units(OrderRequest request, OandaInstrumentSpec spec) throws BrokerException {
        BigDecimal units = request.quantity().setScale(spec.tradeUnitsPrecision(), RoundingMode.DOWN);
        if (units.signum() == 0 || units.compareTo(spec.minimumTradeSize()) < 0) {
            throw rejected(request, request.quantity().toPlainString() + " units is below OANDA's minimum of "
                    + spec.minimumTradeSize().toPlainString() + " for " + spec.name()
                    + (spec.tradeUnitsPrecision() == 0 ? " (whole units only)" : ""));
        }
        if (spec.maximumOrderUnits().signum() > 0 && units.compareTo(spec.maximumOrderUnits()) > 0) {
            throw rejected(request, units.toPlainString() + " units is above OANDA's maximum order of "
                    + spec.maximumOrderUnits().toPlainString() + " for " + spec.name());
        }
        return units;
    }

    private static BigDecimal price(BigDecimal price, OandaInstrumentSpec spec, String what) throws BrokerException {
        BigDecimal rounded = price.setScale(spec.displayPrecision(), RoundingMode.HALF_EVEN);
        if (rounded.signum() <= 0) {
            throw new BrokerException(BrokerException.Kind.INVALID_REQUEST, "the " + what + " "
                    + price.toPlainString() + " is zero at the " + spec.displayPrecision() + " decimals "
                    + spec.name() + " is priced in");
        }
        return rounded;
    }

    private static BigDecimal trailingDistance(OrderRequest request, TrailingStop trailing, Optional<BigDecimal> price,
                                               OandaInstrumentSpec spec) throws BrokerException {
        BigDecimal distance = trailing.distance();
        if (trailing.percent()) {
            BigDecimal base = price.or(request::referencePrice).orElseThrow(() -> new BrokerException(
                    BrokerException.Kind.INVALID_REQUEST, "OANDA trails by a price distance; a trailing stop of "
                    + trailing + " needs the order's price or the alert's price to be turned into one"));
            distance = base.multiply(distance).divide(HUNDRED);
        }
        BigDecimal rounded = distance.setScale(spec.displayPrecision(), RoundingMode.HALF_EVEN);
        if (rounded.compareTo(spec.minimumTrailingStopDistance()) < 0
                || rounded.compareTo(spec.maximumTrailingStopDistance()) > 0) {
            throw rejected(request, "a trailing distance of " + rounded.toPlainString() + " is outside "
                    + spec.name() + "'s range of " + spec.minimumTrailingStopDistance().toPlainString() + " to "
                    + spec.maximumTrailingStopDistance().toPlainString());
        }
        return rounded;
    }

    private static BrokerException unsupported(String message) {
        return new BrokerException(BrokerException.Kind.UNSUPPORTED, message);
    }

    private static BrokerException rejected(OrderRequest request, String why) {
        return new BrokerException(BrokerException.Kind.REJECTED, "order " + request.clientOrderId() + " for "
                + request.instrument().symbol() + " not sent: " + why);
    }
}

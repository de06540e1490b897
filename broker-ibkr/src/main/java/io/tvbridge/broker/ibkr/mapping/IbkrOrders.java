package io.tvbridge.broker.ibkr.mapping;

import io.tvbridge.broker.ibkr.codec.IbOrder;
import io.tvbridge.broker.spi.BrokerException;
import io.tvbridge.broker.spi.model.ClientOrderId;
import io.tvbridge.broker.spi.model.Instrument;
import io.tvbridge.broker.spi.model.OrderRequest;
import io.tvbridge.broker.spi.model.Side;
import io.tvbridge.broker.spi.model.TimeInForce;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * tvbridge's order requests as IB orders (§3.7 of the protocol notes): the type words, the
 * prices each type puts in which field, prices on the contract's tick, sizes on its
 * increment, and brackets as a parent with a take-profit and a stop-loss child, the parent
 * and the first child held ({@code transmit=0}) until the last child releases all three.
 */
public final class IbkrOrders {

    /** One IB order to send: its client order id ({@code orderRef}) and the order. */
    public record Leg(ClientOrderId id, IbOrder order) {
    }

    private IbkrOrders() {
    }

    /**
     * The legs of a request: one, or three for a bracket. Parent ids are filled in by the
     * caller (children name their parent by its position: the first leg).
     *
     * @param roundPrices round off-tick prices to the nearest tick (else refuse them)
     */
    public static List<Leg> legs(OrderRequest request, Instrument instrument, String account, boolean roundPrices)
            throws BrokerException {
        BigDecimal tick = instrument.tickSize();
        checkQuantity(request.quantity(), instrument);
        IbOrder parent = IbOrder.of(action(request.side()), request.quantity(), type(request), tif(request.timeInForce()))
                .withAccountAndRef(account, request.clientOrderId().value())
                .withOutsideRth(request.outsideRegularHours());
        parent = switch (request.type()) {
            case MARKET -> parent;
            case LIMIT -> parent.withPrices(price(request.limitPrice(), tick, roundPrices, "limit"), null);
            case STOP -> parent.withPrices(null, price(request.stopPrice(), tick, roundPrices, "stop"));
            case STOP_LIMIT -> parent.withPrices(price(request.limitPrice(), tick, roundPrices, "limit"),
                    price(request.stopPrice(), tick, roundPrices, "stop"));
            case TRAILING_STOP -> request.trailingStop().orElseThrow().percent()
                    ? parent.withTrailingPercent(request.trailingStop().get().distance())
                    : parent.withPrices(null, price(Optional.of(request.trailingStop().get().distance()), tick,
                    roundPrices, "trailing"));
        };
        boolean takeProfit = request.takeProfit().isPresent();
        boolean stopLoss = request.stopLoss().isPresent();
        List<Leg> legs = new ArrayList<>();
        if (!takeProfit && !stopLoss) {
            legs.add(new Leg(request.clientOrderId(), parent));
            return legs;
        }
        String oca = request.clientOrderId().value() + ":oca";
        legs.add(new Leg(request.clientOrderId(), parent.inBracket(0, false, "", 0)));
        String exit = action(request.side().opposite());
        if (takeProfit) {
            ClientOrderId id = request.clientOrderId().child(ClientOrderId.TAKE_PROFIT);
            legs.add(new Leg(id, IbOrder.of(exit, request.quantity(), "LMT", "GTC")
                    .withPrices(price(request.takeProfit(), tick, roundPrices, "take-profit"), null)
                    .withAccountAndRef(account, id.value()).withOutsideRth(request.outsideRegularHours())
                    .inBracket(-1, !stopLoss, oca, 1)));
        }
        if (stopLoss) {
            ClientOrderId id = request.clientOrderId().child(ClientOrderId.STOP_LOSS);
            legs.add(new Leg(id, IbOrder.of(exit, request.quantity(), "STP", "GTC")
                    .withPrices(null, price(request.stopLoss(), tick, roundPrices, "stop-loss"))
                    .withAccountAndRef(account, id.value()).withOutsideRth(request.outsideRegularHours())
                    .inBracket(-1, true, oca, 1)));
        }
        checkBracketSides(request);
        return legs;
    }

    private static void checkBracketSides(OrderRequest request) throws BrokerException {
        Optional<BigDecimal> entry = request.limitPrice().or(request::referencePrice);
        if (entry.isEmpty()) {
            return;
        }
        boolean buy = request.side() == Side.BUY;
        if (request.takeProfit().isPresent() && (buy ? request.takeProfit().get().compareTo(entry.get()) <= 0
                : request.takeProfit().get().compareTo(entry.get()) >= 0)) {
            throw rejected("the take-profit " + request.takeProfit().get().toPlainString() + " is on the wrong side of"
                    + " the entry " + entry.get().toPlainString());
        }
        if (request.stopLoss().isPresent() && (buy ? request.stopLoss().get().compareTo(entry.get()) >= 0
                : request.stopLoss().get().compareTo(entry.get()) <= 0)) {
            throw rejected("the stop-loss " + request.stopLoss().get().toPlainString() + " is on the wrong side of"
                    + " the entry " + entry.get().toPlainString());
        }
    }

    /** A price on the tick: rounded to the nearest one, or refused when {@code round} is off. */
    static BigDecimal price(Optional<BigDecimal> price, BigDecimal tick, boolean round, String what)
            throws BrokerException {
        BigDecimal value = price.orElseThrow(() -> rejected("the " + what + " price is missing"));
        BigDecimal ticks = value.divide(tick, 0, RoundingMode.HALF_UP);
        BigDecimal onTick = ticks.multiply(tick).stripTrailingZeros();
        if (onTick.compareTo(value) != 0 && !round) {
            throw rejected("the " + what + " price " + value.toPlainString() + " is not a multiple of the tick "
                    + tick.toPlainString() + " (IBKR_PRICE_POLICY=reject)");
        }
        if (onTick.signum() <= 0) {
            throw rejected("the " + what + " price " + value.toPlainString() + " rounds to zero on the tick "
                    + tick.toPlainString());
        }
        return onTick;
    }

    private static void checkQuantity(BigDecimal quantity, Instrument instrument) throws BrokerException {
        if (quantity.compareTo(instrument.minimumQuantity()) < 0) {
            throw rejected(instrument.symbol() + " needs at least " + instrument.minimumQuantity().toPlainString()
                    + " per order; " + quantity.toPlainString() + " is too small");
        }
        if (quantity.remainder(instrument.quantityIncrement()).signum() != 0) {
            throw rejected(instrument.symbol() + " trades in steps of "
                    + instrument.quantityIncrement().toPlainString() + "; " + quantity.toPlainString()
                    + " is not one");
        }
    }

    static String action(Side side) {
        return switch (side) {
            case BUY -> "BUY";
            case SELL -> "SELL";
        };
    }

    static String type(OrderRequest request) {
        return switch (request.type()) {
            case MARKET -> "MKT";
            case LIMIT -> "LMT";
            case STOP -> "STP";
            case STOP_LIMIT -> "STP LMT";
            case TRAILING_STOP -> "TRAIL";
        };
    }

    static String tif(TimeInForce tif) {
        return switch (tif) {
            case DAY -> "DAY";
            case GTC -> "GTC";
            case IOC -> "IOC";
            case FOK -> "FOK";
        };
    }

    private static BrokerException rejected(String reason) {
        return new BrokerException(BrokerException.Kind.REJECTED, reason);
    }
}

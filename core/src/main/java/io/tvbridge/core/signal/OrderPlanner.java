package io.tvbridge.core.signal;

import io.tvbridge.broker.spi.BrokerCapability;
import io.tvbridge.broker.spi.model.InstrumentRef;
import io.tvbridge.broker.spi.model.OrderType;
import io.tvbridge.broker.spi.model.Side;
import io.tvbridge.broker.spi.model.TimeInForce;
import io.tvbridge.core.alert.Alert;
import io.tvbridge.core.alert.CancelScope;
import io.tvbridge.core.alert.TakeProfitTarget;
import io.tvbridge.core.model.Decision;
import io.tvbridge.core.model.OrderPrices;
import io.tvbridge.core.model.PlannedOrder;
import io.tvbridge.core.risk.RiskState;
import io.tvbridge.core.risk.Sizer;
import io.tvbridge.core.risk.SizingRefused;
import io.tvbridge.core.settings.RiskSettings;
import io.tvbridge.core.store.StoredOrder;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns an alert into the orders it asks for, given what the account holds: sized entries (one
 * bracket per take-profit target when an entry has several),
 * exits of the whole position, flattening, and target positions (order the difference to the
 * position the alert states). Each order is marked as opening (or adding) or only reducing.
 * Pure and fast: it runs on the decision thread, with no I/O.
 */
public final class OrderPlanner {
    private final String brokerName;
    private final Set<BrokerCapability> capabilities;

    public OrderPlanner(String brokerName, Set<BrokerCapability> capabilities) {
        this.brokerName = brokerName;
        this.capabilities = Set.copyOf(capabilities);
    }

    public Plan plan(Alert alert, RiskState state, RiskSettings settings) {
        Optional<String> unsupported = unsupported(alert);
        if (unsupported.isPresent()) {
            return Plan.reject(unsupported.get());
        }
        try {
            return switch (alert.action()) {
                case BUY -> entry(alert, Side.BUY, state, settings);
                case SELL -> entry(alert, Side.SELL, state, settings);
                case CLOSE -> close(alert, state, settings);
                case CLOSE_ALL -> closeAll(alert, state);
                case CLOSE_LONG -> closeSide(alert, state, settings, 1);
                case CLOSE_SHORT -> closeSide(alert, state, settings, -1);
                case TARGET -> target(alert, state, settings);
                case CANCEL -> cancel(alert, state);
            };
        } catch (SizingRefused refused) {
            return Plan.reject("sizing: " + refused.getMessage());
        }
    }

    /**
     * The symbol's working orders the alert's scope covers, oldest first: those not yet at the
     * broker too, as their cancel follows their send in the symbol's lane. With none, there is
     * nothing to do, and the alert is accepted saying so.
     */
    private static Plan cancel(Alert alert, RiskState state) {
        String symbol = alert.symbol().orElseThrow();
        CancelScope scope = alert.cancels().orElseThrow();
        List<StoredOrder> covered = state.workingOrders(symbol).stream().filter(o -> scope.covers(o.type())).toList();
        if (covered.isEmpty()) {
            return Plan.cancel(List.of(), "there are " + scope.describe(0) + " of " + symbol + " to cancel");
        }
        return Plan.cancel(covered, "cancels " + scope.describe(covered.size()) + " of " + symbol + ": "
                + covered.stream().map(o -> o.clientOrderId().value()).collect(Collectors.joining(", ")));
    }

    private Plan entry(Alert alert, Side side, RiskState state, RiskSettings settings) throws SizingRefused {
        BigDecimal quantity = Sizer.size(alert, settings, state);
        InstrumentRef instrument = alert.instrument().orElseThrow();
        BigDecimal held = state.closable(instrument.symbol());
        if (alert.takeProfits().splits()) {
            return Plan.accept(brackets(alert, instrument, side, quantity, held, step(alert, settings, state)));
        }
        return Plan.accept(List.of(order(alert, instrument, side, quantity, held, alert.takeProfit())));
    }

    /**
     * An entry split over its take-profit targets: one bracket per target, each with its share of
     * the quantity, its own take-profit and the alert's stop-loss. The brokers place each bracket as
     * they place a single one, so a target's fill closes its bracket and leaves the others standing.
     * The part of the entry that first covers an opposite position goes alone and without exits:
     * the targets take profit on what the entry opens.
     */
    private static List<PlannedOrder> brackets(Alert alert, InstrumentRef instrument, Side side, BigDecimal quantity,
                                               BigDecimal held, BigDecimal step) throws SizingRefused {
        List<PlannedOrder> orders = new ArrayList<>();
        BigDecimal sign = side == Side.BUY ? BigDecimal.ONE : BigDecimal.ONE.negate();
        BigDecimal covered = held.signum() == -sign.signum() ? held.abs().min(quantity) : BigDecimal.ZERO;
        if (covered.signum() > 0) {
            orders.add(order(alert, instrument, side, covered, held, Optional.empty()));
        }
        BigDecimal opening = quantity.subtract(covered);
        if (opening.signum() == 0) {
            return orders;   // it only covers, as a single take-profit on a cover is left out too
        }
        List<BigDecimal> legs = TargetSplit.split(opening, alert.takeProfits(), step, instrument.symbol());
        List<TakeProfitTarget> targets = alert.takeProfits().targets();
        BigDecimal before = held.add(covered.multiply(sign));
        for (int i = 0; i < legs.size(); i++) {
            // distances were made prices before planning (ExitPrices); the leg past the targets has none
            Optional<BigDecimal> takeProfit = i < targets.size()
                    ? Optional.of(targets.get(i).price().orElseThrow()) : Optional.empty();
            orders.add(order(alert, instrument, side, legs.get(i), before, takeProfit));
            before = before.add(legs.get(i).multiply(sign));
        }
        return orders;
    }

    /** The quantity step of a leg: whole units unless fractional, and never finer than the venue's. */
    private static BigDecimal step(Alert alert, RiskSettings settings, RiskState state) {
        BigDecimal step = Sizer.quantityStep(alert, settings);
        return state.quantityIncrement(alert.symbol().orElseThrow()).filter(venue -> venue.compareTo(step) > 0)
                .orElse(step);
    }

    private Plan close(Alert alert, RiskState state, RiskSettings settings) throws SizingRefused {
        InstrumentRef instrument = alert.instrument().orElseThrow();
        BigDecimal held = state.closable(instrument.symbol());
        if (held.signum() == 0) {
            return Plan.reject("there is no open " + instrument.symbol() + " position to close");
        }
        BigDecimal quantity = Sizer.exitQuantity(alert, held, settings);
        return Plan.accept(List.of(order(alert, instrument, held.signum() > 0 ? Side.SELL : Side.BUY, quantity, held,
                alert.takeProfit())));
    }

    /** Exits the long ({@code sign} 1) or the short (-1) only: with nothing on that side, nothing is ordered. */
    private Plan closeSide(Alert alert, RiskState state, RiskSettings settings, int sign) throws SizingRefused {
        InstrumentRef instrument = alert.instrument().orElseThrow();
        BigDecimal held = state.closable(instrument.symbol());
        String side = sign > 0 ? "long" : "short";
        if (held.signum() != sign) {
            return Plan.reject("there is no " + side + " " + instrument.symbol() + " position to close (the alert"
                    + " only exits a " + side + "; it never opens a " + (sign > 0 ? "short" : "long") + ")");
        }
        return close(alert, state, settings);
    }

    private Plan closeAll(Alert alert, RiskState state) {
        List<PlannedOrder> orders = new ArrayList<>();
        for (String symbol : state.symbolsToClose()) {
            BigDecimal held = state.closable(symbol);
            Optional<BigDecimal> price = alert.symbol().filter(symbol::equals).flatMap(s -> alert.referencePrice());
            orders.add(PlannedOrder.exit(new InstrumentRef(symbol, Optional.empty(), Optional.empty()),
                    held.signum() > 0 ? Side.SELL : Side.BUY, held.abs(), price));
        }
        if (orders.isEmpty()) {
            return Plan.reject("there are no open positions to close");
        }
        return Plan.accept(orders);
    }

    /** The difference between the stated position and the current one; a flip in one order or two. */
    private Plan target(Alert alert, RiskState state, RiskSettings settings) {
        InstrumentRef instrument = alert.instrument().orElseThrow();
        BigDecimal current = state.closable(instrument.symbol());
        BigDecimal wanted = alert.targetPosition().orElseThrow();
        BigDecimal difference = wanted.subtract(current);
        if (difference.signum() == 0) {
            return new Plan(Decision.ACCEPTED, Optional.of("already at the target position: " + describe(wanted)
                    + " " + instrument.symbol() + "; nothing to order"), List.of());
        }
        Side needed = difference.signum() > 0 ? Side.BUY : Side.SELL;
        Optional<Side> said = alert.size().saidSide();
        if (said.isPresent() && said.get() != needed) {
            return Plan.reject("the alert says " + said.get().name().toLowerCase(Locale.ROOT) + ", but reaching "
                    + describe(wanted) + " " + instrument.symbol() + " from " + describe(current) + " takes a "
                    + needed.name().toLowerCase(Locale.ROOT) + " of " + difference.abs().toPlainString()
                    + ": the strategy's position and tvbridge's disagree; reconcile them, or send the order's"
                    + " quantity without market_position");
        }
        boolean flips = current.signum() != 0 && wanted.signum() != 0 && current.signum() != wanted.signum();
        if (flips && settings.reversalInTwoSteps()) {
            Side closeSide = current.signum() > 0 ? Side.SELL : Side.BUY;
            PlannedOrder exit = order(alert, instrument, closeSide, current.abs(), current, alert.takeProfit());
            PlannedOrder open = order(alert, instrument, closeSide, wanted.abs(), BigDecimal.ZERO, alert.takeProfit());
            return Plan.accept(List.of(exit, open));
        }
        return Plan.accept(List.of(order(alert, instrument, needed, difference.abs(), current, alert.takeProfit())));
    }

    /**
     * An order of the alert's type; {@code held} is the position before it, to tell entries from
     * exits. An entry carries {@code takeProfit} and the alert's stop-loss.
     */
    private static PlannedOrder order(Alert alert, InstrumentRef instrument, Side side, BigDecimal quantity,
                                      BigDecimal held, Optional<BigDecimal> takeProfit) {
        BigDecimal after = held.add(side == Side.BUY ? quantity : quantity.negate());
        boolean opens = after.abs().compareTo(held.abs()) > 0 || (held.signum() != 0 && after.signum() != 0
                && held.signum() != after.signum());
        TimeInForce tif = alert.orderType() == OrderType.MARKET ? TimeInForce.DAY : TimeInForce.GTC;
        return new PlannedOrder(instrument, side, quantity, OrderPrices.of(alert.prices()),
                opens ? takeProfit : Optional.empty(), opens ? alert.stopLoss() : Optional.empty(),
                alert.referencePrice(), tif, opens);
    }

    private Optional<String> unsupported(Alert alert) {
        Optional<BrokerCapability> needed = switch (alert.orderType()) {
            case MARKET -> Optional.empty();
            case LIMIT -> Optional.of(BrokerCapability.LIMIT_ORDERS);
            case STOP -> Optional.of(BrokerCapability.STOP_ORDERS);
            case STOP_LIMIT -> Optional.of(BrokerCapability.STOP_LIMIT_ORDERS);
            case TRAILING_STOP -> Optional.of(BrokerCapability.TRAILING_STOP_ORDERS);
        };
        if (needed.isPresent() && !capabilities.contains(needed.get())) {
            return Optional.of("the " + brokerName + " broker does not take "
                    + alert.orderType().name().toLowerCase(Locale.ROOT) + " orders");
        }
        boolean bracket = !alert.takeProfits().isEmpty() || alert.stopLoss().isPresent();
        if (bracket && !alert.action().isExit() && !capabilities.contains(BrokerCapability.BRACKET_ORDERS)) {
            return Optional.of("the " + brokerName + " broker does not take take-profit or stop-loss orders"
                    + " attached to an entry");
        }
        return Optional.empty();
    }

    private static String describe(BigDecimal position) {
        return position.signum() == 0 ? "flat" : (position.signum() > 0 ? "long " : "short ")
                + position.abs().toPlainString();
    }
}

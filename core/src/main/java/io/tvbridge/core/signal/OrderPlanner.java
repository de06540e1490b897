package io.tvbridge.core.signal;

import io.tvbridge.broker.spi.BrokerCapability;
import io.tvbridge.broker.spi.model.InstrumentRef;
import io.tvbridge.broker.spi.model.OrderType;
import io.tvbridge.broker.spi.model.Side;
import io.tvbridge.broker.spi.model.TimeInForce;
import io.tvbridge.core.alert.Alert;
import io.tvbridge.core.order.Exposure;
import io.tvbridge.core.order.PlannedOrder;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Turns an alert into the orders it asks for, given what the account holds. Pure and
 * fast: it runs on the decision thread, with no I/O.
 */
public final class OrderPlanner {
    private final String brokerName;
    private final Set<BrokerCapability> capabilities;

    public OrderPlanner(String brokerName, Set<BrokerCapability> capabilities) {
        this.brokerName = brokerName;
        this.capabilities = Set.copyOf(capabilities);
    }

    public Plan plan(Alert alert, Exposure exposure) {
        Optional<String> unsupported = unsupported(alert);
        if (unsupported.isPresent()) {
            return Plan.reject(unsupported.get());
        }
        return switch (alert.action()) {
            case BUY -> entry(alert, Side.BUY);
            case SELL -> entry(alert, Side.SELL);
            case CLOSE -> close(alert, exposure);
            case CLOSE_ALL -> closeAll(alert, exposure);
        };
    }

    private Plan entry(Alert alert, Side side) {
        BigDecimal quantity = alert.quantity().orElseThrow(
                () -> new IllegalStateException("a buy or sell reaches the planner only with a quantity"));
        return Plan.accept(List.of(order(alert, alert.instrument().orElseThrow(), side, quantity)));
    }

    private Plan close(Alert alert, Exposure exposure) {
        InstrumentRef instrument = alert.instrument().orElseThrow();
        BigDecimal held = exposure.closable(instrument.symbol());
        if (held.signum() == 0) {
            return Plan.reject("there is no open " + instrument.symbol() + " position to close");
        }
        BigDecimal quantity = alert.quantity().map(q -> q.min(held.abs())).orElse(held.abs());
        Side side = held.signum() > 0 ? Side.SELL : Side.BUY;
        return Plan.accept(List.of(order(alert, instrument, side, quantity)));
    }

    private Plan closeAll(Alert alert, Exposure exposure) {
        List<PlannedOrder> orders = new ArrayList<>();
        for (String symbol : exposure.symbolsToClose()) {
            BigDecimal held = exposure.closable(symbol);
            Optional<BigDecimal> price = alert.symbol().filter(symbol::equals).flatMap(s -> alert.referencePrice());
            orders.add(PlannedOrder.exit(new InstrumentRef(symbol, Optional.empty(), Optional.empty()),
                    held.signum() > 0 ? Side.SELL : Side.BUY, held.abs(), price));
        }
        if (orders.isEmpty()) {
            return Plan.reject("there are no open positions to close");
        }
        return Plan.accept(orders);
    }

    private static PlannedOrder order(Alert alert, InstrumentRef instrument, Side side, BigDecimal quantity) {
        TimeInForce tif = alert.orderType() == OrderType.MARKET ? TimeInForce.DAY : TimeInForce.GTC;
        boolean entry = !alert.action().isExit();   // exits carry no take-profit or stop-loss of their own
        return new PlannedOrder(instrument, side, quantity, alert.orderType(), alert.limitPrice(), alert.stopPrice(),
                entry ? alert.takeProfit() : Optional.empty(), entry ? alert.stopLoss() : Optional.empty(),
                alert.referencePrice(), tif);
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
        boolean bracket = alert.takeProfit().isPresent() || alert.stopLoss().isPresent();
        if (bracket && !alert.action().isExit() && !capabilities.contains(BrokerCapability.BRACKET_ORDERS)) {
            return Optional.of("the " + brokerName + " broker does not take take-profit or stop-loss orders"
                    + " attached to an entry");
        }
        return Optional.empty();
    }
}

package io.tvbridge.broker.oanda.mapping;

import io.tvbridge.broker.oanda.codec.OandaOrder;
import io.tvbridge.broker.oanda.codec.OandaTransaction;
import io.tvbridge.broker.spi.model.ClientOrderId;
import io.tvbridge.broker.spi.model.Fill;
import io.tvbridge.broker.spi.model.OrderState;
import io.tvbridge.broker.spi.model.OrderStatus;
import io.tvbridge.broker.spi.model.OrderType;
import io.tvbridge.broker.spi.model.Side;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * OANDA's order states and transactions in tvbridge's terms.
 *
 * <p>OANDA fills an order in one transaction and ends an unfilled one with a cancel
 * transaction whose reason says why. A market order never rests, so a market order that is
 * cancelled was refused by the venue (closed market, margin, liquidity): tvbridge calls that
 * rejected. A resting order cancelled on request is cancelled; one whose time ran out expired.
 */
public final class OandaOrderStates {
    private OandaOrderStates() {
    }

    /**
     * {@code MARKET}, {@code LIMIT}, {@code STOP}; a take-profit fills at its price or better, like
     * a limit; stop-losses and trailing stops are stops; a market-if-touched order, which tvbridge
     * never sends, rests like a limit.
     */
    public static OrderType orderType(String oandaType) {
        return switch (oandaType) {
            case "MARKET" -> OrderType.MARKET;
            case "STOP", "STOP_LOSS", "TRAILING_STOP_LOSS", "GUARANTEED_STOP_LOSS" -> OrderType.STOP;
            default -> OrderType.LIMIT;
        };
    }

    public static Side side(BigDecimal units) {
        return units.signum() < 0 ? Side.SELL : Side.BUY;
    }

    /**
     * What a cancel transaction with {@code reason} means for an order of {@code type}: a market
     * order cancelled with nothing filled was refused; one cancelled after a part filled
     * (immediate-or-cancel) was cancelled, as is any resting order.
     */
    public static OrderStatus ended(OrderType type, String reason, boolean partlyFilled) {
        if (reason.equals("TIME_IN_FORCE_EXPIRED")) {
            return OrderStatus.EXPIRED;
        }
        if (type == OrderType.MARKET && !partlyFilled) {
            return OrderStatus.REJECTED;
        }
        return OrderStatus.CANCELLED;
    }

    /** The execution an {@code ORDER_FILL} transaction reports. */
    public static Fill fill(ClientOrderId id, OandaTransaction fill, String symbol, String accountCurrency) {
        BigDecimal units = fill.units().orElseThrow(() -> new IllegalArgumentException(
                "fill " + fill.id() + " has no units"));
        BigDecimal price = fill.price().orElseThrow(() -> new IllegalArgumentException(
                "fill " + fill.id() + " has no price"));
        return new Fill(id, fill.id(), symbol, side(units), units.abs(), price, fill.commission(), accountCurrency,
                fill.time());
    }

    /**
     * The state of an order OANDA reports, completed by its filling transaction (price) or its
     * cancelling transaction (reason) when it has one.
     */
    public static OrderState state(ClientOrderId id, OandaOrder order, String symbol,
                                   Optional<OandaTransaction> filling, Optional<OandaTransaction> cancelling) {
        OrderType type = orderType(order.type());
        BigDecimal quantity = order.units().abs();
        OrderStatus status = switch (order.state()) {
            case "FILLED" -> OrderStatus.FILLED;
            case "CANCELLED" -> ended(type, cancelling.flatMap(OandaTransaction::reason).orElse("CANCELLED"),
                    filling.isPresent());
            default -> OrderStatus.ACCEPTED;   // PENDING, or TRIGGERED and about to fill
        };
        BigDecimal filled = filling.flatMap(OandaTransaction::units).map(BigDecimal::abs)
                .orElse(status == OrderStatus.FILLED ? quantity : BigDecimal.ZERO);
        Optional<String> reason = status == OrderStatus.FILLED ? Optional.empty()
                : cancelling.flatMap(OandaTransaction::reason).map(OandaReasons::describe);
        return new OrderState(id, order.id(), symbol, side(order.units()), quantity, type,
                type == OrderType.LIMIT ? order.price() : Optional.empty(),
                type == OrderType.STOP ? order.price() : Optional.empty(), status, filled,
                filling.flatMap(OandaTransaction::price), reason, order.closedTime().orElse(order.createTime()));
    }
}

package io.tvbridge.core.model;

import io.tvbridge.broker.spi.model.OrderType;
import io.tvbridge.broker.spi.model.TrailingStop;
import io.tvbridge.core.alert.AlertPrices;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * How a planned order is priced: its type and the prices that type needs, a limit, a stop, or
 * a trailing stop's distance ({@code trail}), which a trailing stop has and no other type does.
 */
public record OrderPrices(OrderType type, Optional<BigDecimal> limitPrice, Optional<BigDecimal> stopPrice,
                          Optional<TrailingStop> trail) {
    public OrderPrices {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(limitPrice, "limitPrice");
        Objects.requireNonNull(stopPrice, "stopPrice");
        Objects.requireNonNull(trail, "trail");
        if (type.needsLimitPrice() && limitPrice.isEmpty()) {
            throw new IllegalArgumentException(type + " order needs a limit price");
        }
        if (type.needsStopPrice() && stopPrice.isEmpty()) {
            throw new IllegalArgumentException(type + " order needs a stop price");
        }
        if ((type == OrderType.TRAILING_STOP) != trail.isPresent()) {
            throw new IllegalArgumentException(type == OrderType.TRAILING_STOP
                    ? "a trailing stop needs its trailing distance" : type + " order has no trailing distance");
        }
    }

    public static OrderPrices market() {
        return new OrderPrices(OrderType.MARKET, Optional.empty(), Optional.empty(), Optional.empty());
    }

    public static OrderPrices limit(BigDecimal price) {
        return new OrderPrices(OrderType.LIMIT, Optional.of(price), Optional.empty(), Optional.empty());
    }

    public static OrderPrices stop(BigDecimal price) {
        return new OrderPrices(OrderType.STOP, Optional.empty(), Optional.of(price), Optional.empty());
    }

    /** The type and prices an alert asks for (its own price is a reference, not part of the order). */
    public static OrderPrices of(AlertPrices alert) {
        return new OrderPrices(alert.orderType(), alert.limitPrice(), alert.stopPrice(), alert.trail());
    }
}

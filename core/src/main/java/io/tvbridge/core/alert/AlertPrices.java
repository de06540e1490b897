package io.tvbridge.core.alert;

import io.tvbridge.broker.spi.model.OrderType;
import io.tvbridge.broker.spi.model.TrailingStop;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * The order type an alert asks for and its prices: the market's price when the alert fired
 * ({@code price}), the limit and stop prices the type needs, and a trailing stop's distance
 * ({@code trail}), which a trailing stop has and no other type does.
 */
public record AlertPrices(OrderType orderType, Optional<BigDecimal> price, Optional<BigDecimal> limitPrice,
                          Optional<BigDecimal> stopPrice, Optional<TrailingStop> trail) {
    public AlertPrices {
        Objects.requireNonNull(orderType, "orderType");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(limitPrice, "limitPrice");
        Objects.requireNonNull(stopPrice, "stopPrice");
        Objects.requireNonNull(trail, "trail");
        if ((orderType == OrderType.TRAILING_STOP) != trail.isPresent()) {
            throw new IllegalArgumentException(orderType == OrderType.TRAILING_STOP
                    ? "a trailing stop needs its trailing distance" : "only a trailing stop has a trailing distance");
        }
    }

    /** A market order, with the price the alert saw, if it gave one. */
    public static AlertPrices market(Optional<BigDecimal> price) {
        return new AlertPrices(OrderType.MARKET, price, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** A trailing stop {@code trail} away from the best price, with the price the alert saw, if it gave one. */
    public static AlertPrices trailingStop(Optional<BigDecimal> price, TrailingStop trail) {
        return new AlertPrices(OrderType.TRAILING_STOP, price, Optional.empty(), Optional.empty(), Optional.of(trail));
    }

    /**
     * The best price for valuing an order: limit, then the alert's price, then stop. A trailing
     * stop has only the alert's price: where it will trigger is not known until the market moves.
     */
    public Optional<BigDecimal> referencePrice() {
        return limitPrice.or(() -> price).or(() -> stopPrice);
    }
}

package io.tvbridge.core.alert;

import io.tvbridge.broker.spi.model.OrderType;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * The order type an alert asks for and its prices: the market's price when the alert fired
 * ({@code price}), and the limit and stop prices the type needs.
 */
public record AlertPrices(OrderType orderType, Optional<BigDecimal> price, Optional<BigDecimal> limitPrice,
                          Optional<BigDecimal> stopPrice) {
    public AlertPrices {
        Objects.requireNonNull(orderType, "orderType");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(limitPrice, "limitPrice");
        Objects.requireNonNull(stopPrice, "stopPrice");
    }

    /** A market order, with the price the alert saw, if it gave one. */
    public static AlertPrices market(Optional<BigDecimal> price) {
        return new AlertPrices(OrderType.MARKET, price, Optional.empty(), Optional.empty());
    }

    /** The best price for valuing an order: limit, then the alert's price, then stop. */
    public Optional<BigDecimal> referencePrice() {
        return limitPrice.or(() -> price).or(() -> stopPrice);
    }
}

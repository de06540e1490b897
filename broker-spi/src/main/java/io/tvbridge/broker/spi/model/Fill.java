package io.tvbridge.broker.spi.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One execution of (part of) an order.
 *
 * <p>{@code executionId} is the venue's id of this execution, unique per broker account;
 * the same execution reported twice carries the same id, so tvbridge counts it once.
 * {@code quantity} is this execution's quantity (positive), {@code price} its price in the
 * instrument's currency, {@code commission} the fee charged for it in
 * {@code commissionCurrency} (zero when the broker charges none).
 */
public record Fill(ClientOrderId clientOrderId, String executionId, String symbol, Side side,
                   BigDecimal quantity, BigDecimal price, BigDecimal commission, String commissionCurrency,
                   Instant time) {
    public Fill {
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(executionId, "executionId");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(commission, "commission");
        Objects.requireNonNull(commissionCurrency, "commissionCurrency");
        Objects.requireNonNull(time, "time");
        if (quantity.signum() <= 0) {
            throw new IllegalArgumentException("fill quantity must be positive: " + quantity);
        }
        if (price.signum() <= 0) {
            throw new IllegalArgumentException("fill price must be positive: " + price);
        }
    }
}

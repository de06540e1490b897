package io.tvbridge.broker.spi.model;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * A net position as the broker holds it. {@code quantity} is signed: positive long,
 * negative short. {@code averageCost} is the average entry price per unit in
 * {@code currency}; market price and P&amp;L (also in {@code currency}, the instrument's) are
 * present when the broker knows them.
 */
public record Position(String symbol, AssetClass assetClass, BigDecimal quantity, BigDecimal averageCost,
                       String currency, Optional<BigDecimal> marketPrice, Optional<BigDecimal> unrealizedPnl,
                       Optional<BigDecimal> realizedPnl) {
    public Position {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(assetClass, "assetClass");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(averageCost, "averageCost");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(marketPrice, "marketPrice");
        Objects.requireNonNull(unrealizedPnl, "unrealizedPnl");
        Objects.requireNonNull(realizedPnl, "realizedPnl");
    }
}

package io.tvbridge.core.store;

import io.tvbridge.broker.spi.model.Fill;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * A recorded fill (a trade) with the profit or loss it realized against the position's average
 * cost (before commission) and the strategy of the signal its order came from.
 */
public record StoredFill(String broker, Fill fill, BigDecimal realizedPnl, Optional<String> strategy) {
    public StoredFill {
        Objects.requireNonNull(broker, "broker");
        Objects.requireNonNull(fill, "fill");
        Objects.requireNonNull(realizedPnl, "realizedPnl");
        Objects.requireNonNull(strategy, "strategy");
    }
}

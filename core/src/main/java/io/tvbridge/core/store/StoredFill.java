package io.tvbridge.core.store;

import io.tvbridge.broker.spi.model.Fill;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A fill as stored: the execution, the profit or loss it realized, and the signal and strategy
 * behind its order (absent only if the order row were missing, which the ledger never allows).
 */
public record StoredFill(String broker, Fill fill, BigDecimal realizedPnl, Instant recordedAt,
                         Optional<Long> signalId, Optional<String> strategy) {
    public StoredFill {
        Objects.requireNonNull(broker, "broker");
        Objects.requireNonNull(fill, "fill");
        Objects.requireNonNull(realizedPnl, "realizedPnl");
        Objects.requireNonNull(recordedAt, "recordedAt");
        Objects.requireNonNull(signalId, "signalId");
        Objects.requireNonNull(strategy, "strategy");
    }
}

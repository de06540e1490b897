package io.tvbridge.core.report;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Profit and loss from {@code from} to {@code to}: in total, by symbol and by strategy (fills of
 * signals without a strategy under {@link #NO_STRATEGY}). {@code unrealizedSource} says where
 * the open positions' result came from ({@code broker} or {@code last_prices}); it is empty for
 * a span that ended in the past, which has no unrealized part.
 */
public record PnlReport(String period, Instant from, Instant to, Optional<String> unrealizedSource, PnlLine total,
                        List<PnlLine> bySymbol, List<PnlLine> byStrategy) {
    public static final String NO_STRATEGY = "(none)";

    public PnlReport {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(unrealizedSource, "unrealizedSource");
        Objects.requireNonNull(total, "total");
        bySymbol = List.copyOf(bySymbol);
        byStrategy = List.copyOf(byStrategy);
    }
}

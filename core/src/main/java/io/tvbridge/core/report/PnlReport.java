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
 *
 * <p>Every line is in the account's currency: each fill's result (in its instrument's currency)
 * and commission are converted at the broker's rate known when the report is made. A fill or
 * position that cannot be converted (no rate, an instrument not resolved) is left out of the
 * sums and named in {@code unvalued}, never added at 1.
 */
public record PnlReport(String period, Instant from, Instant to, Optional<String> unrealizedSource, PnlLine total,
                        List<PnlLine> bySymbol, List<PnlLine> byStrategy, List<String> unvalued) {
    public static final String NO_STRATEGY = "(none)";

    public PnlReport {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(unrealizedSource, "unrealizedSource");
        Objects.requireNonNull(total, "total");
        bySymbol = List.copyOf(bySymbol);
        byStrategy = List.copyOf(byStrategy);
        unvalued = List.copyOf(unvalued);
    }
}

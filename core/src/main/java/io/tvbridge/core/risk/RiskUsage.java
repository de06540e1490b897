package io.tvbridge.core.risk;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How much of the day's limits is used, as the decision thread sees it now: counted from
 * {@code countingSince} (the start of the trading day, or a later reset of the limits).
 * {@code dailyResult} is realized less commissions plus the unrealized result of open positions.
 * Every amount is in {@code currency}, the account's; what could not be put in it (a currency the
 * broker gave no rate for) is left out of the sums, and {@code unvalued} says what and why.
 */
public record RiskUsage(Instant countingSince, long orders, Map<String, Long> entries, int openPositions,
                        BigDecimal realized, BigDecimal commissions, BigDecimal unrealized, BigDecimal dailyResult,
                        BigDecimal grossExposure, String currency, List<String> unvalued) {
    public RiskUsage {
        Objects.requireNonNull(countingSince, "countingSince");
        entries = Map.copyOf(entries);
        Objects.requireNonNull(realized, "realized");
        Objects.requireNonNull(commissions, "commissions");
        Objects.requireNonNull(unrealized, "unrealized");
        Objects.requireNonNull(dailyResult, "dailyResult");
        Objects.requireNonNull(grossExposure, "grossExposure");
        Objects.requireNonNull(currency, "currency");
        unvalued = List.copyOf(unvalued);
    }
}

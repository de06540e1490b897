package io.tvbridge.core.risk;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * How much of the day's limits is used, as the decision thread sees it now: counted from
 * {@code countingSince} (the start of the trading day, or a later reset of the limits).
 * {@code dailyResult} is realized less commissions plus the unrealized result of open positions.
 */
public record RiskUsage(Instant countingSince, long orders, Map<String, Long> entries, int openPositions,
                        BigDecimal realized, BigDecimal commissions, BigDecimal unrealized, BigDecimal dailyResult,
                        BigDecimal grossExposure) {
    public RiskUsage {
        Objects.requireNonNull(countingSince, "countingSince");
        entries = Map.copyOf(entries);
        Objects.requireNonNull(realized, "realized");
        Objects.requireNonNull(commissions, "commissions");
        Objects.requireNonNull(unrealized, "unrealized");
        Objects.requireNonNull(dailyResult, "dailyResult");
        Objects.requireNonNull(grossExposure, "grossExposure");
    }
}

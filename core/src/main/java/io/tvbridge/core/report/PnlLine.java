package io.tvbridge.core.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of one strategy, one symbol, or all of them over a period. {@code realized} is
 * what fills realized against the position's average cost, before commissions; {@code
 * unrealized} is the open position's result now (by symbol and in total only: a position is
 * not split by strategy). A win is a fill that realized a profit, a loss one that realized a
 * loss; the win rate is wins over both. Every amount is in {@code currency}, the account's.
 */
public record PnlLine(String name, BigDecimal realized, Optional<BigDecimal> unrealized, BigDecimal commissions,
                      int trades, int wins, int losses, String currency) {
    public PnlLine {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(realized, "realized");
        Objects.requireNonNull(unrealized, "unrealized");
        Objects.requireNonNull(commissions, "commissions");
    }

    static PnlLine empty(String name, String currency) {
        return new PnlLine(name, BigDecimal.ZERO, Optional.empty(), BigDecimal.ZERO, 0, 0, 0, currency);
    }

    /** Realized less commissions, plus unrealized where known. */
    public BigDecimal net() {
        return realized.subtract(commissions).add(unrealized.orElse(BigDecimal.ZERO));
    }

    /** Wins over wins and losses, 0 to 1; empty when no fill realized anything. */
    public Optional<BigDecimal> winRate() {
        int decided = wins + losses;
        return decided == 0 ? Optional.empty()
                : Optional.of(BigDecimal.valueOf(wins).divide(BigDecimal.valueOf(decided), 4, RoundingMode.HALF_EVEN));
    }

    PnlLine withFill(BigDecimal realizedPnl, BigDecimal commission) {
        return new PnlLine(name, realized.add(realizedPnl), unrealized, commissions.add(commission), trades + 1,
                wins + (realizedPnl.signum() > 0 ? 1 : 0), losses + (realizedPnl.signum() < 0 ? 1 : 0), currency);
    }

    PnlLine withUnrealized(BigDecimal amount) {
        return new PnlLine(name, realized, Optional.of(unrealized.orElse(BigDecimal.ZERO).add(amount)), commissions,
                trades, wins, losses, currency);
    }
}

package io.tvbridge.core.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * When a market trades. Implementations are immutable, thread-safe and pure: they read no clock, so
 * callers pass the instant they care about. Every answer is an {@link Instant}; the exchange's
 * wall-clock rules (and daylight saving) are applied in its IANA {@link #zone()}.
 */
public interface MarketCalendar {

    /** A short human name, for logs and messages ("US equities (NYSE, Nasdaq)"). */
    String name();

    /** The zone the exchange's hours are stated in. */
    ZoneId zone();

    /** The date's kind, holiday or early-close name, and session windows. */
    TradingDay tradingDay(LocalDate date);

    /** The session {@code at} falls in; {@link MarketSession#CLOSED} outside every session. */
    MarketSession session(Instant at);

    /** Whether the market trades at {@code at}, counting pre-market and after-hours only if asked. */
    default boolean isOpen(Instant at, boolean includeExtendedHours) {
        return session(at).isOpen(includeExtendedHours);
    }

    /**
     * The earliest instant at or after {@code at} at which the market is open: {@code at} itself when it
     * is open then, otherwise the start of the next session (regular only, or extended hours too).
     */
    Instant nextOpen(Instant at, boolean includeExtendedHours);

    /**
     * The first instant after {@code at} at which the market is closed: the end of the session under way,
     * or of the next one when closed at {@code at}. Sessions that follow one another without a gap count
     * as one (pre-market, regular and after-hours; FX's trading days). Empty for a market that never closes.
     */
    Optional<Instant> nextClose(Instant at, boolean includeExtendedHours);
}

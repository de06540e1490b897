package io.tvbridge.core.calendar;

/** The part of a trading day an instant falls in. */
public enum MarketSession {
    /** No trading: outside every session, a weekend or a holiday. */
    CLOSED,
    /** Extended hours before the regular open (US equities: 04:00 to 09:30 New York). */
    PRE_MARKET,
    /** The regular session; the only session of markets without extended hours. */
    REGULAR,
    /** Extended hours after the regular close (US equities: 16:00 to 20:00 New York). */
    AFTER_HOURS;

    /** Whether orders can trade now: always in the regular session, in extended hours only if asked. */
    public boolean isOpen(boolean includeExtendedHours) {
        return switch (this) {
            case REGULAR -> true;
            case PRE_MARKET, AFTER_HOURS -> includeExtendedHours;
            case CLOSED -> false;
        };
    }

    /** Whether this is pre-market or after-hours, where a broker wants an outside-regular-hours flag. */
    public boolean isExtendedHours() {
        return switch (this) {
            case PRE_MARKET, AFTER_HOURS -> true;
            case CLOSED, REGULAR -> false;
        };
    }
}

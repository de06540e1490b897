package io.tvbridge.core.calendar;

/** What kind of day a date is on a market's calendar. */
public enum DayKind {
    /** A trading day on the market's usual hours. */
    FULL,
    /** A trading day that closes early, or a holiday on which the market trades shortened hours. */
    EARLY_CLOSE,
    /** A weekday on which the market does not trade. */
    HOLIDAY,
    /** A Saturday or Sunday without a trading day of its own. */
    WEEKEND;

    public boolean isTradingDay() {
        return switch (this) {
            case FULL, EARLY_CLOSE -> true;
            case HOLIDAY, WEEKEND -> false;
        };
    }
}

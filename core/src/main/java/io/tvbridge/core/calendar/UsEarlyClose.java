package io.tvbridge.core.calendar;

import java.time.LocalDate;
import java.time.Month;
import java.util.Arrays;
import java.util.Optional;

/**
 * The days the NYSE closes early, at 13:00 New York, each only when it is a trading day. This matches the
 * NYSE's published schedules: July 3 closes early when July 4 falls Tuesday to Friday; when July 4 is a
 * Saturday, July 3 is the holiday itself, and when it is a Sunday or Monday, July 3 is a weekend day and the
 * Friday before trades a full day (2021, 2022, 2027). Christmas Eve likewise closes early only on a weekday
 * that is not the observed Christmas holiday, and the day before it never does (2021, 2022, 2023, 2027).
 */
public enum UsEarlyClose {
    DAY_BEFORE_INDEPENDENCE_DAY("Day before Independence Day"),
    DAY_AFTER_THANKSGIVING("Day after Thanksgiving"),
    CHRISTMAS_EVE("Christmas Eve");

    private final String displayName;

    UsEarlyClose(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }

    /** The early close on {@code date}, if it is one. */
    public static Optional<UsEarlyClose> on(LocalDate date) {
        return Arrays.stream(values())
                .filter(earlyClose -> earlyClose.dateIn(date.getYear()).filter(date::equals).isPresent())
                .findFirst();
    }

    /** The day that closes early in {@code year}; empty when that day is a weekend day or a holiday. */
    public Optional<LocalDate> dateIn(int year) {
        LocalDate candidate = switch (this) {
            case DAY_BEFORE_INDEPENDENCE_DAY -> LocalDate.of(year, Month.JULY, 3);
            case DAY_AFTER_THANKSGIVING -> UsHoliday.THANKSGIVING_DAY.observedIn(year).orElseThrow().plusDays(1);
            case CHRISTMAS_EVE -> LocalDate.of(year, Month.DECEMBER, 24);
        };
        return Optional.of(candidate)
                .filter(date -> !TradingDayCalendar.isWeekend(date))
                .filter(date -> UsHoliday.observedOn(date).isEmpty());
    }
}

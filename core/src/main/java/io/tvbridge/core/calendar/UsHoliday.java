package io.tvbridge.core.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.Optional;

/**
 * The days the New York Stock Exchange closes, each computed from its rule for any year (NYSE Rule 7.2).
 * Unscheduled closures (national days of mourning such as 2025-01-09, storms) are announced, not ruled,
 * and are not known here.
 */
public enum UsHoliday {
    NEW_YEARS_DAY("New Year's Day"),
    MARTIN_LUTHER_KING_JR_DAY("Martin Luther King Jr. Day"),
    WASHINGTONS_BIRTHDAY("Washington's Birthday"),
    GOOD_FRIDAY("Good Friday"),
    MEMORIAL_DAY("Memorial Day"),
    JUNETEENTH("Juneteenth National Independence Day"),
    INDEPENDENCE_DAY("Independence Day"),
    LABOR_DAY("Labor Day"),
    THANKSGIVING_DAY("Thanksgiving Day"),
    CHRISTMAS_DAY("Christmas Day");

    /** The first year the NYSE closed for Martin Luther King Jr. Day. */
    static final int FIRST_MARTIN_LUTHER_KING_JR_DAY = 1998;
    /** The first year the NYSE closed for Juneteenth (it became a federal holiday too late in 2021). */
    static final int FIRST_JUNETEENTH = 2022;

    private final String displayName;

    UsHoliday(String displayName) {
        this.displayName = displayName;
    }

    /** The name the NYSE publishes it under. */
    public String displayName() {
        return displayName;
    }

    /** The holiday the NYSE observes on {@code date}, if any. */
    public static Optional<UsHoliday> observedOn(LocalDate date) {
        return Arrays.stream(values())
                .filter(holiday -> holiday.observedIn(date.getYear()).filter(date::equals).isPresent())
                .findFirst();
    }

    /**
     * The weekday the NYSE closes for this holiday in {@code year}; empty when it is not observed that
     * year (before the holiday existed, or a New Year's Day on a Saturday). It always falls in {@code year}.
     */
    public Optional<LocalDate> observedIn(int year) {
        return switch (this) {
            case NEW_YEARS_DAY -> observedFixedDate(LocalDate.of(year, Month.JANUARY, 1));
            case MARTIN_LUTHER_KING_JR_DAY -> year < FIRST_MARTIN_LUTHER_KING_JR_DAY
                    ? Optional.empty()
                    : Optional.of(nth(3, DayOfWeek.MONDAY, year, Month.JANUARY));
            case WASHINGTONS_BIRTHDAY -> Optional.of(nth(3, DayOfWeek.MONDAY, year, Month.FEBRUARY));
            case GOOD_FRIDAY -> Optional.of(Easter.sunday(year).minusDays(2));
            case MEMORIAL_DAY -> Optional.of(LocalDate.of(year, Month.MAY, 1)
                    .with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)));
            case JUNETEENTH -> year < FIRST_JUNETEENTH
                    ? Optional.empty()
                    : observedFixedDate(LocalDate.of(year, Month.JUNE, 19));
            case INDEPENDENCE_DAY -> observedFixedDate(LocalDate.of(year, Month.JULY, 4));
            case LABOR_DAY -> Optional.of(nth(1, DayOfWeek.MONDAY, year, Month.SEPTEMBER));
            case THANKSGIVING_DAY -> Optional.of(nth(4, DayOfWeek.THURSDAY, year, Month.NOVEMBER));
            case CHRISTMAS_DAY -> observedFixedDate(LocalDate.of(year, Month.DECEMBER, 25));
        };
    }

    /**
     * A Sunday holiday moves to Monday and a Saturday one to Friday, except that the NYSE stays open on a
     * Friday that ends a month or a year (an accounting period): of the fixed-date holidays only New Year's
     * Day can hit that, so a Saturday New Year's Day is simply not observed (as on 2022-01-01).
     */
    private static Optional<LocalDate> observedFixedDate(LocalDate date) {
        return switch (date.getDayOfWeek()) {
            case SUNDAY -> Optional.of(date.plusDays(1));
            case SATURDAY -> Optional.of(date.minusDays(1)).filter(friday -> friday.getMonth() == date.getMonth());
            case MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY -> Optional.of(date);
        };
    }

    private static LocalDate nth(int ordinal, DayOfWeek day, int year, Month month) {
        return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(ordinal, day));
    }
}

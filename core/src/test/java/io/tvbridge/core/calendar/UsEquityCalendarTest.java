package io.tvbridge.core.calendar;

import static io.tvbridge.core.calendar.ExchangeTimes.NEW_YORK;
import static io.tvbridge.core.calendar.ExchangeTimes.newYork;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UsEquityCalendarTest {

    /**
     * Every holiday and early close in the NYSE's published schedules for 2021 to 2027. It holds a New
     * Year's Day on a Saturday (2022, not observed on 2021-12-31), Juneteenth on a Sunday (2022) and a
     * Saturday (2027), and July 4 and Christmas on every kind of weekend day.
     */
    private static final String PUBLISHED_SCHEDULES = """
            2021-01-01 HOLIDAY New Year's Day
            2021-01-18 HOLIDAY Martin Luther King Jr. Day
            2021-02-15 HOLIDAY Washington's Birthday
            2021-04-02 HOLIDAY Good Friday
            2021-05-31 HOLIDAY Memorial Day
            2021-07-05 HOLIDAY Independence Day
            2021-09-06 HOLIDAY Labor Day
            2021-11-25 HOLIDAY Thanksgiving Day
            2021-11-26 EARLY_CLOSE Day after Thanksgiving
            2021-12-24 HOLIDAY Christmas Day
            2022-01-17 HOLIDAY Martin Luther King Jr. Day
            2022-02-21 HOLIDAY Washington's Birthday
            2022-04-15 HOLIDAY Good Friday
            2022-05-30 HOLIDAY Memorial Day
            2022-06-20 HOLIDAY Juneteenth National Independence Day
            2022-07-04 HOLIDAY Independence Day
            2022-09-05 HOLIDAY Labor Day
            2022-11-24 HOLIDAY Thanksgiving Day
            2022-11-25 EARLY_CLOSE Day after Thanksgiving
            2022-12-26 HOLIDAY Christmas Day
            2023-01-02 HOLIDAY New Year's Day
            2023-01-16 HOLIDAY Martin Luther King Jr. Day
            2023-02-20 HOLIDAY Washington's Birthday
            2023-04-07 HOLIDAY Good Friday
            2023-05-29 HOLIDAY Memorial Day
            2023-06-19 HOLIDAY Juneteenth National Independence Day
            2023-07-03 EARLY_CLOSE Day before Independence Day
            2023-07-04 HOLIDAY Independence Day
            2023-09-04 HOLIDAY Labor Day
            2023-11-23 HOLIDAY Thanksgiving Day
            2023-11-24 EARLY_CLOSE Day after Thanksgiving
            2023-12-25 HOLIDAY Christmas Day
            2024-01-01 HOLIDAY New Year's Day
            2024-01-15 HOLIDAY Martin Luther King Jr. Day
            2024-02-19 HOLIDAY Washington's Birthday
            2024-03-29 HOLIDAY Good Friday
            2024-05-27 HOLIDAY Memorial Day
            2024-06-19 HOLIDAY Juneteenth National Independence Day
            2024-07-03 EARLY_CLOSE Day before Independence Day
            2024-07-04 HOLIDAY Independence Day
            2024-09-02 HOLIDAY Labor Day
            2024-11-28 HOLIDAY Thanksgiving Day
            2024-11-29 EARLY_CLOSE Day after Thanksgiving
            2024-12-24 EARLY_CLOSE Christmas Eve
            2024-12-25 HOLIDAY Christmas Day
            2025-01-01 HOLIDAY New Year's Day
            2025-01-20 HOLIDAY Martin Luther King Jr. Day
            2025-02-17 HOLIDAY Washington's Birthday
            2025-04-18 HOLIDAY Good Friday
            2025-05-26 HOLIDAY Memorial Day
            2025-06-19 HOLIDAY Juneteenth National Independence Day
            2025-07-03 EARLY_CLOSE Day before Independence Day
            2025-07-04 HOLIDAY Independence Day
            2025-09-01 HOLIDAY Labor Day
            2025-11-27 HOLIDAY Thanksgiving Day
            2025-11-28 EARLY_CLOSE Day after Thanksgiving
            2025-12-24 EARLY_CLOSE Christmas Eve
            2025-12-25 HOLIDAY Christmas Day
            2026-01-01 HOLIDAY New Year's Day
            2026-01-19 HOLIDAY Martin Luther King Jr. Day
            2026-02-16 HOLIDAY Washington's Birthday
            2026-04-03 HOLIDAY Good Friday
            2026-05-25 HOLIDAY Memorial Day
            2026-06-19 HOLIDAY Juneteenth National Independence Day
            2026-07-03 HOLIDAY Independence Day
            2026-09-07 HOLIDAY Labor Day
            2026-11-26 HOLIDAY Thanksgiving Day
            2026-11-27 EARLY_CLOSE Day after Thanksgiving
            2026-12-24 EARLY_CLOSE Christmas Eve
            2026-12-25 HOLIDAY Christmas Day
            2027-01-01 HOLIDAY New Year's Day
            2027-01-18 HOLIDAY Martin Luther King Jr. Day
            2027-02-15 HOLIDAY Washington's Birthday
            2027-03-26 HOLIDAY Good Friday
            2027-05-31 HOLIDAY Memorial Day
            2027-06-18 HOLIDAY Juneteenth National Independence Day
            2027-07-05 HOLIDAY Independence Day
            2027-09-06 HOLIDAY Labor Day
            2027-11-25 HOLIDAY Thanksgiving Day
            2027-11-26 EARLY_CLOSE Day after Thanksgiving
            2027-12-24 HOLIDAY Christmas Day
            """;

    private final MarketCalendar calendar = new UsEquityCalendar();

    @ParameterizedTest
    @ValueSource(ints = {2021, 2022, 2023, 2024, 2025, 2026, 2027})
    void matchesEveryHolidayAndEarlyCloseOfThePublishedSchedule(int year) {
        Map<LocalDate, String> published = PUBLISHED_SCHEDULES.lines()
                .filter(line -> line.startsWith(year + "-"))
                .collect(Collectors.toMap(line -> LocalDate.parse(line.substring(0, 10)), line -> line.substring(11),
                        (first, second) -> first, TreeMap::new));

        Map<LocalDate, String> computed = Stream.iterate(LocalDate.of(year, 1, 1), date -> date.getYear() == year,
                        date -> date.plusDays(1))
                .map(calendar::tradingDay)
                .filter(day -> day.kind() == DayKind.HOLIDAY || day.kind() == DayKind.EARLY_CLOSE)
                .collect(Collectors.toMap(TradingDay::date, day -> day.kind() + " " + day.name().orElseThrow(),
                        (first, second) -> first, TreeMap::new));

        assertThat(computed).isEqualTo(published);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            // an ordinary Monday
            "2024-06-03T03:59:59, CLOSED",
            "2024-06-03T04:00, PRE_MARKET",
            "2024-06-03T09:29:59, PRE_MARKET",
            "2024-06-03T09:30, REGULAR",
            "2024-06-03T15:59:59.999, REGULAR",
            "2024-06-03T16:00, AFTER_HOURS",
            "2024-06-03T19:59:59, AFTER_HOURS",
            "2024-06-03T20:00, CLOSED",
            "2024-06-03T23:30, CLOSED",
            // an early close
            "2024-12-24T09:30, REGULAR",
            "2024-12-24T12:59:59, REGULAR",
            "2024-12-24T13:00, AFTER_HOURS",
            "2024-12-24T16:59:59, AFTER_HOURS",
            "2024-12-24T17:00, CLOSED",
            // holidays and weekends, extended hours included
            "2024-12-25T05:00, CLOSED",
            "2024-12-25T10:00, CLOSED",
            "2024-12-25T17:00, CLOSED",
            "2024-06-01T10:00, CLOSED",
            "2024-06-02T10:00, CLOSED",
            // Friday 2021-12-31 trades, although New Year's Day 2022 is a holiday on a Saturday
            "2021-12-31T10:00, REGULAR",
            // daylight saving: the first Monday on summer time and on winter time
            "2024-03-11T09:30, REGULAR",
            "2024-11-04T09:29:59, PRE_MARKET",
            "2024-11-04T09:30, REGULAR"})
    void placesInstantsInSessions(String newYorkTime, MarketSession expected) {
        assertThat(calendar.session(newYork(newYorkTime))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "2024-03-08T14:29:59Z, PRE_MARKET",  // winter: 09:30 New York is 14:30 UTC
            "2024-03-08T14:30:00Z, REGULAR",
            "2024-03-11T13:29:59Z, PRE_MARKET",  // summer from 2024-03-10: 09:30 is 13:30 UTC
            "2024-03-11T13:30:00Z, REGULAR",
            "2024-03-11T20:00:00Z, AFTER_HOURS",
            "2024-11-01T20:00:00Z, AFTER_HOURS", // summer until 2024-11-03: 16:00 is 20:00 UTC
            "2024-11-04T20:00:00Z, REGULAR",     // winter again: 16:00 is 21:00 UTC
            "2024-11-04T21:00:00Z, AFTER_HOURS"})
    void followsDaylightSavingInUtc(Instant at, MarketSession expected) {
        assertThat(calendar.session(at)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}: regular {1}, extended {2}")
    @CsvSource({
            "2024-06-03T08:00, false, true",
            "2024-06-03T12:00, true, true",
            "2024-06-03T18:00, false, true",
            "2024-06-03T21:00, false, false",
            "2024-06-08T12:00, false, false",
            "2024-07-04T12:00, false, false"})
    void isOpenCountsExtendedHoursOnlyWhenAsked(String newYorkTime, boolean regular, boolean extended) {
        Instant at = newYork(newYorkTime);
        assertThat(calendar.isOpen(at, false)).isEqualTo(regular);
        assertThat(calendar.isOpen(at, true)).isEqualTo(extended);
    }

    @ParameterizedTest(name = "from {0} (extended {1}) -> {2}")
    @CsvSource({
            // already open: the instant itself
            "2024-06-03T10:00, false, 2024-06-03T10:00",
            "2024-06-03T09:30, false, 2024-06-03T09:30",
            "2024-06-03T05:00, true, 2024-06-03T05:00",
            // later the same day
            "2024-06-03T09:29:59, false, 2024-06-03T09:30",
            "2024-06-03T01:00, true, 2024-06-03T04:00",
            "2024-06-03T01:00, false, 2024-06-03T09:30",
            // after the close: the next morning
            "2024-06-03T16:00, false, 2024-06-04T09:30",
            "2024-06-03T16:00, true, 2024-06-03T16:00",
            "2024-06-03T20:00, true, 2024-06-04T04:00",
            // across a weekend, and across the switch to summer time on Sunday 2024-03-10
            "2024-06-07T16:00, false, 2024-06-10T09:30",
            "2024-06-08T12:00, true, 2024-06-10T04:00",
            "2024-03-08T16:30, false, 2024-03-11T09:30",
            "2024-11-01T16:30, false, 2024-11-04T09:30",
            // across holidays
            "2024-03-28T16:00, false, 2024-04-01T09:30",
            "2025-01-17T20:00, true, 2025-01-21T04:00",
            "2024-12-24T13:00, false, 2024-12-26T09:30",
            "2024-12-24T17:00, true, 2024-12-26T04:00",
            "2027-12-23T16:00, false, 2027-12-27T09:30",
            "2026-07-02T16:00, false, 2026-07-06T09:30",
            "2021-12-30T16:00, false, 2021-12-31T09:30",
            "2021-12-31T16:00, false, 2022-01-03T09:30"})
    void findsTheNextOpen(String from, boolean includeExtendedHours, String expected) {
        assertThat(calendar.nextOpen(newYork(from), includeExtendedHours)).isEqualTo(newYork(expected));
    }

    @ParameterizedTest(name = "from {0} (extended {1}) -> {2}")
    @CsvSource({
            "2024-06-03T10:00, false, 2024-06-03T16:00",
            "2024-06-03T10:00, true, 2024-06-03T20:00",
            "2024-06-03T05:00, false, 2024-06-03T16:00",
            "2024-06-03T05:00, true, 2024-06-03T20:00",
            "2024-06-03T01:00, true, 2024-06-03T20:00",
            // a close is strictly after the instant: at 16:00 the regular session is already over
            "2024-06-03T16:00, false, 2024-06-04T16:00",
            "2024-06-03T16:00, true, 2024-06-03T20:00",
            // early closes
            "2024-11-29T09:30, false, 2024-11-29T13:00",
            "2024-11-29T09:30, true, 2024-11-29T17:00",
            "2024-11-27T16:00, false, 2024-11-29T13:00",
            // across a weekend
            "2024-06-07T20:00, true, 2024-06-10T20:00"})
    void findsTheNextClose(String from, boolean includeExtendedHours, String expected) {
        assertThat(calendar.nextClose(newYork(from), includeExtendedHours)).contains(newYork(expected));
    }

    @Test
    void describesAFullTradingDay() {
        TradingDay day = calendar.tradingDay(LocalDate.of(2024, 6, 3));
        assertThat(day.kind()).isEqualTo(DayKind.FULL);
        assertThat(day.isTradingDay()).isTrue();
        assertThat(day.name()).isEmpty();
        assertThat(day.open()).contains(newYork("2024-06-03T09:30"));
        assertThat(day.close()).contains(newYork("2024-06-03T16:00"));
        assertThat(day.windows()).containsExactly(
                new SessionWindow(MarketSession.PRE_MARKET, newYork("2024-06-03T04:00"), newYork("2024-06-03T09:30")),
                new SessionWindow(MarketSession.REGULAR, newYork("2024-06-03T09:30"), newYork("2024-06-03T16:00")),
                new SessionWindow(MarketSession.AFTER_HOURS, newYork("2024-06-03T16:00"), newYork("2024-06-03T20:00")));
    }

    @Test
    void describesAnEarlyClose() {
        TradingDay day = calendar.tradingDay(LocalDate.of(2025, 7, 3));
        assertThat(day.kind()).isEqualTo(DayKind.EARLY_CLOSE);
        assertThat(day.name()).contains("Day before Independence Day");
        assertThat(day.open()).contains(newYork("2025-07-03T09:30"));
        assertThat(day.close()).contains(newYork("2025-07-03T13:00"));
        assertThat(day.windows()).last().isEqualTo(
                new SessionWindow(MarketSession.AFTER_HOURS, newYork("2025-07-03T13:00"), newYork("2025-07-03T17:00")));
    }

    @Test
    void describesAHolidayAndAWeekend() {
        TradingDay goodFriday = calendar.tradingDay(LocalDate.of(2025, 4, 18));
        assertThat(goodFriday.kind()).isEqualTo(DayKind.HOLIDAY);
        assertThat(goodFriday.name()).contains("Good Friday");
        assertThat(goodFriday.isTradingDay()).isFalse();
        assertThat(goodFriday.open()).isEmpty();
        assertThat(goodFriday.windows()).isEmpty();

        TradingDay saturday = calendar.tradingDay(LocalDate.of(2025, 4, 19));
        assertThat(saturday.kind()).isEqualTo(DayKind.WEEKEND);
        assertThat(saturday.name()).isEmpty();
        assertThat(saturday.close()).isEmpty();
    }

    @Test
    void keepsTheSameWallClockHoursOnBothSidesOfADaylightSavingChange() {
        Stream.of("2024-03-08", "2024-03-11", "2024-11-01", "2024-11-04").map(LocalDate::parse).forEach(date -> {
            TradingDay day = calendar.tradingDay(date);
            assertThat(day.open()).contains(date.atTime(9, 30).atZone(NEW_YORK).toInstant());
            assertThat(day.close()).contains(date.atTime(16, 0).atZone(NEW_YORK).toInstant());
        });
        assertThat(calendar.tradingDay(LocalDate.of(2024, 3, 8)).open()).contains(Instant.parse("2024-03-08T14:30:00Z"));
        assertThat(calendar.tradingDay(LocalDate.of(2024, 3, 11)).open()).contains(Instant.parse("2024-03-11T13:30:00Z"));
    }

    @Test
    void isClosedAllDayOnEveryHolidayOfManyYears() {
        Stream.iterate(1998, year -> year <= 2100, year -> year + 1)
                .flatMap(year -> Arrays.stream(UsHoliday.values()).map(holiday -> holiday.observedIn(year)))
                .flatMap(Optional::stream)
                .forEach(date -> {
                    Instant midday = date.atTime(12, 0).atZone(NEW_YORK).toInstant();
                    assertThat(calendar.isOpen(midday, true)).as("open on %s", date).isFalse();
                    assertThat(calendar.tradingDay(date).kind()).isEqualTo(DayKind.HOLIDAY);
                });
    }
}

package io.tvbridge.core.calendar;

import static io.tvbridge.core.calendar.ExchangeTimes.newYork;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ForexCalendarTest {

    private final MarketCalendar calendar = new ForexCalendar();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "2024-06-09T16:59:59, CLOSED",     // Sunday
            "2024-06-09T17:00, REGULAR",
            "2024-06-10T00:00, REGULAR",
            "2024-06-12T16:59:59, REGULAR",     // a weekday's rollover is no break
            "2024-06-12T17:00, REGULAR",
            "2024-06-14T16:59:59.999, REGULAR", // Friday
            "2024-06-14T17:00, CLOSED",
            "2024-06-15T12:00, CLOSED",         // Saturday
            "2024-06-09T12:00, CLOSED",
            // no holidays: Christmas and New Year's Day trade like other weekdays
            "2024-12-25T10:00, REGULAR",
            "2025-01-01T10:00, REGULAR",
            "2024-03-29T10:00, REGULAR"})
    void tradesFromSundayEveningToFridayEvening(String newYorkTime, MarketSession expected) {
        Instant at = newYork(newYorkTime);
        assertThat(calendar.session(at)).isEqualTo(expected);
        assertThat(calendar.isOpen(at, false)).isEqualTo(expected == MarketSession.REGULAR);
        assertThat(calendar.isOpen(at, true)).isEqualTo(expected == MarketSession.REGULAR);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "2024-03-10T20:59:59Z, CLOSED",  // Sunday 2024-03-10 is the first day of summer time: 17:00 is 21:00 UTC
            "2024-03-10T21:00:00Z, REGULAR",
            "2024-11-03T21:59:59Z, CLOSED",  // and 2024-11-03 the first of winter time: 17:00 is 22:00 UTC
            "2024-11-03T22:00:00Z, REGULAR",
            "2024-11-01T20:59:59Z, REGULAR", // the Friday before, still summer time
            "2024-11-01T21:00:00Z, CLOSED"})
    void opensAndClosesAt17NewYorkWhateverTheDaylightSaving(Instant at, MarketSession expected) {
        assertThat(calendar.session(at)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "from {0} -> {1}")
    @CsvSource({
            "2024-06-12T10:00, 2024-06-12T10:00",
            "2024-06-14T17:00, 2024-06-16T17:00",
            "2024-06-15T09:00, 2024-06-16T17:00",
            "2024-06-16T16:59:59, 2024-06-16T17:00",
            "2024-03-08T17:00, 2024-03-10T17:00"})
    void findsTheNextOpen(String from, String expected) {
        assertThat(calendar.nextOpen(newYork(from), false)).isEqualTo(newYork(expected));
        assertThat(calendar.nextOpen(newYork(from), true)).isEqualTo(newYork(expected));
    }

    @ParameterizedTest(name = "from {0} -> {1}")
    @CsvSource({
            "2024-06-10T10:00, 2024-06-14T17:00",   // the week is one session: rollovers are not closes
            "2024-06-09T17:00, 2024-06-14T17:00",
            "2024-06-14T16:59:59, 2024-06-14T17:00",
            "2024-06-14T17:00, 2024-06-21T17:00",
            "2024-06-15T12:00, 2024-06-21T17:00"})
    void findsTheNextCloseAtTheEndOfTheWeek(String from, String expected) {
        assertThat(calendar.nextClose(newYork(from), false)).contains(newYork(expected));
        assertThat(calendar.nextClose(newYork(from), true)).contains(newYork(expected));
    }

    @Test
    void aTradingDayRunsFromTheRolloverTheEveningBefore() {
        TradingDay monday = calendar.tradingDay(LocalDate.of(2024, 6, 10));
        assertThat(monday.kind()).isEqualTo(DayKind.FULL);
        assertThat(monday.open()).contains(newYork("2024-06-09T17:00"));
        assertThat(monday.close()).contains(newYork("2024-06-10T17:00"));
        assertThat(calendar.tradingDay(LocalDate.of(2024, 6, 15)).kind()).isEqualTo(DayKind.WEEKEND);
        assertThat(calendar.tradingDay(LocalDate.of(2024, 6, 16)).kind()).isEqualTo(DayKind.WEEKEND);
        assertThat(calendar.tradingDay(LocalDate.of(2024, 12, 25)).kind()).isEqualTo(DayKind.FULL);
    }
}

package io.tvbridge.core.calendar;

import static io.tvbridge.core.calendar.ExchangeTimes.chicago;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CmeGlobexCalendarTest {

    private final MarketCalendar calendar = new CmeGlobexCalendar();

    @ParameterizedTest(name = "{0} -> open {1}")
    @CsvSource({
            // the week: Sunday 17:00 to Friday 16:00, with a break from 16:00 to 17:00 each day
            "2024-06-09T16:59:59, false",
            "2024-06-09T17:00, true",
            "2024-06-10T09:00, true",
            "2024-06-10T15:59:59.999, true",
            "2024-06-10T16:00, false",
            "2024-06-10T16:59:59, false",
            "2024-06-10T17:00, true",
            "2024-06-11T00:00, true",
            "2024-06-14T15:59:59, true",
            "2024-06-14T16:00, false",
            "2024-06-14T17:00, false",
            "2024-06-15T12:00, false",
            // Good Friday 2024-03-29: no session from Thursday's close until Sunday evening
            "2024-03-28T15:59:59, true",
            "2024-03-28T17:00, false",
            "2024-03-29T10:00, false",
            "2024-03-31T17:00, true",
            // Christmas 2024: Christmas Eve halts at 12:15, Christmas Day reopens at 17:00
            "2024-12-24T12:14:59, true",
            "2024-12-24T12:15, false",
            "2024-12-25T10:00, false",
            "2024-12-25T17:00, true",
            // New Year's Day 2025, and 2023's observed on Monday January 2
            "2024-12-31T15:59:59, true",
            "2024-12-31T17:00, false",
            "2025-01-01T10:00, false",
            "2025-01-01T17:00, true",
            "2023-01-01T17:00, false",
            "2023-01-02T10:00, false",
            "2023-01-02T17:00, true",
            // other holidays halt at 12:00: Martin Luther King Jr. Day 2025, Thanksgiving 2024
            "2025-01-19T17:00, true",
            "2025-01-20T11:59:59, true",
            "2025-01-20T12:00, false",
            "2025-01-20T17:00, true",
            "2024-11-28T11:59:59, true",
            "2024-11-28T12:00, false",
            // the day after Thanksgiving halts at 12:15 with the stock market's early close
            "2024-11-28T17:00, true",
            "2024-11-29T12:14:59, true",
            "2024-11-29T12:15, false",
            "2024-12-01T17:00, true"})
    void tradesGlobexHours(String chicagoTime, boolean open) {
        Instant at = chicago(chicagoTime);
        assertThat(calendar.isOpen(at, false)).isEqualTo(open);
        assertThat(calendar.isOpen(at, true)).isEqualTo(open);
        assertThat(calendar.session(at)).isEqualTo(open ? MarketSession.REGULAR : MarketSession.CLOSED);
    }

    @ParameterizedTest(name = "{0} -> open {1}")
    @CsvSource({
            "2024-03-10T21:59:59Z, false",  // Sunday 2024-03-10, summer time: 17:00 Chicago is 22:00 UTC
            "2024-03-10T22:00:00Z, true",
            "2024-03-08T21:59:59Z, true",   // the Friday before, winter time: 16:00 Chicago is 22:00 UTC
            "2024-03-08T22:00:00Z, false"})
    void followsChicagoDaylightSaving(Instant at, boolean open) {
        assertThat(calendar.isOpen(at, false)).isEqualTo(open);
    }

    @ParameterizedTest(name = "from {0} -> {1}")
    @CsvSource({
            "2024-06-10T09:00, 2024-06-10T09:00",
            "2024-06-10T16:00, 2024-06-10T17:00",
            "2024-06-14T16:00, 2024-06-16T17:00",
            "2024-06-15T12:00, 2024-06-16T17:00",
            "2024-03-28T16:00, 2024-03-31T17:00",
            "2024-12-24T12:15, 2024-12-25T17:00",
            "2025-01-20T12:00, 2025-01-20T17:00"})
    void findsTheNextOpen(String from, String expected) {
        assertThat(calendar.nextOpen(chicago(from), false)).isEqualTo(chicago(expected));
    }

    @ParameterizedTest(name = "from {0} -> {1}")
    @CsvSource({
            "2024-06-10T09:00, 2024-06-10T16:00",
            "2024-06-10T16:30, 2024-06-11T16:00",
            "2024-06-10T18:00, 2024-06-11T16:00",
            "2024-06-09T17:00, 2024-06-10T16:00",
            "2024-06-14T16:00, 2024-06-17T16:00",
            "2025-01-19T18:00, 2025-01-20T12:00",
            "2024-12-23T18:00, 2024-12-24T12:15",
            "2024-03-28T16:00, 2024-04-01T16:00"})
    void findsTheNextClose(String from, String expected) {
        assertThat(calendar.nextClose(chicago(from), false)).contains(chicago(expected));
    }

    @Test
    void aTradingDayStartsTheEveningBefore() {
        TradingDay monday = calendar.tradingDay(LocalDate.of(2024, 6, 10));
        assertThat(monday.kind()).isEqualTo(DayKind.FULL);
        assertThat(monday.open()).contains(chicago("2024-06-09T17:00"));
        assertThat(monday.close()).contains(chicago("2024-06-10T16:00"));
        assertThat(calendar.tradingDay(LocalDate.of(2024, 6, 9)).kind()).isEqualTo(DayKind.WEEKEND);
    }

    @Test
    void describesHolidaysAndShortenedDays() {
        TradingDay goodFriday = calendar.tradingDay(LocalDate.of(2024, 3, 29));
        assertThat(goodFriday.kind()).isEqualTo(DayKind.HOLIDAY);
        assertThat(goodFriday.name()).contains("Good Friday");

        TradingDay martinLutherKingJrDay = calendar.tradingDay(LocalDate.of(2025, 1, 20));
        assertThat(martinLutherKingJrDay.kind()).isEqualTo(DayKind.EARLY_CLOSE);
        assertThat(martinLutherKingJrDay.name()).contains("Martin Luther King Jr. Day");
        assertThat(martinLutherKingJrDay.close()).contains(chicago("2025-01-20T12:00"));

        TradingDay christmasEve = calendar.tradingDay(LocalDate.of(2024, 12, 24));
        assertThat(christmasEve.kind()).isEqualTo(DayKind.EARLY_CLOSE);
        assertThat(christmasEve.name()).contains("Christmas Eve");
        assertThat(christmasEve.close()).contains(chicago("2024-12-24T12:15"));
    }
}

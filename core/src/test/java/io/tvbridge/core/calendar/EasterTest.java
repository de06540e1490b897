package io.tvbridge.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EasterTest {

    @ParameterizedTest
    @CsvSource({
            "1818, 1818-03-22",   // the earliest date possible
            "1943, 1943-04-25",   // the latest date possible
            "1961, 1961-04-02",
            "2000, 2000-04-23",
            "2008, 2008-03-23",
            "2011, 2011-04-24",
            "2019, 2019-04-21",
            "2020, 2020-04-12",
            "2021, 2021-04-04",
            "2022, 2022-04-17",
            "2023, 2023-04-09",
            "2024, 2024-03-31",
            "2025, 2025-04-20",
            "2026, 2026-04-05",
            "2027, 2027-03-28",
            "2028, 2028-04-16",
            "2038, 2038-04-25",
            "2285, 2285-03-22"})
    void computesEasterSunday(int year, LocalDate expected) {
        assertThat(Easter.sunday(year)).isEqualTo(expected);
    }

    @Test
    void isAlwaysASundayBetweenMarch22AndApril25() {
        IntStream.rangeClosed(1583, 3000).mapToObj(Easter::sunday).forEach(easter -> {
            assertThat(easter.getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
            assertThat(easter).isBetween(LocalDate.of(easter.getYear(), 3, 22), LocalDate.of(easter.getYear(), 4, 25));
        });
    }

    @Test
    void refusesYearsBeforeTheGregorianCalendar() {
        assertThatThrownBy(() -> Easter.sunday(1582)).isInstanceOf(IllegalArgumentException.class);
    }
}

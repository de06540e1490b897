package io.tvbridge.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UsHolidayTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(nullValues = "none", value = {
            // New Year's Day: Sunday moves to Monday, Saturday is not observed at all
            "2017-01-02, NEW_YEARS_DAY",
            "2021-12-31, none",
            "2022-01-01, none",
            "2022-01-03, none",
            "2023-01-02, NEW_YEARS_DAY",
            "2027-12-31, none",
            "2028-01-03, none",
            "2033-01-01, none",
            "2032-12-31, none",
            // Martin Luther King Jr. Day and Washington's Birthday: third Mondays
            "1997-01-20, none",
            "1998-01-19, MARTIN_LUTHER_KING_JR_DAY",
            "2024-01-15, MARTIN_LUTHER_KING_JR_DAY",
            "2030-01-21, MARTIN_LUTHER_KING_JR_DAY",
            "2024-02-19, WASHINGTONS_BIRTHDAY",
            "2030-02-18, WASHINGTONS_BIRTHDAY",
            // Good Friday: two days before Easter
            "2019-04-19, GOOD_FRIDAY",
            "2038-04-23, GOOD_FRIDAY",
            "2035-03-23, GOOD_FRIDAY",
            // Memorial Day: last Monday of May, which may be the 31st or the 25th
            "2021-05-31, MEMORIAL_DAY",
            "2026-05-25, MEMORIAL_DAY",
            // Juneteenth: from 2022, Sunday to Monday, Saturday to Friday
            "2021-06-18, none",
            "2021-06-21, none",
            "2022-06-20, JUNETEENTH",
            "2022-06-17, none",
            "2027-06-18, JUNETEENTH",
            "2027-06-21, none",
            "2032-06-18, JUNETEENTH",
            "2033-06-20, JUNETEENTH",
            // Independence Day and Christmas: Saturday to Friday, Sunday to Monday
            "2020-07-03, INDEPENDENCE_DAY",
            "2021-07-05, INDEPENDENCE_DAY",
            "2021-12-24, CHRISTMAS_DAY",
            "2022-12-26, CHRISTMAS_DAY",
            "2022-12-23, none",
            // Labor Day and Thanksgiving
            "2025-09-01, LABOR_DAY",
            "2026-09-07, LABOR_DAY",
            "2029-11-22, THANKSGIVING_DAY",
            "2030-11-28, THANKSGIVING_DAY",
            // ordinary days near holidays
            "2024-12-24, none",
            "2024-12-26, none",
            "2024-11-29, none",
            "2024-07-05, none"})
    void findsTheHolidayObservedOnADate(LocalDate date, UsHoliday expected) {
        assertThat(UsHoliday.observedOn(date)).isEqualTo(Optional.ofNullable(expected));
    }

    @Test
    void everyObservedHolidayIsAWeekdayInItsOwnYearAndNoTwoShareADate() {
        IntStream.rangeClosed(1998, 2200).forEach(year -> {
            List<LocalDate> dates = Arrays.stream(UsHoliday.values())
                    .flatMap(holiday -> holiday.observedIn(year).stream())
                    .toList();
            assertThat(dates).doesNotHaveDuplicates()
                    .allSatisfy(date -> assertThat(date.getYear()).isEqualTo(year))
                    .allSatisfy(date -> assertThat(date.getDayOfWeek())
                            .isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));
            int expected = 10 - (LocalDate.of(year, 1, 1).getDayOfWeek() == DayOfWeek.SATURDAY ? 1 : 0)
                    - (year < UsHoliday.FIRST_JUNETEENTH ? 1 : 0);
            assertThat(dates).as("holidays in %d", year).hasSize(expected);
        });
    }

    @Test
    void saturdayNewYearsDayIsNotMovedIntoThePreviousYear() {
        assertThat(UsHoliday.NEW_YEARS_DAY.observedIn(2022)).isEmpty();
        assertThat(UsHoliday.observedOn(LocalDate.of(2021, 12, 31))).isEmpty();
    }
}

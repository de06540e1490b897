package io.tvbridge.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UsEarlyCloseTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(nullValues = "none", value = {
            // July 3 closes early when July 4 falls Tuesday to Friday
            "2012-07-03, DAY_BEFORE_INDEPENDENCE_DAY",
            "2013-07-03, DAY_BEFORE_INDEPENDENCE_DAY",
            "2014-07-03, DAY_BEFORE_INDEPENDENCE_DAY",
            "2017-07-03, DAY_BEFORE_INDEPENDENCE_DAY",
            "2018-07-03, DAY_BEFORE_INDEPENDENCE_DAY",
            "2019-07-03, DAY_BEFORE_INDEPENDENCE_DAY",
            "2023-07-03, DAY_BEFORE_INDEPENDENCE_DAY",
            // ...and not otherwise: July 4 on a Saturday (July 3 is the holiday), Sunday or Monday
            "2015-07-03, none",
            "2015-07-02, none",
            "2020-07-02, none",
            "2021-07-02, none",
            "2022-07-01, none",
            "2016-07-01, none",
            "2027-07-02, none",
            // the day after Thanksgiving, every year
            "2023-11-24, DAY_AFTER_THANKSGIVING",
            "2030-11-29, DAY_AFTER_THANKSGIVING",
            // Christmas Eve on a weekday that is not the observed Christmas
            "2018-12-24, CHRISTMAS_EVE",
            "2019-12-24, CHRISTMAS_EVE",
            "2020-12-24, CHRISTMAS_EVE",
            "2021-12-24, none",
            "2021-12-23, none",
            "2022-12-23, none",
            "2023-12-22, none",
            "2027-12-23, none",
            // no early close on New Year's Eve for equities
            "2024-12-31, none",
            "2025-12-31, none"})
    void findsTheEarlyCloseOnADate(LocalDate date, UsEarlyClose expected) {
        assertThat(UsEarlyClose.on(date)).isEqualTo(Optional.ofNullable(expected));
    }

    @Test
    void anEarlyCloseIsAlwaysAWeekdayThatIsNotAHoliday() {
        IntStream.rangeClosed(1998, 2200).forEach(year -> Arrays.stream(UsEarlyClose.values())
                .flatMap(earlyClose -> earlyClose.dateIn(year).stream())
                .forEach(date -> {
                    assertThat(date.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
                    assertThat(UsHoliday.observedOn(date)).as("holiday on %s", date).isEmpty();
                }));
    }

    @Test
    void theDayAfterThanksgivingAlwaysClosesEarly() {
        IntStream.rangeClosed(1998, 2200).forEach(year ->
                assertThat(UsEarlyClose.DAY_AFTER_THANKSGIVING.dateIn(year)).isPresent());
    }
}

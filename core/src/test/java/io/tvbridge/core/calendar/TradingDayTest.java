package io.tvbridge.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TradingDayTest {

    private static final LocalDate DATE = LocalDate.of(2024, 6, 3);

    private static final SessionWindow REGULAR = window(MarketSession.REGULAR, "2024-06-03T13:30:00Z",
            "2024-06-03T20:00:00Z");
    private static final SessionWindow AFTER_HOURS = window(MarketSession.AFTER_HOURS, "2024-06-03T20:00:00Z",
            "2024-06-04T00:00:00Z");

    private static SessionWindow window(MarketSession session, String start, String end) {
        return new SessionWindow(session, Instant.parse(start), Instant.parse(end));
    }

    @ParameterizedTest(name = "{0}: regular {1}, extended {2}")
    @CsvSource({
            "CLOSED, false, false",
            "PRE_MARKET, false, true",
            "REGULAR, true, true",
            "AFTER_HOURS, false, true"})
    void sessionsOpenInExtendedHoursOnlyWhenAsked(MarketSession session, boolean regular, boolean extended) {
        assertThat(session.isOpen(false)).isEqualTo(regular);
        assertThat(session.isOpen(true)).isEqualTo(extended);
        assertThat(session.isExtendedHours()).isEqualTo(extended && !regular);
    }

    @Test
    void aWindowIncludesItsStartAndExcludesItsEnd() {
        assertThat(REGULAR.contains(Instant.parse("2024-06-03T13:29:59.999Z"))).isFalse();
        assertThat(REGULAR.contains(Instant.parse("2024-06-03T13:30:00Z"))).isTrue();
        assertThat(REGULAR.contains(Instant.parse("2024-06-03T19:59:59.999Z"))).isTrue();
        assertThat(REGULAR.contains(Instant.parse("2024-06-03T20:00:00Z"))).isFalse();
    }

    @Test
    void aWindowMustEndAfterItStartsAndCannotBeClosed() {
        assertThatThrownBy(() -> window(MarketSession.REGULAR, "2024-06-03T20:00:00Z", "2024-06-03T20:00:00Z"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must end after it starts");
        assertThatThrownBy(() -> window(MarketSession.CLOSED, "2024-06-03T13:30:00Z", "2024-06-03T20:00:00Z"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CLOSED");
    }

    @Test
    void aTradingDayNeedsARegularSession() {
        assertThatThrownBy(() -> TradingDay.full(DATE, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("regular session");
        assertThatThrownBy(() -> TradingDay.full(DATE, List.of(AFTER_HOURS)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("regular session");
    }

    @Test
    void aDayWithoutTradingHasNoWindows() {
        assertThatThrownBy(() -> new TradingDay(DATE, DayKind.HOLIDAY, Optional.of("Some Day"), List.of(REGULAR)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TradingDay(DATE, DayKind.WEEKEND, Optional.empty(), List.of(AFTER_HOURS)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no session windows");
    }

    @Test
    void holidaysAndEarlyClosesAreNamedAndOtherDaysAreNot() {
        assertThatThrownBy(() -> new TradingDay(DATE, DayKind.HOLIDAY, Optional.empty(), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be named");
        assertThatThrownBy(() -> new TradingDay(DATE, DayKind.EARLY_CLOSE, Optional.empty(), List.of(REGULAR)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be named");
        assertThatThrownBy(() -> new TradingDay(DATE, DayKind.FULL, Optional.of("Some Day"), List.of(REGULAR)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not be named");
    }

    @Test
    void windowsMustBeInOrderWithoutOverlap() {
        assertThatThrownBy(() -> TradingDay.full(DATE, List.of(AFTER_HOURS, REGULAR)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("out of order");
        SessionWindow overlapping = window(MarketSession.AFTER_HOURS, "2024-06-03T19:00:00Z", "2024-06-03T21:00:00Z");
        assertThatThrownBy(() -> TradingDay.full(DATE, List.of(REGULAR, overlapping)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("overlap");
        assertThat(TradingDay.full(DATE, List.of(REGULAR, AFTER_HOURS)).windows()).hasSize(2);
    }

    @Test
    void opensAndClosesWithItsRegularSession() {
        TradingDay day = TradingDay.earlyClose(DATE, "Some Day", List.of(REGULAR, AFTER_HOURS));
        assertThat(day.open()).contains(REGULAR.start());
        assertThat(day.close()).contains(REGULAR.end());
        assertThat(TradingDay.holiday(DATE, "Some Day").open()).isEmpty();
    }
}

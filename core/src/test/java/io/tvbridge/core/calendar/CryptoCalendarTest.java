package io.tvbridge.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CryptoCalendarTest {

    private final MarketCalendar calendar = new CryptoCalendar();

    @ParameterizedTest
    @ValueSource(strings = {
            "2024-06-15T12:00:00Z",   // a Saturday
            "2024-06-16T23:59:59Z",   // a Sunday night
            "2024-12-25T00:00:00Z",   // Christmas
            "2025-01-01T00:00:00Z",
            "2024-03-10T07:00:00Z",   // when New York moves its clocks
            "2024-06-10T13:29:59Z"})  // before the stock market opens
    void isAlwaysOpen(Instant at) {
        assertThat(calendar.session(at)).isEqualTo(MarketSession.REGULAR);
        assertThat(calendar.isOpen(at, false)).isTrue();
        assertThat(calendar.isOpen(at, true)).isTrue();
        assertThat(calendar.nextOpen(at, false)).isEqualTo(at);
        assertThat(calendar.nextClose(at, true)).isEmpty();
    }

    @Test
    void itsDaysAreWholeUtcDays() {
        TradingDay christmas = calendar.tradingDay(LocalDate.of(2024, 12, 25));
        assertThat(calendar.zone()).isEqualTo(ZoneOffset.UTC);
        assertThat(christmas.kind()).isEqualTo(DayKind.FULL);
        assertThat(christmas.open()).contains(Instant.parse("2024-12-25T00:00:00Z"));
        assertThat(christmas.close()).contains(Instant.parse("2024-12-26T00:00:00Z"));
    }
}

package io.tvbridge.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TimeRangeTest {

    @Test
    void datesAreWholeUtcDaysAndTheLastDayIsIncluded() {
        TimeRange year = TimeRange.parse(Optional.of("2025-01-01"), Optional.of("2025-12-31"));
        assertThat(year.from()).contains(Instant.parse("2025-01-01T00:00:00Z"));
        assertThat(year.to()).contains(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(year.contains(Instant.parse("2025-12-31T23:59:59.999Z"))).isTrue();
        assertThat(year.contains(Instant.parse("2026-01-01T00:00:00Z"))).isFalse();
        assertThat(year.contains(Instant.parse("2024-12-31T23:59:59.999Z"))).isFalse();
    }

    @Test
    void instantsAreExactAndEitherSideMayBeOpen() {
        TimeRange since = TimeRange.parse(Optional.of("2025-06-01T13:30:00Z"), Optional.empty());
        assertThat(since.contains(Instant.parse("2025-06-01T13:30:00Z"))).isTrue();
        assertThat(since.contains(Instant.parse("2025-06-01T13:29:59Z"))).isFalse();
        assertThat(since.contains(Instant.parse("2999-01-01T00:00:00Z"))).isTrue();
        TimeRange until = TimeRange.parse(Optional.empty(), Optional.of("2025-06-01T13:30:00Z"));
        assertThat(until.contains(Instant.parse("2025-06-01T13:30:00Z"))).isFalse();
        assertThat(TimeRange.ALL.contains(Instant.EPOCH)).isTrue();
    }

    @Test
    void badBoundsAreRefusedWithTheOptionsName() {
        assertThatThrownBy(() -> TimeRange.parse(Optional.of("last year"), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--from must be a date (2025-01-31) or a UTC time (2025-01-31T14:30:00Z), not 'last year'");
        assertThatThrownBy(() -> TimeRange.parse(Optional.empty(), Optional.of("2025-13-01")))
                .hasMessageStartingWith("--to must be a date");
        assertThatThrownBy(() -> TimeRange.parse(Optional.of("2025-02-01"), Optional.of("2025-01-01")))
                .hasMessageContaining("ends").hasMessageContaining("before it starts");
    }
}

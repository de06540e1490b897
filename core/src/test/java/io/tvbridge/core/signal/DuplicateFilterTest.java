package io.tvbridge.core.signal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tvbridge.core.store.SignalKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DuplicateFilterTest {
    private static final Instant T0 = Instant.parse("2026-12-07T15:00:00Z");
    private final DuplicateFilter filter = new DuplicateFilter(Duration.ofSeconds(60));

    @Test
    void anAlertIdIsRecognisedForever() {
        filter.remember(Optional.of("abc"), "h1", 7, T0);
        assertThat(filter.byAlertId("abc")).contains(new DuplicateFilter.Earlier(7, T0));
        assertThat(filter.byAlertId("abd")).isEmpty();
        filter.byBody("other", T0.plus(Duration.ofDays(30)));   // the window moves on
        assertThat(filter.byAlertId("abc")).isPresent();
    }

    @Test
    void aBodyIsRecognisedOnlyInsideTheWindow() {
        filter.remember(Optional.empty(), "h1", 1, T0);
        assertThat(filter.byBody("h1", T0.plusSeconds(60))).contains(new DuplicateFilter.Earlier(1, T0));
        assertThat(filter.byBody("h2", T0.plusSeconds(10))).isEmpty();
        assertThat(filter.byBody("h1", T0.plusSeconds(61))).isEmpty();
    }

    @Test
    void theLatestOfIdenticalBodiesIsTheOneRepeated() {
        filter.remember(Optional.empty(), "h1", 1, T0);
        filter.remember(Optional.empty(), "h1", 2, T0.plusSeconds(50));
        assertThat(filter.byBody("h1", T0.plusSeconds(70))).contains(new DuplicateFilter.Earlier(2, T0.plusSeconds(50)));
    }

    @Test
    void aZeroWindowTakesNoBodyAsARepeat() {
        DuplicateFilter off = new DuplicateFilter(Duration.ZERO);
        off.remember(Optional.empty(), "h1", 1, T0);
        assertThat(off.byBody("h1", T0)).isEmpty();
    }

    @Test
    void loadingReplacesWhatWasKnown() {
        filter.remember(Optional.of("gone"), "h0", 1, T0);
        filter.load(List.of(new SignalKey(5, Optional.of("kept"), "h5", T0), new SignalKey(6, Optional.empty(), "h6",
                T0.plusSeconds(1))));
        assertThat(filter.byAlertId("gone")).isEmpty();
        assertThat(filter.byAlertId("kept")).contains(new DuplicateFilter.Earlier(5, T0));
        assertThat(filter.byBody("h6", T0.plusSeconds(2))).contains(new DuplicateFilter.Earlier(6, T0.plusSeconds(1)));
        assertThat(filter.bodiesSince(T0)).isEqualTo(T0.minusSeconds(60));
    }
}

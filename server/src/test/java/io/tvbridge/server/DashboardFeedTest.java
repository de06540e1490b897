package io.tvbridge.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.tvbridge.server.DashboardFeed.Topic;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The dashboard's feed: every topic first, then only what changed, failures in place, and an end. */
@Timeout(30)
class DashboardFeedTest {
    private static final Duration PATIENCE = Duration.ofSeconds(5);

    private final AtomicReference<Object> status = new AtomicReference<>(Map.of("kill", false));
    private final AtomicReference<Object> signals = new AtomicReference<>(List.of(1));

    @Test
    void aListenerGetsEveryTopicFirstAndThenOnlyWhatChanged() throws InterruptedException {
        try (DashboardFeed feed = new DashboardFeed(List.of(Topic.of("status", status::get),
                Topic.of("signals", signals::get)));
             DashboardFeed.Listener listener = feed.listen()) {
            assertThat(listener.next(PATIENCE)).contains(Map.of("status", "{\"kill\":false}", "signals", "[1]"));

            signals.set(List.of(2, 1));

            assertThat(listener.next(PATIENCE)).contains(Map.of("signals", "[2,1]"));
        }
    }

    @Test
    void nothingNewIsAnEmptyAnswerSoThatTheStreamCanSayItIsStillThere() throws InterruptedException {
        try (DashboardFeed feed = new DashboardFeed(List.of(Topic.of("status", status::get)));
             DashboardFeed.Listener listener = feed.listen()) {
            listener.next(PATIENCE);

            assertThat(listener.next(Duration.ofMillis(1500))).contains(Map.of());
        }
    }

    @Test
    void aListenerThatJoinsLaterGetsTheCurrentStateOfEveryTopic() throws InterruptedException {
        try (DashboardFeed feed = new DashboardFeed(List.of(Topic.of("status", status::get)));
             DashboardFeed.Listener first = feed.listen()) {
            first.next(PATIENCE);
            status.set(Map.of("kill", true));
            first.next(PATIENCE);

            try (DashboardFeed.Listener second = feed.listen()) {
                assertThat(second.next(PATIENCE)).contains(Map.of("status", "{\"kill\":true}"));
            }
        }
    }

    @Test
    void aTopicThatCannotBeReadIsSentAsItsErrorAndTheOthersStillCome() throws InterruptedException {
        Topic broken = Topic.of("positions", () -> {
            throw new IllegalStateException("the paper broker's positions could not be read: unreachable");
        });
        try (DashboardFeed feed = new DashboardFeed(List.of(broken, Topic.of("signals", signals::get)));
             DashboardFeed.Listener listener = feed.listen()) {
            assertThat(listener.next(PATIENCE)).contains(Map.of(
                    "positions", "{\"error\":\"the paper broker's positions could not be read: unreachable\"}",
                    "signals", "[1]"));
        }
    }

    @Test
    void theContentIsReadOnlyWhenItsFingerprintChanged() throws InterruptedException {
        AtomicInteger total = new AtomicInteger(1);
        AtomicInteger contentReads = new AtomicInteger();
        Topic trades = new Topic("trades", 1, total::get, () -> {
            contentReads.incrementAndGet();
            return Map.of("total", total.get(), "items", List.of("many"));
        });
        try (DashboardFeed feed = new DashboardFeed(List.of(trades, Topic.of("status", status::get)));
             DashboardFeed.Listener listener = feed.listen()) {
            assertThat(listener.next(PATIENCE)).hasValueSatisfying(first ->
                    assertThat(first.get("trades")).contains("\"total\":1"));
            status.set(Map.of("kill", true));
            assertThat(listener.next(PATIENCE)).contains(Map.of("status", "{\"kill\":true}"));
            assertThat(contentReads).hasValue(1);

            total.set(2);

            assertThat(listener.next(PATIENCE)).hasValueSatisfying(next ->
                    assertThat(next.get("trades")).contains("\"total\":2"));
            assertThat(contentReads).hasValue(2);
        }
    }

    @Test
    void closingTheFeedEndsEveryListener() throws InterruptedException {
        DashboardFeed feed = new DashboardFeed(List.of(Topic.of("status", status::get)));
        try (DashboardFeed.Listener listener = feed.listen()) {
            listener.next(PATIENCE);

            feed.close();

            assertThat(listener.next(PATIENCE)).isEqualTo(Optional.empty());
        }
    }
}

package io.tvbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tvbridge.broker.spi.tck.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trading day's jobs in the running daemon, each triggered by moving its clock: listed in
 * {@code /admin/status} with their next run, the pending queue released at the open, the daily
 * report after the close and the health check's failure and recovery, all told on Telegram.
 */
@Timeout(120)
class ScheduledJobsTest {
    private static final Instant SATURDAY = Instant.parse("2026-11-21T15:00:00Z");
    private static final Instant MONDAY_OPEN = Instant.parse("2026-11-23T14:30:00Z");
    /** 16:15 in New York (EST) on Monday 23 November. */
    private static final Instant MONDAY_REPORT = Instant.parse("2026-11-23T21:15:00Z");

    @TempDir
    Path folder;
    private final FakeTelegram telegram = new FakeTelegram();
    private final MutableClock clock = new MutableClock(SATURDAY);

    @AfterEach
    void stop() {
        telegram.close();
    }

    private static JsonNode job(TestDaemon tv, String name) {
        JsonNode jobs = tv.admin(200, "GET", "/admin/status", null).get("jobs");
        return StreamSupport.stream(jobs.spliterator(), false).filter(j -> j.get("name").asText().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no job " + name + " in " + jobs));
    }

    @Test
    void theDaysJobsRunAtTheirTimesAndSayWhatTheyDid() {
        Map<String, String> environment = new HashMap<>(telegram.environment());
        environment.put("MARKET_HOURS", "exchange");
        try (TestDaemon tv = TestDaemon.start(folder, environment, clock)) {
            assertThat(job(tv, "daily-report").get("next_run").asText()).isEqualTo(MONDAY_REPORT.toString());
            assertThat(job(tv, "daily-report").get("schedule").asText())
                    .isEqualTo("trading days (US equities (NYSE, Nasdaq)) at 16:15 America/New_York");
            assertThat(job(tv, "broker-health").get("next_run").asText())
                    .isEqualTo(SATURDAY.plusSeconds(60).toString());
            assertThat(job(tv, "pending-release").has("next_run")).as("nothing waits yet").isFalse();
            assertThat(job(tv, "reconciliation").get("next_run").asText())
                    .isEqualTo(SATURDAY.plusSeconds(300).toString());

            // the pending queue, released at the open
            JsonNode queued = tv.signal("\"symbol\":\"AAPL\",\"action\":\"buy\",\"quantity\":5,\"price\":100");
            assertThat(queued.get("decision").asText()).isEqualTo("queued");
            assertThat(job(tv, "pending-release").get("next_run").asText()).isEqualTo(MONDAY_OPEN.toString());
            assertThat(telegram.command("/queue")).contains("1 signal(s) waiting").contains("AAPL");

            clock.set(MONDAY_OPEN);
            tv.daemon.jobs().runDue();
            telegram.awaitSent(FakeTelegram.CHAT, t -> t.contains("Market open: 1 signal(s) released")
                    && t.contains("signal " + queued.get("signal_id").asLong() + " AAPL: accepted"), "the release");
            tv.settle();
            assertThat(tv.count("select count(*) from orders where status = 'FILLED'")).isOne();
            assertThat(job(tv, "pending-release").has("next_run")).isFalse();

            // the daily report after the close
            clock.set(MONDAY_REPORT);
            tv.daemon.jobs().runDue();
            FakeTelegram.Sent report = telegram.awaitSent(FakeTelegram.CHAT,
                    t -> t.contains("Daily report 2026-11-23"), "the daily report");
            assertThat(report.text()).contains("Fills: 1").contains("Signals:").contains("Rejections: 0")
                    .contains("Limits used:").contains("AAPL 5");
            JsonNode daily = job(tv, "daily-report");
            assertThat(daily.get("last_outcome").asText()).isEqualTo("sent the report of 2026-11-23: 1 fill(s)");
            assertThat(daily.get("next_run").asText()).isEqualTo(MONDAY_REPORT.plus(Duration.ofDays(1)).toString());

            // the broker health check: a failure, then the recovery, each said once
            tv.paper().setReachable(false);
            clock.advance(Duration.ofSeconds(61));
            tv.daemon.jobs().runDue();
            telegram.awaitSent(FakeTelegram.CHAT, t -> t.contains("Health check failed: paper not connected"),
                    "the failure");
            clock.advance(Duration.ofSeconds(61));
            tv.daemon.jobs().runDue();
            tv.paper().setReachable(true);
            clock.advance(Duration.ofSeconds(61));
            tv.daemon.jobs().runDue();
            telegram.awaitSent(FakeTelegram.CHAT, t -> t.contains("Health check: healthy again after 2 min"),
                    "the recovery");
            assertThat(job(tv, "broker-health").get("last_outcome").asText()).isEqualTo("healthy again");
            assertThat(telegram.sent().stream().filter(s -> s.text().contains("Health check failed")).count())
                    .isOne();

            // the report follows the exchange's time zone when it changes
            tv.set(Map.of("exchange_timezone", "Europe/London"));
            assertThat(job(tv, "daily-report").get("schedule").asText()).endsWith("at 16:15 Europe/London");
        }
    }
}

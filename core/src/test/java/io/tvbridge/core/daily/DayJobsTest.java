package io.tvbridge.core.daily;

import io.tvbridge.core.jobs.JobScheduler;
import io.tvbridge.core.jobs.JobStatus;
import io.tvbridge.core.jobs.JobsConfig;
import io.tvbridge.core.jobs.MaintenanceWindow;
import io.tvbridge.core.jobs.Schedule;
import static org.assertj.core.api.Assertions.assertThat;

import io.tvbridge.broker.spi.model.BrokerHealth;
import io.tvbridge.broker.spi.tck.MutableClock;
import io.tvbridge.core.calendar.MarketCalendars;
import io.tvbridge.core.config.ConfigValues;
import io.tvbridge.core.health.HealthReport;
import io.tvbridge.core.health.Instance;
import io.tvbridge.core.notify.Notice;
import io.tvbridge.core.notify.RecordingNotifier;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** IB's session cycle and the health check, driven by a clock the test moves. */
class DayJobsTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-05T15:00:00Z"));   // a Thursday
    private final JobScheduler scheduler = new JobScheduler(clock);
    private final RecordingNotifier notifier = new RecordingNotifier();

    private static JobsConfig config(Map<String, String> values, String broker) {
        return JobsConfig.from(ConfigValues.layered(values), broker);
    }

    @Test
    void theReauthenticationReminderComesItsLeadBeforeIbEndsTheSessions() {
        JobsConfig config = config(Map.of("IB_REAUTH_AT", "SUN-01:00", "IB_REAUTH_REMINDER_MINUTES", "120"), "ibkr");
        new DayJobs(scheduler, config, notifier, clock).reauthReminder();

        // Sunday 01:00 New York less two hours is Saturday 23:00 EST, 04:00 UTC on Sunday
        Instant due = Instant.parse("2026-03-08T04:00:00Z");
        JobStatus status = scheduler.job(DayJobs.REAUTH_REMINDER).orElseThrow();
        assertThat(status.nextRun()).contains(due);
        assertThat(status.schedule()).isEqualTo("weekly on Saturday at 23:00 America/New_York");

        clock.set(due.minusSeconds(1));
        scheduler.runDue();
        assertThat(notifier.notices()).isEmpty();
        clock.set(due);
        scheduler.runDue();

        assertThat(notifier.kinds()).containsExactly(Notice.Kind.REAUTH_REMINDER);
        assertThat(notifier.notices().get(0).text()).contains("Sun 01:00 New York time").contains("log in");
        // a week later New York keeps daylight saving time: 23:00 is then 03:00 UTC
        assertThat(scheduler.job(DayJobs.REAUTH_REMINDER).orElseThrow().nextRun())
                .contains(Instant.parse("2026-03-15T03:00:00Z"));
    }

    @Test
    void otherBrokersGetNoReminderAndNoMaintenanceWindow() {
        JobsConfig config = config(Map.of(), "paper");
        new DayJobs(scheduler, config, notifier, clock).reauthReminder();

        assertThat(scheduler.jobs()).isEmpty();
        assertThat(config.nightlyReset()).isEmpty();
        assertThat(config.dailyReportTime()).isEqualTo(LocalTime.of(16, 15));
        assertThat(config(Map.of(), "ibkr").nightlyReset().orElseThrow().toString())
                .isEqualTo("IB's nightly reset 23:45-00:45 America/New_York");
    }

    @Test
    void aHealthFailureIsAnnouncedOnceAndItsRecoveryToo() {
        AtomicBoolean connected = new AtomicBoolean(true);
        DayJobs.HealthWatch watch = new DayJobs.HealthWatch(() -> report(connected.get()), Optional.empty(),
                notifier, clock);

        assertThat(watch.check()).isEqualTo("healthy");
        connected.set(false);
        watch.check();
        clock.advance(Duration.ofMinutes(3));
        assertThat(watch.check()).startsWith("failing since 2026-03-05T15:00:00Z");
        connected.set(true);
        assertThat(watch.check()).isEqualTo("healthy again");

        assertThat(notifier.kinds()).containsExactly(Notice.Kind.HEALTH_FAILED, Notice.Kind.HEALTH_RECOVERED);
        assertThat(notifier.notices().get(0).text()).isEqualTo("Health check failed: ibkr not connected: socket closed");
        assertThat(notifier.notices().get(1).text()).contains("healthy again after 3 min");
    }

    @Test
    void aFailureInsideTheNightlyResetIsQuietUntilItOutlastsTheWindow() {
        MaintenanceWindow reset = MaintenanceWindow.parse("IB's nightly reset", "23:45-00:45", JobsConfig.NEW_YORK);
        AtomicReference<Boolean> connected = new AtomicReference<>(false);
        clock.set(Instant.parse("2026-03-06T04:50:00Z"));   // 23:50 in New York
        DayJobs.HealthWatch watch = new DayJobs.HealthWatch(() -> report(connected.get()), Optional.of(reset),
                notifier, clock);

        assertThat(watch.check()).startsWith("failing inside IB's nightly reset");
        clock.set(Instant.parse("2026-03-06T05:40:00Z"));   // 00:40, still inside
        watch.check();
        assertThat(notifier.notices()).isEmpty();

        clock.set(Instant.parse("2026-03-06T05:46:00Z"));   // 00:46: the window is over and the broker still down
        watch.check();
        assertThat(notifier.kinds()).containsExactly(Notice.Kind.HEALTH_FAILED);
        assertThat(notifier.notices().get(0).text()).startsWith("ALARM: still failing after IB's nightly reset");

        connected.set(true);
        watch.check();
        assertThat(notifier.kinds()).containsExactly(Notice.Kind.HEALTH_FAILED, Notice.Kind.HEALTH_RECOVERED);
    }

    @Test
    void aResetThatEndsInsideItsWindowSaysNothing() {
        MaintenanceWindow reset = MaintenanceWindow.parse("IB's nightly reset", "23:45-00:45", JobsConfig.NEW_YORK);
        AtomicBoolean connected = new AtomicBoolean(false);
        clock.set(Instant.parse("2026-03-06T04:50:00Z"));
        DayJobs.HealthWatch watch = new DayJobs.HealthWatch(() -> report(connected.get()), Optional.of(reset),
                notifier, clock);

        watch.check();
        connected.set(true);
        clock.advance(Duration.ofMinutes(5));
        assertThat(watch.check()).isEqualTo("healthy");
        assertThat(notifier.notices()).isEmpty();
    }

    @Test
    void weeklyAndTradingDaySchedulesSkipTheRightDays() {
        Schedule weekly = Schedule.weeklyAt(DayOfWeek.MONDAY, LocalTime.of(9, 0), JobsConfig.NEW_YORK);
        assertThat(weekly.nextAfter(Instant.parse("2026-03-05T15:00:00Z")))
                .contains(Instant.parse("2026-03-09T13:00:00Z"));   // after daylight saving began on the 8th
        Schedule afterTheClose = Schedule.tradingDaysAt(LocalTime.of(16, 15), JobsConfig.NEW_YORK,
                MarketCalendars.US_EQUITIES);
        // Good Friday 2026 is 3 April: from Thursday evening the next report is Monday's
        assertThat(afterTheClose.nextAfter(Instant.parse("2026-04-02T21:00:00Z")))
                .contains(Instant.parse("2026-04-06T20:15:00Z"));
    }

    private static HealthReport report(boolean connected) {
        BrokerHealth broker = new BrokerHealth(connected, Optional.empty(), Optional.empty(),
                connected ? "connected" : "socket closed", Map.of());
        return new HealthReport(connected ? "ok" : "degraded", "test", Duration.ZERO, "ibkr", "1", broker, true, "h2",
                "closed", Optional.empty(), false, Instance.single("test"));
    }
}

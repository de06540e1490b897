package io.tvbridge.core.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tvbridge.broker.spi.tck.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The scheduler driven by a clock the test moves: no sleeping, no background thread. */
class JobSchedulerTest {
    private static final Instant T0 = Instant.parse("2026-03-02T14:00:00Z");

    private final MutableClock clock = new MutableClock(T0);
    private final JobScheduler scheduler = new JobScheduler(clock);
    private final List<Instant> runs = new ArrayList<>();

    private Job recording(String outcome) {
        return () -> {
            runs.add(clock.instant());
            return outcome;
        };
    }

    @Test
    void anIntervalJobRunsOnceEachTimeItsIntervalHasPassed() {
        scheduler.register("reconciliation", Schedule.every(Duration.ofSeconds(60)), recording("3 positions match"));

        scheduler.runDue();
        clock.advance(Duration.ofSeconds(59));
        scheduler.runDue();
        assertThat(runs).isEmpty();

        clock.advance(Duration.ofSeconds(1));
        scheduler.runDue();
        scheduler.runDue();
        assertThat(runs).containsExactly(T0.plusSeconds(60));

        JobStatus status = scheduler.job("reconciliation").orElseThrow();
        assertThat(status.schedule()).isEqualTo("every 60 s");
        assertThat(status.lastRun()).contains(T0.plusSeconds(60));
        assertThat(status.lastSucceeded()).contains(true);
        assertThat(status.lastOutcome()).contains("3 positions match");
        assertThat(status.nextRun()).contains(T0.plusSeconds(120));
    }

    @Test
    void aJobThatThrowsKeepsItsScheduleAndShowsTheFailure() {
        scheduler.register("flaky", Schedule.every(Duration.ofSeconds(10)), () -> {
            runs.add(clock.instant());
            throw new IllegalStateException("broker unreachable");
        });

        clock.advance(Duration.ofSeconds(10));
        scheduler.runDue();
        clock.advance(Duration.ofSeconds(10));
        scheduler.runDue();

        assertThat(runs).containsExactly(T0.plusSeconds(10), T0.plusSeconds(20));
        JobStatus status = scheduler.jobs().get(0);
        assertThat(status.lastSucceeded()).contains(false);
        assertThat(status.lastOutcome()).contains("failed: broker unreachable");
        assertThat(status.nextRun()).contains(T0.plusSeconds(30));
    }

    @Test
    void aLongPauseIsNotCaughtUpWithABurstOfRuns() {
        scheduler.register("report", Schedule.every(Duration.ofSeconds(60)), recording("sent"));

        clock.advance(Duration.ofHours(1));
        scheduler.runDue();
        scheduler.runDue();

        assertThat(runs).hasSize(1);
        assertThat(scheduler.jobs().get(0).nextRun()).contains(T0.plus(Duration.ofHours(1)).plusSeconds(60));
    }

    @Test
    void aDailyJobRunsAtItsWallClockTime() {
        ZoneId newYork = ZoneId.of("America/New_York");
        scheduler.register("daily-report", Schedule.dailyAt(LocalTime.of(17, 0), newYork), recording("sent"));

        Instant fivePm = Instant.parse("2026-03-02T22:00:00Z");   // 17:00 in New York (EST)
        assertThat(scheduler.jobs().get(0).nextRun()).contains(fivePm);
        clock.set(fivePm);
        scheduler.runDue();

        assertThat(runs).containsExactly(fivePm);
        // daylight saving starts on 8 March: 17:00 is then 21:00 UTC
        assertThat(Schedule.dailyAt(LocalTime.of(17, 0), newYork).nextAfter(Instant.parse("2026-03-09T12:00:00Z")))
                .contains(Instant.parse("2026-03-09T21:00:00Z"));
        assertThat(scheduler.jobs().get(0).schedule()).isEqualTo("daily at 17:00 America/New_York");
    }

    @Test
    void aRescheduledJobRunsOnItsNewScheduleAndAZeroIntervalMeansOnRequestOnly() {
        scheduler.register("reconciliation", Schedule.every(Duration.ofSeconds(300)), recording("ok"));

        clock.advance(Duration.ofSeconds(100));
        scheduler.reschedule("reconciliation", Schedule.every(Duration.ofSeconds(30)));
        assertThat(scheduler.jobs().get(0).nextRun()).contains(T0.plusSeconds(130));

        scheduler.reschedule("reconciliation", Schedule.every(Duration.ZERO));
        clock.advance(Duration.ofDays(1));
        scheduler.runDue();
        assertThat(runs).isEmpty();
        assertThat(scheduler.jobs().get(0).nextRun()).isEqualTo(Optional.empty());
        assertThat(scheduler.jobs().get(0).schedule()).isEqualTo("on request only");
    }

    @Test
    void namesAreUnique() {
        scheduler.register("backup", Schedule.onRequest(), recording("ok"));
        assertThatThrownBy(() -> scheduler.register("backup", Schedule.onRequest(), recording("ok")))
                .hasMessage("a job named 'backup' is registered already");
        assertThatThrownBy(() -> scheduler.reschedule("nothing", Schedule.onRequest()))
                .hasMessage("no job named 'nothing'");
    }
}

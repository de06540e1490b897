package io.tvbridge.core.daily;

import io.tvbridge.core.calendar.MarketCalendars;
import io.tvbridge.core.health.HealthReport;
import io.tvbridge.core.health.HealthService;
import io.tvbridge.core.jobs.JobScheduler;
import io.tvbridge.core.jobs.JobsConfig;
import io.tvbridge.core.jobs.MaintenanceWindow;
import io.tvbridge.core.jobs.Schedule;
import io.tvbridge.core.notify.Notice;
import io.tvbridge.core.notify.Notifier;
import io.tvbridge.core.report.DailyReport;
import io.tvbridge.core.report.DailyReporter;
import io.tvbridge.core.report.ReportTexts;
import io.tvbridge.core.risk.RiskUsage;
import io.tvbridge.core.settings.RiskSettings;
import io.tvbridge.core.signal.DecisionStage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The jobs that run the trading day, each shown in {@code GET /admin/status} with its next run:
 * the pending queue released at the open, the daily report after the close (US equities' trading
 * days, exchange time), the broker health check, and for IB the reminder before its weekly
 * re-authentication.
 */
public final class DayJobs {
    public static final String PENDING_RELEASE = "pending-release";
    public static final String DAILY_REPORT = "daily-report";
    public static final String BROKER_HEALTH = "broker-health";
    public static final String REAUTH_REMINDER = "ib-reauth-reminder";
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final JobScheduler jobs;
    private final JobsConfig config;
    private final Notifier notifier;
    private final Clock clock;
    private ZoneId reportZone;

    public DayJobs(JobScheduler jobs, JobsConfig config, Notifier notifier, Clock clock) {
        this.jobs = jobs;
        this.config = config;
        this.notifier = notifier;
        this.clock = clock;
    }

    /** At the open of a market that a waiting signal is for: the signals due are decided then. */
    public void pendingRelease(DecisionStage decisions) {
        jobs.register(PENDING_RELEASE, Schedule.following("at the open of a market a waiting signal is for",
                decisions::nextRelease), () -> {
                    int left = await(decisions.releaseDue());
                    return "released what was due; " + left + " signal(s) still waiting";
                });
    }

    /** After the close of each US equities trading day, in the exchange's zone as it is at start. */
    public synchronized void dailyReport(DailyReporter reporter, Supplier<RiskSettings> settings,
                                         DecisionStage decisions) {
        reportZone = settings.get().exchangeZone();
        jobs.register(DAILY_REPORT, reportSchedule(reportZone), () -> {
                    DailyReport report = reporter.report(Optional.empty());
                    Optional<RiskUsage> usage = Optional.of(await(decisions.usage()));
                    notifier.notify(new Notice(Notice.Kind.DAILY_REPORT, ReportTexts.daily(report, settings.get(),
                            usage), clock.instant()));
                    return "sent the report of " + report.day() + ": " + report.trades() + " fill(s)";
                });
    }

    /** The daily report follows a change of the exchange's time zone. */
    public synchronized void settingsChanged(RiskSettings changed) {
        if (reportZone != null && !reportZone.equals(changed.exchangeZone())) {
            reportZone = changed.exchangeZone();
            jobs.reschedule(DAILY_REPORT, reportSchedule(reportZone));
        }
    }

    private Schedule reportSchedule(ZoneId zone) {
        return Schedule.tradingDaysAt(config.dailyReportTime(), zone, MarketCalendars.US_EQUITIES);
    }

    /** Every interval: the broker and the database, with a notice on failure and on recovery. */
    public void brokerHealth(HealthService health) {
        if (config.healthCheckInterval().isZero()) {
            return;
        }
        HealthWatch watch = new HealthWatch(health::report, config.nightlyReset(), notifier, clock);
        jobs.register(BROKER_HEALTH, Schedule.every(config.healthCheckInterval()), watch::check);
    }

    /** Before IB ends its sessions for the weekly re-authentication (New York time). */
    public void reauthReminder() {
        if (config.reauth().isEmpty()) {
            return;
        }
        JobsConfig.WeeklyTime reauth = config.reauth().get();
        // any week will do to find the weekday and time that lie the reminder's lead before it
        LocalDateTime sample = LocalDate.of(2026, 1, 5).with(TemporalAdjusters.nextOrSame(reauth.day()))
                .atTime(reauth.time()).minus(config.reauthReminder());
        jobs.register(REAUTH_REMINDER, Schedule.weeklyAt(sample.getDayOfWeek(), sample.toLocalTime(),
                JobsConfig.NEW_YORK), () -> {
                    Instant at = clock.instant();
                    ZonedDateTime ends = at.atZone(JobsConfig.NEW_YORK).plus(config.reauthReminder());
                    notifier.notify(new Notice(Notice.Kind.REAUTH_REMINDER, "IB ends its sessions at " + reauth
                            + " New York time (" + ends.toInstant() + ") for the weekly re-authentication: log in to"
                            + " IB Gateway/TWS again afterwards (with two-factor), or tvbridge cannot trade", at));
                    return "reminded of the re-authentication at " + reauth + " New York time";
                });
    }

    private static <T> T await(CompletableFuture<T> future) throws Exception {
        try {
            return future.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } catch (TimeoutException e) {
            throw new IllegalStateException("the decision stage did not answer within " + WAIT.toSeconds() + " s", e);
        }
    }

    /** The health check's memory: whether a failure is under way and how loudly it was announced. */
    static final class HealthWatch {
        private final Supplier<HealthReport> health;
        private final Optional<MaintenanceWindow> maintenance;
        private final Notifier notifier;
        private final Clock clock;
        private Optional<Instant> failingSince = Optional.empty();
        private boolean announced;

        HealthWatch(Supplier<HealthReport> health, Optional<MaintenanceWindow> maintenance, Notifier notifier,
                    Clock clock) {
            this.health = health;
            this.maintenance = maintenance;
            this.notifier = notifier;
            this.clock = clock;
        }

        String check() {
            HealthReport report = health.get();
            Instant now = clock.instant();
            if ("ok".equals(report.status())) {
                String outcome = "healthy";
                if (failingSince.isPresent() && announced) {
                    notifier.notify(new Notice(Notice.Kind.HEALTH_RECOVERED, "Health check: healthy again after "
                            + minutes(failingSince.get(), now) + " (" + report.broker().summary() + ")", now));
                    outcome = "healthy again";
                }
                failingSince = Optional.empty();
                announced = false;
                return outcome;
            }
            Instant since = failingSince.orElse(now);
            failingSince = Optional.of(since);
            String problem = problem(report);
            Optional<Instant> windowEnd = maintenance.flatMap(w -> w.endOfWindowAround(since));
            if (windowEnd.isPresent() && now.isBefore(windowEnd.get())) {
                return "failing inside " + maintenance.get() + ", as expected: " + problem;
            }
            if (!announced) {
                announced = true;
                notifier.notify(new Notice(Notice.Kind.HEALTH_FAILED, windowEnd.isPresent()
                        ? "ALARM: still failing after " + maintenance.get() + " ended (since " + since + "): " + problem
                        : "Health check failed: " + problem, now));
            }
            return "failing since " + since + ": " + problem;
        }

        private static String problem(HealthReport report) {
            String broker = report.brokerName() + (report.broker().connected() ? " connected" : " not connected")
                    + ": " + report.broker().summary();
            return report.databaseOk() ? broker : broker + "; the database does not answer";
        }

        private static String minutes(Instant from, Instant to) {
            return Duration.between(from, to).toMinutes() + " min";
        }
    }
}

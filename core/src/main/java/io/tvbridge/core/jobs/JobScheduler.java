package io.tvbridge.core.jobs;

import io.tvbridge.core.concurrent.Timers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs named jobs on their schedules, one at a time on one thread of its own. Time comes from
 * the injected {@link Clock}: the thread only looks every tick whether a job's next run has come
 * ({@link #runDue()}), so a test moves its clock and calls {@code runDue()} instead of waiting.
 * A job that throws is logged, its failure is shown in its status, and it keeps its schedule.
 */
public final class JobScheduler implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(JobScheduler.class);

    private static final class Entry {
        final String name;
        final Job job;
        Schedule schedule;
        Optional<Instant> nextRun;
        Optional<Instant> lastRun = Optional.empty();
        Optional<Boolean> lastSucceeded = Optional.empty();
        Optional<String> lastOutcome = Optional.empty();

        Entry(String name, Job job, Schedule schedule, Instant now) {
            this.name = name;
            this.job = job;
            this.schedule = schedule;
            this.nextRun = schedule.nextAfter(now);
        }

        /** A moving schedule is asked again: what it follows may have moved since the last look. */
        void refresh(Instant now) {
            if (schedule.moves()) {
                nextRun = schedule.nextAfter(now);
            }
        }

        JobStatus status() {
            return new JobStatus(name, schedule.describe(), lastRun, lastSucceeded, lastOutcome, nextRun);
        }
    }

    private final Clock clock;
    private final Map<String, Entry> jobs = new LinkedHashMap<>();
    private final Object running = new Object();
    /** How long closing waits for a job that is running. */
    private static final Duration RUNNING_JOB_WAIT = Duration.ofSeconds(30);
    private final ScheduledExecutorService ticker = Timers.single("tvbridge-jobs");

    public JobScheduler(Clock clock) {
        this.clock = clock;
    }

    /** Starts looking for due jobs every {@code tick}. */
    public JobScheduler start(Duration tick) {
        ticker.scheduleWithFixedDelay(this::runDue, tick.toMillis(), tick.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** Adds a job; its first run is one schedule step from now. */
    public synchronized void register(String name, Schedule schedule, Job job) {
        Objects.requireNonNull(job, "job");
        if (jobs.containsKey(name)) {
            throw new IllegalArgumentException("a job named '" + name + "' is registered already");
        }
        jobs.put(name, new Entry(name, job, Objects.requireNonNull(schedule, "schedule"), clock.instant()));
    }

    /** Gives a job a new schedule (its settings changed); its next run is one step of it from now. */
    public synchronized void reschedule(String name, Schedule schedule) {
        Entry entry = entry(name);
        entry.schedule = Objects.requireNonNull(schedule, "schedule");
        entry.nextRun = schedule.nextAfter(clock.instant());
    }

    /**
     * Runs every job whose next run has come, one after the other, on the caller's thread. One
     * caller at a time (the ticker, or a test that moved its clock), so no run is done twice.
     */
    public void runDue() {
        synchronized (running) {
            for (Entry entry : due(clock.instant())) {
                run(entry);
            }
        }
    }

    private synchronized List<Entry> due(Instant now) {
        List<Entry> due = new ArrayList<>();
        for (Entry entry : jobs.values()) {
            entry.refresh(now);
            if (entry.nextRun.isPresent() && !entry.nextRun.get().isAfter(now)) {
                due.add(entry);
            }
        }
        return due;
    }

    private void run(Entry entry) {
        Instant started = clock.instant();
        boolean succeeded;
        String outcome;
        try {
            outcome = entry.job.run();
            succeeded = true;
        } catch (Exception e) {
            log.error("job {} failed; it runs again at its next time", entry.name, e);
            outcome = "failed: " + e.getMessage();
            succeeded = false;
        }
        synchronized (this) {
            entry.lastRun = Optional.of(started);
            entry.lastSucceeded = Optional.of(succeeded);
            entry.lastOutcome = Optional.ofNullable(outcome);
            // counted from the start of this run, so runs keep their rhythm; a run longer than a
            // step is not caught up with a burst of runs
            Instant now = clock.instant();
            Optional<Instant> next = entry.schedule.nextAfter(started);
            entry.nextRun = next.isPresent() && next.get().isBefore(now) ? entry.schedule.nextAfter(now) : next;
        }
    }

    /** Every job with its schedule, last and next run, in the order they were registered. */
    public synchronized List<JobStatus> jobs() {
        Instant now = clock.instant();
        jobs.values().forEach(entry -> entry.refresh(now));
        return jobs.values().stream().map(Entry::status).toList();
    }

    public synchronized Optional<JobStatus> job(String name) {
        Optional<Entry> entry = Optional.ofNullable(jobs.get(name));
        entry.ifPresent(e -> e.refresh(clock.instant()));
        return entry.map(Entry::status);
    }

    private Entry entry(String name) {
        Entry entry = jobs.get(name);
        if (entry == null) {
            throw new IllegalArgumentException("no job named '" + name + "'");
        }
        return entry;
    }

    /**
     * Runs no more jobs and waits (up to {@link #RUNNING_JOB_WAIT}) for one that is running: what
     * closes after the scheduler (the database) must not close under a backup or a reconciliation.
     */
    @Override
    public void close() {
        ticker.shutdown();
        try {
            if (!ticker.awaitTermination(RUNNING_JOB_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("a scheduled job still runs after {} s; stopping without it", RUNNING_JOB_WAIT.toSeconds());
                ticker.shutdownNow();
            }
        } catch (InterruptedException e) {
            ticker.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}

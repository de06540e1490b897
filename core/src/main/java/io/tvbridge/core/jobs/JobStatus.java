package io.tvbridge.core.jobs;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a job stands: its schedule, its last run and how that went, and its next run
 * (empty when it runs only on request).
 */
public record JobStatus(String name, String schedule, Optional<Instant> lastRun, Optional<Boolean> lastSucceeded,
                        Optional<String> lastOutcome, Optional<Instant> nextRun) {
    public JobStatus {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(lastRun, "lastRun");
        Objects.requireNonNull(lastSucceeded, "lastSucceeded");
        Objects.requireNonNull(lastOutcome, "lastOutcome");
        Objects.requireNonNull(nextRun, "nextRun");
    }
}

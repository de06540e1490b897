package io.tvbridge.core.jobs;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;

/** When a job runs: every so often, once a day at a time of day, or only when asked. */
public sealed interface Schedule {

    /** The next run after {@code after}; empty when the job never runs by itself. */
    Optional<Instant> nextAfter(Instant after);

    /** For people: {@code every 300 s}, {@code daily at 17:00 America/New_York}. */
    String describe();

    /** Every {@code interval}; a zero interval means only on request. */
    static Schedule every(Duration interval) {
        return interval.isZero() ? new OnRequest() : new Every(interval);
    }

    static Schedule dailyAt(LocalTime time, ZoneId zone) {
        return new Daily(time, zone);
    }

    static Schedule onRequest() {
        return new OnRequest();
    }

    /** A fixed pause between two runs. */
    record Every(Duration interval) implements Schedule {
        public Every {
            Objects.requireNonNull(interval, "interval");
            if (interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("an interval must be positive: " + interval);
            }
        }

        @Override
        public Optional<Instant> nextAfter(Instant after) {
            return Optional.of(after.plus(interval));
        }

        @Override
        public String describe() {
            return "every " + interval.toSeconds() + " s";
        }
    }

    /** Once a day at a time of day in a zone (the wall clock, so it follows daylight saving). */
    record Daily(LocalTime time, ZoneId zone) implements Schedule {
        public Daily {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(zone, "zone");
        }

        @Override
        public Optional<Instant> nextAfter(Instant after) {
            ZonedDateTime local = after.atZone(zone);
            ZonedDateTime candidate = local.toLocalDate().atTime(time).atZone(zone);
            if (!candidate.toInstant().isAfter(after)) {
                candidate = local.toLocalDate().plusDays(1).atTime(time).atZone(zone);
            }
            return Optional.of(candidate.toInstant());
        }

        @Override
        public String describe() {
            return "daily at " + time + " " + zone;
        }
    }

    /** Never by itself. */
    record OnRequest() implements Schedule {
        @Override
        public Optional<Instant> nextAfter(Instant after) {
            return Optional.empty();
        }

        @Override
        public String describe() {
            return "on request only";
        }
    }
}

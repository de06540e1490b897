package io.tvbridge.core.jobs;

import io.tvbridge.core.calendar.MarketCalendar;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * When a job runs: every so often, once a day (or a week, or each trading day) at a time of day,
 * when something it follows comes due, or only when asked.
 */
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

    /** Once a week, on {@code day} at {@code time} in {@code zone}. */
    static Schedule weeklyAt(DayOfWeek day, LocalTime time, ZoneId zone) {
        return new Weekly(day, time, zone);
    }

    /** At {@code time} in {@code zone} on each trading day of {@code calendar} (weekends and holidays skipped). */
    static Schedule tradingDaysAt(LocalTime time, ZoneId zone, MarketCalendar calendar) {
        return new TradingDays(time, zone, calendar);
    }

    /**
     * Whenever {@code next} says: it is asked again each time the scheduler looks, so the job
     * follows something that moves (the open of a market a waiting signal is for).
     */
    static Schedule following(String description, Supplier<Optional<Instant>> next) {
        return new Following(description, next);
    }

    /** The first {@code time} in {@code zone} after {@code after} on a date that {@code takes}, within {@code days}. */
    private static Instant firstAfter(Instant after, LocalTime time, ZoneId zone, int days, Predicate<LocalDate> takes) {
        LocalDate start = after.atZone(zone).toLocalDate();
        for (int day = 0; day <= days; day++) {
            LocalDate date = start.plusDays(day);
            Instant candidate = date.atTime(time).atZone(zone).toInstant();
            if (candidate.isAfter(after) && takes.test(date)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no day to run on within " + days + " days of " + after);
    }

    /** Whether the next run must be asked for again each time, because what it follows moves. */
    default boolean moves() {
        return false;
    }

    /** Once a week at a time of day in a zone. */
    record Weekly(DayOfWeek day, LocalTime time, ZoneId zone) implements Schedule {
        public Weekly {
            Objects.requireNonNull(day, "day");
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(zone, "zone");
        }

        @Override
        public Optional<Instant> nextAfter(Instant after) {
            return Optional.of(firstAfter(after, time, zone, 7, date -> date.getDayOfWeek() == day));
        }

        @Override
        public String describe() {
            return "weekly on " + day.name().charAt(0) + day.name().substring(1).toLowerCase(Locale.ROOT)
                    + " at " + time + " " + zone;
        }
    }

    /** At a time of day on each trading day of a market calendar. */
    record TradingDays(LocalTime time, ZoneId zone, MarketCalendar calendar) implements Schedule {
        private static final int DAYS_SEARCHED = 31;

        public TradingDays {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(zone, "zone");
            Objects.requireNonNull(calendar, "calendar");
        }

        @Override
        public Optional<Instant> nextAfter(Instant after) {
            return Optional.of(firstAfter(after, time, zone, DAYS_SEARCHED,
                    date -> calendar.tradingDay(date).isTradingDay()));
        }

        @Override
        public String describe() {
            return "trading days (" + calendar.name() + ") at " + time + " " + zone;
        }
    }

    /** Whenever a moving target says. */
    record Following(String description, Supplier<Optional<Instant>> next) implements Schedule {
        public Following {
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(next, "next");
        }

        @Override
        public Optional<Instant> nextAfter(Instant after) {
            return next.get();
        }

        @Override
        public boolean moves() {
            return true;
        }

        @Override
        public String describe() {
            return description;
        }
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

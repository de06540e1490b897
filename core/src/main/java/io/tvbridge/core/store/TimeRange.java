package io.tvbridge.core.store;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;

/**
 * A span of time: from its start (included) to its end (excluded); either side may be open.
 */
public record TimeRange(Optional<Instant> from, Optional<Instant> to) {
    public static final TimeRange ALL = new TimeRange(Optional.empty(), Optional.empty());

    public TimeRange {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
            throw new IllegalArgumentException("the range ends (" + to.get() + ") before it starts ("
                    + from.get() + ")");
        }
    }

    /**
     * Reads the bounds people type: a date ({@code 2025-01-31}) is a whole UTC day, so
     * {@code --from 2025-01-01 --to 2025-12-31} is the year 2025; an ISO-8601 instant
     * ({@code 2025-01-31T14:30:00Z}) is that moment.
     */
    public static TimeRange parse(Optional<String> from, Optional<String> to) {
        return new TimeRange(from.map(text -> bound(text, "from", false)), to.map(text -> bound(text, "to", true)));
    }

    public boolean contains(Instant at) {
        return from.map(start -> !at.isBefore(start)).orElse(true) && to.map(at::isBefore).orElse(true);
    }

    private static Instant bound(String text, String name, boolean end) {
        String value = text.strip();
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (end ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(value);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("--" + name + " must be a date (2025-01-31) or a UTC time"
                    + " (2025-01-31T14:30:00Z), not '" + text + "'");
        }
    }
}

package io.tvbridge.core.jobs;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * A daily window in which the broker is expected to drop the connection (IB's nightly reset,
 * 23:45-00:45 New York time by default): a disconnect inside it is no news, one that outlasts it is.
 */
public record MaintenanceWindow(String name, LocalTime start, Duration length, ZoneId zone) {
    public MaintenanceWindow {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(length, "length");
        Objects.requireNonNull(zone, "zone");
        if (length.isNegative() || length.isZero() || length.compareTo(Duration.ofDays(1)) >= 0) {
            throw new IllegalArgumentException("a maintenance window lasts more than nothing and less than a day");
        }
    }

    /** {@code 23:45-00:45}: a window that may run past midnight. */
    public static MaintenanceWindow parse(String name, String text, ZoneId zone) {
        String[] parts = text.strip().split("-");
        if (parts.length != 2) {
            throw new IllegalArgumentException("a window is two times like 23:45-00:45, not '" + text + "'");
        }
        LocalTime from = LocalTime.parse(parts[0].strip());
        LocalTime to = LocalTime.parse(parts[1].strip());
        Duration length = Duration.between(from, to);
        return new MaintenanceWindow(name, from, length.isNegative() ? length.plusDays(1) : length, zone);
    }

    /** The end of the window {@code at} falls in, or empty outside it. */
    public Optional<Instant> endOfWindowAround(Instant at) {
        ZonedDateTime local = at.atZone(zone);
        for (int daysBack = 0; daysBack <= 1; daysBack++) {
            ZonedDateTime from = local.toLocalDate().minusDays(daysBack).atTime(start).atZone(zone);
            ZonedDateTime to = from.plus(length);
            if (!local.isBefore(from) && local.isBefore(to)) {
                return Optional.of(to.toInstant());
            }
        }
        return Optional.empty();
    }

    public boolean contains(Instant at) {
        return endOfWindowAround(at).isPresent();
    }

    @Override
    public String toString() {
        return name + " " + start + "-" + start.plus(length) + " " + zone;
    }
}

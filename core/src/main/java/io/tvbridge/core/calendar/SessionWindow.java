package io.tvbridge.core.calendar;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** A stretch of time, from {@code start} inclusive to {@code end} exclusive, in which one session trades. */
public record SessionWindow(MarketSession session, Instant start, Instant end) {
    public SessionWindow {
        requireNonNull(session, "session");
        requireNonNull(start, "start");
        requireNonNull(end, "end");
        if (session == MarketSession.CLOSED) {
            throw new IllegalArgumentException("a session window is a time the market trades, not CLOSED");
        }
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("a session window must end after it starts: " + start + " to " + end);
        }
    }

    /**
     * A window given in an exchange's wall-clock time; java.time applies that day's UTC offset, so
     * daylight-saving changes need no special case (no exchange opens or closes inside a DST gap).
     */
    public static SessionWindow of(MarketSession session, LocalDateTime start, LocalDateTime end, ZoneId zone) {
        return new SessionWindow(session, start.atZone(zone).toInstant(), end.atZone(zone).toInstant());
    }

    public boolean contains(Instant at) {
        return !at.isBefore(start) && at.isBefore(end);
    }
}

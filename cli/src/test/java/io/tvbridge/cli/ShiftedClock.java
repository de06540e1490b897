package io.tvbridge.cli;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The system clock moved by an offset that a test sets: time runs on as usual, from an earlier
 * day, so that a daemon can build up some days of history in a few seconds.
 */
final class ShiftedClock extends Clock {
    private volatile Duration offset;

    ShiftedClock(Duration offset) {
        this.offset = offset;
    }

    void shift(Duration offset) {
        this.offset = offset;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a shifted clock stays in UTC");
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }
}

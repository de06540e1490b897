package io.tvbridge.core.calendar;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** Instants written as exchange wall-clock times, so test tables read like the exchanges' own schedules. */
final class ExchangeTimes {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

    private ExchangeTimes() {
    }

    /** {@code "2024-06-03T09:30"} in New York. */
    static Instant newYork(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(NEW_YORK).toInstant();
    }

    /** {@code "2024-06-03T17:00"} in Chicago. */
    static Instant chicago(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(CHICAGO).toInstant();
    }
}

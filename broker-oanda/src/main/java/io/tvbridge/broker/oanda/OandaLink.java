package io.tvbridge.broker.oanda;

import io.tvbridge.broker.spi.model.ConnectionEvent;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether OANDA answers, as the last request found it. Reports each change once: up after
 * the first good answer (or the first after failures), down after the first failure.
 */
final class OandaLink {
    private static final System.Logger log = System.getLogger(OandaLink.class.getName());

    private final OandaEvents events;
    private final Clock clock;
    private Boolean connected;
    private Instant since;
    private String lastError;

    OandaLink(OandaEvents events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    synchronized void up(String detail) {
        lastError = null;
        if (!Boolean.TRUE.equals(connected)) {
            connected = true;
            since = clock.instant();
            log.log(Level.INFO, detail);
            events.connection(ConnectionEvent.up(detail, since));
        }
    }

    synchronized void down(String detail) {
        lastError = detail;
        if (!Boolean.FALSE.equals(connected)) {
            connected = false;
            since = null;
            log.log(Level.WARNING, detail);
            events.connection(ConnectionEvent.down(detail, clock.instant()));
        }
    }

    synchronized boolean connected() {
        return Boolean.TRUE.equals(connected);
    }

    synchronized Optional<Instant> since() {
        return Optional.ofNullable(since);
    }

    synchronized Optional<String> lastError() {
        return Optional.ofNullable(lastError);
    }
}

package io.tvbridge.broker.spi.model;

import java.time.Instant;
import java.util.Objects;

/** The broker's link to its venue went up or down; {@code detail} says why, for people. */
public record ConnectionEvent(boolean connected, String detail, Instant at) {
    public ConnectionEvent {
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(at, "at");
    }

    public static ConnectionEvent up(String detail, Instant at) {
        return new ConnectionEvent(true, detail, at);
    }

    public static ConnectionEvent down(String detail, Instant at) {
        return new ConnectionEvent(false, detail, at);
    }
}

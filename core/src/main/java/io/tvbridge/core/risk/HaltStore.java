package io.tvbridge.core.risk;

import io.tvbridge.core.store.StoreSession;
import java.time.Instant;
import java.util.Optional;

/** Keeps the kill and pause switches in the system properties, so they survive a restart. */
public final class HaltStore {
    private static final String KILL = "halt.kill";
    private static final String PAUSE = "halt.pause";
    private static final String OFF = "off";

    private HaltStore() {
    }

    public static TradingHalt load(StoreSession session) {
        return new TradingHalt(read(session, KILL), read(session, PAUSE));
    }

    public static void save(StoreSession session, TradingHalt halt) {
        session.putProperty(KILL, write(halt.kill()));
        session.putProperty(PAUSE, write(halt.pause()));
    }

    private static Optional<TradingHalt.Switch> read(StoreSession session, String key) {
        return session.property(key).filter(value -> !value.equals(OFF)).map(value -> {
            String[] parts = value.split("\t", 3);
            return new TradingHalt.Switch(parts[1], parts.length > 2 ? parts[2] : "", Instant.parse(parts[0]));
        });
    }

    private static String write(Optional<TradingHalt.Switch> value) {
        return value.map(s -> s.since() + "\t" + s.actor() + "\t" + s.reason()).orElse(OFF);
    }
}

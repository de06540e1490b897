package io.tvbridge.cli;

import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The parts something started, remembered in the order they started and stopped in the reverse
 * order, each whatever the one before it did: a part that fails to stop is logged, and the rest
 * still stop.
 */
final class StartedParts implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StartedParts.class);

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    /** Whose parts these are, in the log: {@code the daemon}, {@code account live}. */
    private final String owner;

    StartedParts(String owner) {
        this.owner = owner;
    }

    /** Remembers {@code part}, stopped before everything remembered earlier. */
    <T extends AutoCloseable> T remember(T part) {
        started.push(part);
        return part;
    }

    @Override
    public synchronized void close() {
        while (!started.isEmpty()) {
            AutoCloseable part = started.pop();
            try {
                part.close();
            } catch (Exception e) {
                log.warn("stopping {} of {} failed: {}", part.getClass().getSimpleName(), owner, e.toString());
            }
        }
    }
}

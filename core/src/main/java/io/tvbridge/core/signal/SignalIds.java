package io.tvbridge.core.signal;

import io.tvbridge.core.store.Store;
import io.tvbridge.core.store.StoreSession;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Where the engine's signal ids come from. Alone on its database (H2), the engine counts on from
 * the highest stored id, which costs no statement. On a database several instances share, every
 * instance stores alerts, so ids come from the database's sequence, as many in one statement as
 * the batch has new signals; an id taken and left unused (a resend in the batch, then a restart or
 * a failed commit) is a gap, never a repeat.
 */
abstract class SignalIds {

    /** The next id, on the engine's thread, inside {@code session}'s transaction. */
    abstract long next(StoreSession session);

    /** How many new signals the batch being decided holds: the ids the next {@link #next} may take at once. */
    void expect(int count) {
    }

    /** Forgets what it knew after a failed commit, and at start. */
    abstract void reload(StoreSession session);

    static SignalIds of(Store store) {
        return store.kind().equals("h2") ? new Counter() : new Sequence();
    }

    private static final class Counter extends SignalIds {
        private long last;

        @Override
        long next(StoreSession session) {
            return ++last;
        }

        @Override
        void reload(StoreSession session) {
            last = session.maxSignalId();
        }
    }

    private static final class Sequence extends SignalIds {
        private final Deque<Long> taken = new ArrayDeque<>();
        private int expected;

        @Override
        void expect(int count) {
            expected = count;
        }

        @Override
        long next(StoreSession session) {
            if (taken.isEmpty()) {
                taken.addAll(session.nextSignalIds(Math.max(1, expected)));
                expected = 0;
            }
            return taken.removeFirst();
        }

        @Override
        void reload(StoreSession session) {
            taken.clear();
        }
    }
}

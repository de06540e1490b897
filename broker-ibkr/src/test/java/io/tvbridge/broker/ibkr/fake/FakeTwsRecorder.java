package io.tvbridge.broker.ibkr.fake;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * What the clients sent the fake, in order, and what it could not accept; tests read it and
 * wait on it. Shares the server's lock, whose monitor is notified on every change.
 */
final class FakeTwsRecorder {
    private final Object lock;
    private final List<List<String>> received = new ArrayList<>();
    private final List<Integer> startApiClientIds = new ArrayList<>();
    private final List<String> violations = new ArrayList<>();

    FakeTwsRecorder(Object lock) {
        this.lock = lock;
    }

    void received(List<String> fields) {
        synchronized (lock) {
            received.add(List.copyOf(fields));
            lock.notifyAll();
        }
    }

    void startApi(int clientId) {
        synchronized (lock) {
            startApiClientIds.add(clientId);
        }
    }

    void violation(String what) {
        synchronized (lock) {
            violations.add(what);
        }
    }

    List<List<String>> received() {
        synchronized (lock) {
            return List.copyOf(received);
        }
    }

    List<Integer> startApiClientIds() {
        synchronized (lock) {
            return List.copyOf(startApiClientIds);
        }
    }

    List<String> violations() {
        synchronized (lock) {
            return List.copyOf(violations);
        }
    }

    /** The first message received (before or during the wait) that matches. */
    List<String> await(Predicate<List<String>> matches, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            for (int seen = 0; ; ) {
                for (; seen < received.size(); seen++) {
                    if (matches.test(received.get(seen))) {
                        return received.get(seen);
                    }
                }
                waitUntil(deadline, () -> "no client message matched within " + timeout + "; received " + received);
            }
        }
    }

    /** Waits on the lock until {@code done} holds (checked under the lock). */
    void await(BooleanSupplier done, Duration timeout, Supplier<String> failure) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (!done.getAsBoolean()) {
                waitUntil(deadline, failure);
            }
        }
    }

    private void waitUntil(long deadline, Supplier<String> failure) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new AssertionError(failure.get());
        }
        try {
            lock.wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting", e);
        }
    }
}

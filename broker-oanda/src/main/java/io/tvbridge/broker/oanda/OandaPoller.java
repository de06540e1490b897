package io.tvbridge.broker.oanda;

import io.tvbridge.broker.spi.BrokerException;
import java.lang.System.Logger.Level;
import java.time.Duration;

/**
 * The broker's background thread: every {@code interval} it runs one step (connect if not yet
 * connected, else fetch the account's new transactions). After a failure it waits longer each
 * time, up to ten intervals (at most 30 s), so an unreachable OANDA is not hammered.
 */
final class OandaPoller implements AutoCloseable {
    private static final System.Logger log = System.getLogger(OandaPoller.class.getName());
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(30);

    /** One round of work; throws when OANDA could not be asked. */
    interface Step {
        void run() throws BrokerException;
    }

    private final Duration interval;
    private final Step step;
    private final Thread thread;
    private boolean woken;
    private volatile boolean stopped;

    OandaPoller(Duration interval, Step step) {
        this.interval = interval;
        this.step = step;
        this.thread = new Thread(this::loop, "oanda-poller");
        this.thread.setDaemon(true);
    }

    synchronized void start() {
        if (!thread.isAlive() && !stopped) {
            thread.start();
        }
    }

    /** Runs the next step now instead of at the end of the interval. */
    synchronized void wake() {
        woken = true;
        notifyAll();
    }

    private void loop() {
        int failures = 0;
        while (!stopped) {
            try {
                step.run();
                failures = 0;
            } catch (BrokerException e) {
                failures++;
            } catch (RuntimeException e) {
                failures++;
                log.log(Level.ERROR, "OANDA poller step failed unexpectedly", e);
            }
            if (!await(wait(failures))) {
                return;
            }
        }
    }

    private Duration wait(int failures) {
        if (failures == 0) {
            return interval;
        }
        Duration longest = interval.multipliedBy(10).compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT
                : interval.multipliedBy(10);
        Duration backoff = interval.multipliedBy(1L << Math.min(failures, 10));
        return backoff.compareTo(longest) > 0 ? longest : backoff;
    }

    private synchronized boolean await(Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        try {
            while (!woken && !stopped) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                wait(Math.max(1, left / 1_000_000));
            }
        } catch (InterruptedException e) {
            return false;
        }
        woken = false;
        return !stopped;
    }

    @Override
    public void close() {
        stopped = true;
        synchronized (this) {
            notifyAll();
        }
        thread.interrupt();
        try {
            if (thread.isAlive()) {
                thread.join(5_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package io.tvbridge.core.concurrent;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** The daemon's timer threads: named, never keeping the process alive on their own. */
public final class Timers {
    private Timers() {
    }

    /** A scheduler on one daemon thread called {@code name}. */
    public static ScheduledExecutorService single(String name) {
        return of(name, 1);
    }

    /** A scheduler on {@code threads} daemon threads called {@code name}. */
    public static ScheduledExecutorService of(String name, int threads) {
        return Executors.newScheduledThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
    }
}

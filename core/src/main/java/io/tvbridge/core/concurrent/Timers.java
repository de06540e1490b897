package io.tvbridge.core.concurrent;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** The daemon's timer threads: one thread each, named, never keeping the process alive on its own. */
public final class Timers {
    private Timers() {
    }

    /** A scheduler on one daemon thread called {@code name}. */
    public static ScheduledExecutorService single(String name) {
        return Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
    }
}

package io.tvbridge.core.concurrent;

import java.util.concurrent.ThreadFactory;

/** Threads that never keep the JVM alive: a stuck peer (a broker, Telegram) must not stop a shutdown. */
public final class DaemonThreads {
    private DaemonThreads() {
    }

    /** Names every thread {@code name}. */
    public static ThreadFactory named(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}

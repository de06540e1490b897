package io.tvbridge.cli.bench;

import java.util.concurrent.locks.LockSupport;

/** The senders' time: {@link System#nanoTime()} for real runs, a clock the test moves for the schedule's tests. */
public interface NanoClock {

    long nanoTime();

    /** Returns at {@code deadline} (a {@link #nanoTime()} value) or soon after; at once if it has passed. */
    void sleepUntil(long deadline);

    NanoClock SYSTEM = new NanoClock() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleepUntil(long deadline) {
            for (long left = deadline - System.nanoTime(); left > 0; left = deadline - System.nanoTime()) {
                LockSupport.parkNanos(left);
            }
        }
    };
}

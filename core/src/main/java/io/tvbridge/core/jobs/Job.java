package io.tvbridge.core.jobs;

/** A piece of scheduled work. */
@FunctionalInterface
public interface Job {

    /**
     * Does the work once, on the scheduler's thread.
     *
     * @return a one-line outcome for people ({@code 3 positions match})
     * @throws Exception when the work failed; the scheduler logs it and keeps the schedule
     */
    String run() throws Exception;
}

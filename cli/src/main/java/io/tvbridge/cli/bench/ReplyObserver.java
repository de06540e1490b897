package io.tvbridge.cli.bench;

/**
 * Sees every reply as it arrives, on the sender's thread: for harnesses that match an answer with
 * what happened later (the order reaching the broker). Must be quick and thread-safe.
 */
@FunctionalInterface
public interface ReplyObserver {

    /** Alert {@code index}, meant to start at {@code intendedNanos}, answered at {@code endNanos}. */
    void replied(long index, long intendedNanos, long endNanos, Reply reply);

    ReplyObserver NONE = (index, intendedNanos, endNanos, reply) -> {
    };
}

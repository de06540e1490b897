package io.tvbridge.cli.bench;

/**
 * The counts of a run: {@code warmup} for the alerts due before {@code measureFromNanos} (not
 * reported), {@code measured} for the others, up to {@code endNanos}.
 */
public record LoadResult(Tally warmup, Tally measured, long measureFromNanos, long endNanos) {

    /**
     * Seconds from the start of the measured part to its last answer, or to its planned end if
     * the answers came sooner: a daemon that falls behind stretches the time its acks are counted over.
     */
    public double measuredSeconds() {
        return (Math.max(endNanos, measured.lastReplyNanos()) - measureFromNanos) / 1e9;
    }

    public double acknowledgedPerSecond() {
        return measured.acknowledged() / measuredSeconds();
    }
}

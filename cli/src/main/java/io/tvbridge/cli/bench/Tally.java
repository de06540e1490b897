package io.tvbridge.cli.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;

/**
 * The counts and latencies of one sender (not thread-safe), merged into one after the run. An
 * alert is acknowledged when the answer is a 200 that carries a decision; anything else is an
 * error, counted by kind: {@code HTTP <status>}, {@code timeout}, {@code connection}.
 */
public final class Tally {
    private static final Pattern DECISION = Pattern.compile("\"decision\"\\s*:\\s*\"([a-z_]+)\"");
    private static final long LOWEST_NANOS = TimeUnit.MICROSECONDS.toNanos(1);
    private static final long HIGHEST_NANOS = TimeUnit.MINUTES.toNanos(10);

    private final Histogram latency = new Histogram(LOWEST_NANOS, HIGHEST_NANOS, 3);
    private final Map<String, Long> decisions = new TreeMap<>();
    private final Map<String, Long> errors = new TreeMap<>();
    private final Map<String, String> firstErrors = new TreeMap<>();
    private long sent;
    private long acknowledged;
    private long lastReplyNanos = Long.MIN_VALUE;

    /** Counts one reply that took {@code latencyNanos} and arrived at {@code endNanos}. */
    public void count(Reply reply, long latencyNanos, long endNanos) {
        sent++;
        latency.recordValue(Math.min(HIGHEST_NANOS, Math.max(LOWEST_NANOS, latencyNanos)));
        lastReplyNanos = Math.max(lastReplyNanos, endNanos);
        String error = null;
        String detail = "";
        if (reply instanceof Reply.Answered answered) {
            detail = answered.body();
            Matcher decision = DECISION.matcher(answered.body());
            if (answered.status() != 200) {
                error = "HTTP " + answered.status();
            } else if (!decision.find()) {
                error = "HTTP 200 without a decision";
            } else {
                acknowledged++;
                decisions.merge(decision.group(1), 1L, Long::sum);
            }
        } else if (reply instanceof Reply.Failed failed) {
            error = failed.kind();
            detail = failed.detail();
        }
        if (error != null) {
            errors.merge(error, 1L, Long::sum);
            firstErrors.putIfAbsent(error, detail.length() > 200 ? detail.substring(0, 200) + "..." : detail);
        }
    }

    /** Adds {@code other}'s counts and latencies to these. */
    public void add(Tally other) {
        sent += other.sent;
        acknowledged += other.acknowledged;
        latency.add(other.latency);
        other.decisions.forEach((kind, n) -> decisions.merge(kind, n, Long::sum));
        other.errors.forEach((kind, n) -> errors.merge(kind, n, Long::sum));
        other.firstErrors.forEach(firstErrors::putIfAbsent);
        lastReplyNanos = Math.max(lastReplyNanos, other.lastReplyNanos);
    }

    public long sent() {
        return sent;
    }

    public long acknowledged() {
        return acknowledged;
    }

    public long errorCount() {
        return errors.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Acknowledged alerts by decision: accepted, rejected, queued, duplicate. */
    public Map<String, Long> decisions() {
        return Map.copyOf(decisions);
    }

    public Map<String, Long> errors() {
        return Map.copyOf(errors);
    }

    /** For each kind of error, what the first one said: the answer's body, or why there was none. */
    public Map<String, String> firstErrors() {
        return Map.copyOf(firstErrors);
    }

    /** Latencies in nanoseconds. */
    public Histogram latency() {
        return latency;
    }

    /** When the last reply arrived (a {@link NanoClock} value); {@code Long.MIN_VALUE} when none did. */
    public long lastReplyNanos() {
        return lastReplyNanos;
    }
}

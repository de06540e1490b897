package io.tvbridge.cli.bench;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

/**
 * What one bench run sends: to {@code webhook}, with {@code secret}, at {@code rate} alerts a
 * second (0: as fast as the {@code connections} allow, each waiting for its answer before the next),
 * for {@code warmup} (not counted) and then {@code duration} (counted), over {@code symbols}, with
 * {@code exitRatio} of the alerts sells.
 */
public record LoadPlan(URI webhook, String secret, int rate, int connections, Duration duration, Duration warmup,
                       List<String> symbols, double exitRatio, Duration timeout) {

    public LoadPlan {
        requireNonNull(webhook, "webhook");
        requireNonNull(secret, "secret");
        requireNonNull(duration, "duration");
        requireNonNull(warmup, "warmup");
        requireNonNull(timeout, "timeout");
        symbols = List.copyOf(symbols);
        if (rate < 0) {
            throw new IllegalArgumentException("the rate must be positive: " + rate);
        }
        if (connections < 1) {
            throw new IllegalArgumentException("at least one connection is needed: " + connections);
        }
        if (duration.isNegative() || duration.isZero() || warmup.isNegative()) {
            throw new IllegalArgumentException("the duration must be positive and the warm-up not negative");
        }
        if (symbols.isEmpty()) {
            throw new IllegalArgumentException("at least one symbol is needed");
        }
        if (exitRatio < 0 || exitRatio > 1) {
            throw new IllegalArgumentException("the exit ratio is a share from 0 to 1: " + exitRatio);
        }
    }

    /** Sends are scheduled at a fixed rate (and latency counts from the scheduled time), not as fast as possible. */
    public boolean fixedRate() {
        return rate > 0;
    }

    /** {@code count} symbols named BENCH1, BENCH2, ... (US stocks to tvbridge). */
    public static List<String> numberedSymbols(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("at least one symbol is needed: " + count);
        }
        return IntStream.rangeClosed(1, count).mapToObj(i -> "BENCH" + i).toList();
    }
}

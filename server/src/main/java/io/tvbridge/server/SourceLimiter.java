package io.tvbridge.server;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * A token bucket per source address (Bucket4j): {@code perMinute} tokens refilled evenly over a
 * minute, and as many at once, so a burst of alerts at a bar close passes. The buckets live in a
 * map bounded to {@code maxSources}, the least recently seen source dropped first; a source idle
 * for a minute has a full bucket anyway, so dropping it forgets nothing that matters.
 */
final class SourceLimiter {
    private final int perMinute;
    private final Map<String, Bucket> buckets;

    SourceLimiter(int perMinute, int maxSources) {
        this.perMinute = perMinute;
        this.buckets = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > maxSources;
            }
        };
    }

    int perMinute() {
        return perMinute;
    }

    /** Takes a token for {@code source}; empty when it had one, else how many seconds until it has. */
    OptionalLong take(String source) {
        ConsumptionProbe probe = bucket(source).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? OptionalLong.empty() : OptionalLong.of(seconds(probe.getNanosToWaitForRefill()));
    }

    /** Whether {@code source} has used up its tokens: empty if not, else how many seconds until a token is back. */
    OptionalLong exhausted(String source) {
        Bucket bucket;
        synchronized (buckets) {
            bucket = buckets.get(source);
        }
        if (bucket == null || bucket.getAvailableTokens() > 0) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(seconds(bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill()));
    }

    /** Uses a token of {@code source}, if it has one left. */
    void spend(String source) {
        bucket(source).tryConsume(1);
    }

    /** How many sources are remembered now. */
    int size() {
        synchronized (buckets) {
            return buckets.size();
        }
    }

    private Bucket bucket(String source) {
        synchronized (buckets) {
            return buckets.computeIfAbsent(source, ignored -> Bucket.builder()
                    .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1))
                            .build())
                    .build());
        }
    }

    /** Whole seconds, rounded up, at least one: {@code Retry-After} takes seconds. */
    private static long seconds(long nanos) {
        return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
    }
}

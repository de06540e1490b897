package io.tvbridge.core.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Which stored rows a list shows, newest first: narrowed by symbol, strategy, status and a time
 * range ({@code from} inclusive, {@code to} exclusive), and which page of them. A list reads the
 * filters that apply to it; the status is an order's status, a signal's decision or a
 * reconciliation's outcome.
 */
public record ListQuery(Optional<String> symbol, Optional<String> strategy, Optional<String> status,
                        Optional<Instant> from, Optional<Instant> to, int limit, int offset) {
    public static final int MAX_LIMIT = 1000;

    public ListQuery {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        checkPage(limit, offset);
    }

    /** A page of at most {@link #MAX_LIMIT} rows, from a row that exists or the end. */
    static void checkPage(int limit, int offset) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", not " + limit);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative, not " + offset);
        }
    }

    /** The newest {@code limit} rows, unfiltered. */
    public static ListQuery latest(int limit) {
        return new ListQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                limit, 0);
    }
}

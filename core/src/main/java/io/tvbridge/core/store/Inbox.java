package io.tvbridge.core.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The signals stored by instances that do not trade and not decided yet: how many, and when the
 * oldest of them arrived (empty when none waits).
 */
public record Inbox(long waiting, Optional<Instant> oldest) {
    public static final Inbox EMPTY = new Inbox(0, Optional.empty());

    public Inbox {
        Objects.requireNonNull(oldest, "oldest");
        if (waiting < 0 || (waiting == 0) != oldest.isEmpty()) {
            throw new IllegalArgumentException("an inbox of " + waiting + " signal(s), the oldest " + oldest);
        }
    }
}

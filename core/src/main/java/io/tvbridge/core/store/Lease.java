package io.tvbridge.core.store;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * The engine's lease as the database holds it: who holds it, under which epoch, since when and
 * until when. The times are the database's clock. A holder of {@code ""} means nobody ever held it.
 *
 * @param epoch grows by one at every change of holder; commits made under an older one are refused
 */
public record Lease(String holder, long epoch, Instant acquiredAt, Instant renewedAt, Instant expiresAt) {
    public Lease {
        requireNonNull(holder, "holder");
        requireNonNull(acquiredAt, "acquiredAt");
        requireNonNull(renewedAt, "renewedAt");
        requireNonNull(expiresAt, "expiresAt");
        if (epoch < 0) {
            throw new IllegalArgumentException("a lease's epoch is never negative: " + epoch);
        }
    }

    /** Whether {@code candidate} holds it (it may have expired since it was read). */
    public boolean heldBy(String candidate) {
        return holder.equals(candidate);
    }
}

package io.tvbridge.core.model;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One comparison of the expected positions with the broker's: who asked for it ({@code actor},
 * {@code scheduler} for the scheduled ones), how many symbols were compared, the differences
 * beyond the tolerance, a line for people, and, for a mismatch, its resolution.
 */
public record Reconciliation(long id, Instant at, String broker, String actor, Outcome outcome, int positionsChecked,
                             List<PositionDifference> differences, String details, Optional<Instant> resolvedAt,
                             Optional<String> resolvedBy) {

    /** How a reconciliation came out. */
    public enum Outcome {
        /** Every expected position equals the broker's, within the tolerance. */
        MATCHED,
        /** At least one differs beyond the tolerance. */
        MISMATCH,
        /** The broker's positions could not be read; nothing was compared. */
        FAILED;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Outcome parse(String text) {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        }
    }

    public Reconciliation {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(broker, "broker");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(outcome, "outcome");
        differences = List.copyOf(differences);
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(resolvedAt, "resolvedAt");
        Objects.requireNonNull(resolvedBy, "resolvedBy");
        if ((outcome == Outcome.MISMATCH) == differences.isEmpty()) {
            throw new IllegalArgumentException("a mismatch, and only a mismatch, has differences");
        }
    }

    public boolean resolved() {
        return resolvedAt.isPresent();
    }
}

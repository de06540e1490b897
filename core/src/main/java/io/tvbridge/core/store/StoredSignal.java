package io.tvbridge.core.store;

import io.tvbridge.core.alert.Alert;
import io.tvbridge.core.model.Decision;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One row of the signal inbox: the alert as received (its body with the secret masked),
 * where it came from, and what was decided.
 */
public record StoredSignal(long id, Instant receivedAt, String bodyHash, Optional<String> sourceAddress,
                           Optional<String> contentType, String payload, Alert alert, Decision decision,
                           Optional<String> reason, Instant decidedAt, int duplicates, boolean dryRun) {
    public StoredSignal {
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(bodyHash, "bodyHash");
        Objects.requireNonNull(sourceAddress, "sourceAddress");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(alert, "alert");
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(decidedAt, "decidedAt");
    }
}

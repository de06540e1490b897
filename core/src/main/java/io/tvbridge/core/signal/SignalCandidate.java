package io.tvbridge.core.signal;

import io.tvbridge.core.alert.Alert;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** An authenticated, valid alert on its way to the decision stage. {@code payload} has the secret masked. */
public record SignalCandidate(Alert alert, String bodyHash, String payload, Optional<String> contentType,
                              Optional<String> sourceAddress, Instant receivedAt) {
    public SignalCandidate {
        Objects.requireNonNull(alert, "alert");
        Objects.requireNonNull(bodyHash, "bodyHash");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(sourceAddress, "sourceAddress");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }
}

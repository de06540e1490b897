package io.tvbridge.core.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** What recognises a stored signal when its alert is sent again: its alert id, or its body and when it came. */
public record SignalKey(long signalId, Optional<String> alertId, String bodyHash, Instant receivedAt) {
    public SignalKey {
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(bodyHash, "bodyHash");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }
}

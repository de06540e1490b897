package io.tvbridge.core.signal;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A webhook request as it arrived: the raw body and the few headers that matter. */
public record RawWebhook(byte[] body, Optional<String> contentType, Optional<String> signature,
                         Optional<String> sourceAddress, Instant receivedAt) {
    public RawWebhook {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(signature, "signature");
        Objects.requireNonNull(sourceAddress, "sourceAddress");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }
}

package io.tvbridge.core.signal;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A webhook request as it arrived: the raw body, the few headers that matter, and the secret
 * given in the webhook's path ({@code /webhook/<secret>}), if any.
 */
public record RawWebhook(byte[] body, Optional<String> contentType, Optional<String> signature,
                         Optional<String> sourceAddress, Instant receivedAt, Optional<String> pathSecret) {
    public RawWebhook(byte[] body, Optional<String> contentType, Optional<String> signature,
                      Optional<String> sourceAddress, Instant receivedAt) {
        this(body, contentType, signature, sourceAddress, receivedAt, Optional.empty());
    }

    public RawWebhook {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(signature, "signature");
        Objects.requireNonNull(sourceAddress, "sourceAddress");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(pathSecret, "pathSecret");
    }

    @Override
    public String toString() {
        return "RawWebhook[" + body.length + " bytes, contentType=" + contentType + ", signature="
                + signature.map(s -> "***") + ", sourceAddress=" + sourceAddress + ", receivedAt=" + receivedAt
                + ", pathSecret=" + pathSecret.map(s -> "***") + "]";
    }
}

package io.tvbridge.broker.spi.model;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A broker's own view of its health, shown in {@code GET /health}.
 *
 * <p>{@code details} holds broker-specific facts in display order (host, port, server
 * version, last message age ...); it never holds a secret.
 */
public record BrokerHealth(boolean connected, Optional<String> account, Optional<Instant> connectedSince,
                           String summary, Map<String, String> details) {
    public BrokerHealth {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(connectedSince, "connectedSince");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(details, "details");
        details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }
}

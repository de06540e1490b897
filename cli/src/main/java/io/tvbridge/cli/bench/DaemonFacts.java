package io.tvbridge.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Optional;

/**
 * What a daemon's {@code GET /health} says about where a bench's alerts end up: the broker, and
 * whether DRY_RUN keeps orders from being sent ({@code dryRun} empty when the daemon does not say).
 */
public record DaemonFacts(String broker, Optional<Boolean> dryRun) {
    /** The simulated broker: a bench against it places no real order. */
    public static final String PAPER = "paper";
    public static final String LIVE_ORDERS_FLAG = "--live-orders-i-understand";

    public static DaemonFacts parse(String healthJson) throws IOException {
        JsonNode health = new ObjectMapper().readTree(healthJson);
        JsonNode name = health.path("broker").path("name");
        if (!name.isTextual()) {
            throw new IOException("the answer has no broker name; is this tvbridge's /health?");
        }
        JsonNode dryRun = health.path("dry_run");
        return new DaemonFacts(name.asText(), dryRun.isBoolean() ? Optional.of(dryRun.asBoolean()) : Optional.empty());
    }

    /** Whether the alerts of a bench become orders that a real broker receives. */
    public boolean placesRealOrders() {
        return !PAPER.equals(broker) && !dryRun.orElse(false);
    }

    /** Why a bench must not run, unless the user said that real orders are what they want. */
    public Optional<String> refusal(boolean liveOrdersAllowed) {
        if (!placesRealOrders() || liveOrdersAllowed) {
            return Optional.empty();
        }
        return Optional.of("the daemon trades through the " + broker + " broker with DRY_RUN "
                + dryRun.map(on -> on ? "on" : "off").orElse("unknown") + ": every alert of a bench would place a"
                + " real order. Run it against the paper broker, or turn DRY_RUN on, or pass " + LIVE_ORDERS_FLAG
                + " if real orders are what you want.");
    }

    public String describe() {
        return broker + " broker, DRY_RUN " + dryRun.map(on -> on ? "on" : "off").orElse("unknown");
    }
}

package io.tvbridge.server;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import io.tvbridge.core.Version;
import io.tvbridge.core.health.HealthReport;
import io.tvbridge.core.health.HealthService;
import io.tvbridge.core.health.Instance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code GET /}, {@code GET /health} and {@code GET /ready}: open to all, no secrets in them. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public final class HealthResource {

    /** {@code GET /health}; {@code dryRun} tells a load tool (or a person) whether orders really go out. */
    public record Health(String status, String version, long uptimeSeconds, BrokerPart broker, DatabasePart db,
                         CircuitPart circuitBreaker, boolean dryRun, InstancePart instance) {
    }

    /**
     * Which instance answers: its {@code INSTANCE_ID}, its role ({@code leader} holding the engine
     * lease on a shared PostgreSQL database, {@code standby} beside it, {@code single} on H2), the
     * lease (the one held, or as a standby last saw it), and on a shared database the alerts stored
     * and not decided yet.
     */
    public record InstancePart(String id, String role, Optional<LeasePart> lease, Optional<UndecidedPart> undecided) {
        static InstancePart of(Instance instance) {
            return new InstancePart(instance.id(), instance.role().wireName(), instance.lease()
                    .map(lease -> new LeasePart(lease.holder(), lease.epoch(), lease.acquiredAt())),
                    instance.undecided().map(inbox -> new UndecidedPart(inbox.waiting(), inbox.oldest())));
        }
    }

    /** The engine lease: the holder's name, its epoch, and since when the holder holds it. */
    public record LeasePart(String holder, long epoch, Instant since) {
    }

    /** Alerts stored for the leader and not decided yet: how many, and when the oldest arrived. */
    public record UndecidedPart(long count, Optional<Instant> oldestReceivedAt) {
    }

    /** The circuit breaker on broker failures. */
    public record CircuitPart(String state, Optional<String> reason) {
    }

    /** The broker part of {@code /health}: the broker's own details flattened in beside the common fields. */
    public record BrokerPart(String name, String version, boolean connected, Optional<String> account,
                             Optional<Instant> connectedSince, String summary,
                             @JsonIgnore Map<String, String> details) {
        @JsonAnyGetter
        public Map<String, String> flattenedDetails() {
            return details;
        }
    }

    /** The database part of {@code /health}: whether it answers, and which it is ({@code h2}, {@code postgresql}). */
    public record DatabasePart(boolean ok, String kind) {
    }

    /** {@code GET /}. */
    public record ServiceInfo(String service, String version, String broker, List<String> endpoints) {
    }

    private final HealthService health;

    public HealthResource(HealthService health) {
        this.health = health;
    }

    @GET
    public ServiceInfo info() {
        return new ServiceInfo("tvbridge", Version.current(), health.report().brokerName(),
                List.of("POST /webhook", "GET /health", "GET /ready", "GET /ui", "GET /metrics"));
    }

    @GET
    @Path("health")
    public Health health() {
        HealthReport report = health.report();
        var broker = report.broker();
        return new Health(report.status(), report.version(), report.uptime().toSeconds(),
                new BrokerPart(report.brokerName(), report.brokerVersion(), broker.connected(), broker.account(),
                        broker.connectedSince(), broker.summary(), new LinkedHashMap<>(broker.details())),
                new DatabasePart(report.databaseOk(), report.databaseKind()),
                new CircuitPart(report.circuitBreaker(), report.circuitBreakerReason()), report.dryRun(),
                InstancePart.of(report.instance()));
    }

    @GET
    @Path("ready")
    public Response ready() {
        boolean ready = health.ready();
        return Response.status(ready ? 200 : 503)
                .entity(Map.of("ready", ready)).build();
    }
}

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

    /**
     * {@code GET /health}; {@code dryRun} tells a load tool (or a person) whether orders really go out.
     * With several accounts, {@code accounts} gives each one's broker and database; the fields above
     * it are the first account's, but for {@code status}, which is {@code ok} only when every one is.
     */
    public record Health(String status, String version, long uptimeSeconds, BrokerPart broker, DatabasePart db,
                         CircuitPart circuitBreaker, boolean dryRun, InstancePart instance,
                         Optional<Map<String, AccountPart>> accounts) {
    }

    /** One account of several: its broker, its database, and the account it copies when it is a shadow. */
    public record AccountPart(BrokerPart broker, DatabasePart db, Optional<String> follows) {
    }

    /** One account of a daemon of several, as {@code /health} shows it. */
    public record Account(String name, HealthService health, Optional<String> follows) {
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

    /** The only account's health, or the first one's. */
    private final HealthService health;
    /** Empty for a daemon of one account. */
    private final List<Account> accounts;

    public HealthResource(HealthService health) {
        this(health, List.of());
    }

    private HealthResource(HealthService health, List<Account> accounts) {
        this.health = health;
        this.accounts = List.copyOf(accounts);
    }

    /** The health of a daemon of several accounts ({@code ACCOUNTS=…}), in their order. */
    public static HealthResource of(List<Account> accounts) {
        return new HealthResource(accounts.get(0).health(), accounts);
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
        if (accounts.isEmpty()) {
            return health(report, report.status(), Optional.empty());
        }
        Map<String, AccountPart> parts = new LinkedHashMap<>();
        String status = report.status();
        for (Account account : accounts) {
            HealthReport own = account == accounts.get(0) ? report : account.health().report();
            parts.put(account.name(), new AccountPart(broker(own), database(own), account.follows()));
            if (status.equals("ok")) {
                status = own.status();   // the first account that is not ok says what the daemon is
            }
        }
        return health(report, status, Optional.of(parts));
    }

    private static Health health(HealthReport report, String status, Optional<Map<String, AccountPart>> accounts) {
        return new Health(status, report.version(), report.uptime().toSeconds(), broker(report), database(report),
                new CircuitPart(report.circuitBreaker(), report.circuitBreakerReason()), report.dryRun(),
                InstancePart.of(report.instance()), accounts);
    }

    private static BrokerPart broker(HealthReport report) {
        var broker = report.broker();
        return new BrokerPart(report.brokerName(), report.brokerVersion(), broker.connected(), broker.account(),
                broker.connectedSince(), broker.summary(), new LinkedHashMap<>(broker.details()));
    }

    private static DatabasePart database(HealthReport report) {
        return new DatabasePart(report.databaseOk(), report.databaseKind());
    }

    /** Ready when the only account is, or with several, when every one is. */
    @GET
    @Path("ready")
    public Response ready() {
        boolean ready = accounts.isEmpty() ? health.ready()
                : accounts.stream().allMatch(account -> account.health().ready());
        return Response.status(ready ? 200 : 503)
                .entity(Map.of("ready", ready)).build();
    }
}

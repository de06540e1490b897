package io.tvbridge.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.tvbridge.broker.spi.model.ClientOrderId;
import io.tvbridge.core.health.DaemonStatus;
import io.tvbridge.core.health.HealthReport;
import io.tvbridge.core.health.StatusService;
import io.tvbridge.core.model.Reconciliation;
import io.tvbridge.core.reconcile.Reconciler;
import io.tvbridge.core.risk.RiskUsage;
import io.tvbridge.core.settings.RiskSettings;
import io.tvbridge.core.settings.Setting;
import io.tvbridge.core.settings.SettingsService;
import io.tvbridge.core.signal.TradingControl;
import io.tvbridge.core.store.ListQuery;
import io.tvbridge.core.store.PendingSignal;
import io.tvbridge.core.store.Store;
import io.tvbridge.core.store.StoredOrder;
import io.tvbridge.core.store.backup.BackupContents;
import io.tvbridge.core.store.backup.BackupService;
import io.tvbridge.server.AdminViews.Halt;
import io.tvbridge.server.AdminViews.Job;
import io.tvbridge.server.AdminViews.Listing;
import io.tvbridge.server.AdminViews.ReconciliationView;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The admin API's status and actions: what the daemon is doing, the kill switch and the pause,
 * flatten, the day's limits, reconciliation, cancelling an order, and the settings. Every call
 * needs the admin API key; every action needs an {@code actor} and is audited.
 */
@Path("/admin")
@ApiKeyRequired
@Produces(MediaType.APPLICATION_JSON)
public final class AdminResource {
    static final String OPENAPI = "admin-openapi.json";
    private static final Set<String> OUTCOMES = Arrays.stream(Reconciliation.Outcome.values())
            .map(Reconciliation.Outcome::wireName).collect(Collectors.toSet());

    /** {@code GET /admin/status}. */
    public record Status(String status, String version, long uptimeSeconds, HealthResource.BrokerPart broker,
                         HealthResource.DatabasePart database, Trading trading, Map<String, Limit> limits,
                         Optional<Today> today, DaemonStatus.Queues queues,
                         HealthResource.CircuitPart circuitBreaker, Optional<ReconciliationView> lastReconciliation,
                         List<Job> jobs, HealthResource.InstancePart instance) {
    }

    /** The switches and the modes that change what is traded. */
    public record Trading(AdminViews.Switch kill, AdminViews.Switch pause, boolean dryRun,
                          boolean killSwitchAllowsExits) {
    }

    /** A limit (0 is off) and how much of it is used now, where that is counted. */
    public record Limit(BigDecimal limit, Optional<Object> used) {
    }

    /** The day's counters, from the start of the trading day or the last reset of the limits. */
    public record Today(Instant countingSince, long orders, Map<String, Long> entries, int openPositions,
                        BigDecimal realized, BigDecimal commissions, BigDecimal unrealized, BigDecimal result,
                        BigDecimal grossExposure, String currency, List<String> unvalued) {
        static Today of(RiskUsage u) {
            return new Today(u.countingSince(), u.orders(), u.entries(), u.openPositions(), u.realized(),
                    u.commissions(), u.unrealized(), u.dailyResult(), u.grossExposure(), u.currency(), u.unvalued());
        }
    }

    /** A setting: its value, default, what it takes and what it means. */
    public record SettingView(String name, String value, String defaultValue, String expected, String description,
                              String environmentVariable) {
    }

    private final StatusService status;
    private final TradingControl control;
    private final Reconciler reconciler;
    private final SettingsService settings;
    private final Store store;
    private final BackupService backups;

    public AdminResource(StatusService status, TradingControl control, Reconciler reconciler,
                         SettingsService settings, Store store, BackupService backups) {
        this.status = status;
        this.control = control;
        this.reconciler = reconciler;
        this.settings = settings;
        this.store = store;
        this.backups = backups;
    }

    @GET
    @Path("status")
    public Status status() {
        DaemonStatus s = status.status();
        HealthReport health = s.health();
        var broker = health.broker();
        return new Status(health.status(), health.version(), health.uptime().toSeconds(),
                new HealthResource.BrokerPart(health.brokerName(), health.brokerVersion(), broker.connected(),
                        broker.account(), broker.connectedSince(), broker.summary(), Map.of()),
                new HealthResource.DatabasePart(health.databaseOk(), health.databaseKind()),
                new Trading(AdminViews.Switch.of(s.halt().kill()), AdminViews.Switch.of(s.halt().pause()),
                        s.settings().dryRun(), s.settings().killSwitchAllowsExits()),
                limits(s.settings(), s.usage()), s.usage().map(Today::of), s.queues(),
                new HealthResource.CircuitPart(health.circuitBreaker(), health.circuitBreakerReason()),
                s.lastReconciliation().map(ReconciliationView::of), s.jobs().stream().map(Job::of).toList(),
                HealthResource.InstancePart.of(health.instance()));
    }

    private static Map<String, Limit> limits(RiskSettings r, Optional<RiskUsage> usage) {
        Map<String, Limit> limits = new LinkedHashMap<>();
        limits.put("max_daily_trades", new Limit(BigDecimal.valueOf(r.maxDailyTrades()), usage.map(RiskUsage::orders)));
        limits.put("max_entries_per_ticker", new Limit(BigDecimal.valueOf(r.maxEntriesPerTicker()),
                usage.map(RiskUsage::entries)));
        limits.put("max_open_positions", new Limit(BigDecimal.valueOf(r.maxOpenPositions()),
                usage.map(RiskUsage::openPositions)));
        limits.put("max_daily_loss", new Limit(r.maxDailyLoss(),
                usage.map(u -> u.dailyResult().negate().max(BigDecimal.ZERO))));
        limits.put("max_total_exposure", new Limit(r.maxTotalExposure(), usage.map(RiskUsage::grossExposure)));
        limits.put("max_position_size", new Limit(r.maxPositionSize(), Optional.empty()));
        limits.put("max_position_notional", new Limit(r.maxPositionNotional(), Optional.empty()));
        limits.put("max_order_notional", new Limit(r.maxOrderNotional(), Optional.empty()));
        limits.put("min_cash_reserve", new Limit(r.minCashReserve(), Optional.empty()));
        return limits;
    }

    @POST
    @Path("kill")
    public Halt kill(String body) {
        AdminInput input = AdminInput.body(body);
        return Halt.of(control.kill(input.required("actor"), input.required("reason")));
    }

    @POST
    @Path("pause")
    public Halt pause(String body) {
        AdminInput input = AdminInput.body(body);
        return Halt.of(control.pause(input.required("actor"), input.required("reason")));
    }

    @POST
    @Path("resume")
    public Halt resume(String body) {
        AdminInput input = AdminInput.body(body);
        return Halt.of(control.resume(input.required("actor"), input.required("reason")));
    }

    /** Closes every position through the decision stage; the answer is that of a {@code close_all} alert. */
    @POST
    @Path("flatten")
    public Response flatten(String body) {
        AdminInput input = AdminInput.body(body);
        String actor = input.required("actor");
        if (!input.flag("confirm")) {
            throw AdminInput.invalid("confirm must be true: flatten closes every position", Optional.of("confirm"));
        }
        WebhookReply reply = WebhookReply.of(control.flatten(actor, input.text("reason").orElse(null)));
        Response.ResponseBuilder answer = Response.status(reply.status()).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(reply.body());
        reply.retryAfter().ifPresent(seconds -> answer.header("Retry-After", seconds));
        return answer.build();
    }

    @POST
    @Path("reset-limits")
    public Today resetLimits(String body) {
        AdminInput input = AdminInput.body(body);
        return Today.of(control.resetLimits(input.required("actor"), input.text("reason").orElse(null)));
    }

    /** Compares the positions now; a mismatch is answered 200 too, with its outcome and differences. */
    @POST
    @Path("reconcile")
    public ReconciliationView reconcile(String body) {
        return ReconciliationView.of(reconciler.reconcile(AdminInput.body(body).required("actor")));
    }

    @GET
    @Path("reconciliations")
    public Listing<ReconciliationView> reconciliations(@BeanParam ListParams params) {
        ListQuery query = params.query(OUTCOMES);
        return Listing.of(store.inTransaction(session -> session.reconciliations(query)), ReconciliationView::of);
    }

    /** The result of adopting the broker's positions. */
    public record Adopted(ReconciliationView reconciliation, List<AdminViews.Expected> positions) {
    }

    @POST
    @Path("reconciliations/{id}/adopt")
    public Adopted adopt(@PathParam("id") String id, String body) {
        AdminInput input = AdminInput.body(body);
        long number = AdminInput.build(() -> Long.parseLong(id));
        Reconciler.Adoption adoption = reconciler.adopt(number, input.required("actor"),
                input.text("reason").orElse(null));
        return new Adopted(ReconciliationView.of(adoption.reconciliation()),
                adoption.positions().stream().map(AdminViews.Expected::of).toList());
    }

    /** A backup written, what it holds, and the older backups deleted to keep the count. */
    public record Backup(String file, long bytes, int schemaVersion, long signals, long orders, long fills,
                         Optional<Instant> newestSignal, List<String> deleted) {
    }

    /**
     * {@code POST /admin/backup}: a checked backup of the running database, while alerts keep
     * coming; {@code to} a file that does not exist yet (default: a new file in the backup folder),
     * {@code keep} the number of backups to keep in that folder (default: none deleted).
     */
    @POST
    @Path("backup")
    public Backup backup(String body) {
        AdminInput input = AdminInput.body(body);
        String actor = input.required("actor");
        Optional<java.nio.file.Path> to = input.text("to").map(text -> AdminInput.build(() -> java.nio.file.Path.of(text)));
        int keep = input.text("keep").map(text -> AdminInput.build(() -> Integer.parseInt(text))).orElse(0);
        if (keep < 0) {
            throw AdminInput.invalid("keep must be 0 (delete none) or more", Optional.of("keep"));
        }
        BackupService.Result result = backups.backUp(to, keep, actor);
        BackupContents c = result.contents();
        return new Backup(c.file().toString(), c.bytes(), c.schemaVersion(), c.signals(), c.orders(), c.fills(),
                c.newestSignal(), result.deleted().stream().map(Object::toString).toList());
    }

    /** {@code GET /admin/pending}: the signals waiting for their market to open, oldest first. */
    @GET
    @Path("pending")
    public List<AdminViews.Pending> pending() {
        List<PendingSignal> waiting = control.pending();
        return store.inTransaction(session -> waiting.stream()
                .map(p -> AdminViews.Pending.of(p, session.findSignal(p.signalId()))).toList());
    }

    /** The signals taken out of the pending queue. */
    public record Cleared(List<Long> cleared) {
    }

    /**
     * {@code DELETE /admin/pending}: takes the waiting signals (of {@code symbol}, or all) out of the
     * pending queue; each is rejected with the reason and never ordered.
     */
    @DELETE
    @Path("pending")
    public Cleared clearPending(String body) {
        AdminInput input = AdminInput.body(body);
        return new Cleared(control.clearPending(input.text("symbol"), input.required("actor"),
                input.required("reason")));
    }

    /** The cancel has been asked for; the broker's confirmation follows as an order update. */
    public record CancelRequested(String clientOrderId, String status, AdminViews.Order order) {
    }

    @POST
    @Path("orders/{clientOrderId}/cancel")
    public Response cancel(@PathParam("clientOrderId") String clientOrderId, String body) {
        AdminInput input = AdminInput.body(body);
        ClientOrderId id = AdminInput.build(() -> ClientOrderId.of(clientOrderId));
        StoredOrder order = control.cancel(id, input.required("actor"), input.text("reason").orElse(null));
        return Response.accepted(new CancelRequested(id.value(), "cancel_requested", AdminViews.Order.of(order)))
                .type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    @Path("settings")
    public List<SettingView> settings() {
        Map<String, String> values = settings.values();
        return Arrays.stream(Setting.values()).map(s -> new SettingView(s.key(), values.getOrDefault(s.key(),
                s.defaultValue()), s.defaultValue(), s.kind().expected(), s.description(), s.environmentName()))
                .toList();
    }

    /** What a settings change did. */
    public record SettingsChanged(List<String> changed, List<SettingView> settings) {
    }

    /** Changes settings, all or none; each change is audited with the old and the new value. */
    @PUT
    @Path("settings")
    public SettingsChanged changeSettings(String body) {
        AdminInput input = AdminInput.body(body);
        String actor = input.required("actor");
        JsonNode changes = input.node("settings");
        if (!changes.isObject() || changes.isEmpty()) {
            throw AdminInput.invalid("settings must be an object of name: value pairs", Optional.of("settings"));
        }
        Map<String, String> wanted = new LinkedHashMap<>();
        changes.fields().forEachRemaining(field -> {
            if (!field.getValue().isValueNode()) {
                throw AdminInput.invalid(field.getKey() + " must be a plain value", Optional.of(field.getKey()));
            }
            wanted.put(field.getKey(), field.getValue().isNull() ? "" : field.getValue().asText());
        });
        Map<String, String> before = settings.values();
        AdminInput.build(() -> settings.update(wanted, actor));
        Map<String, String> after = settings.values();
        List<String> changed = wanted.keySet().stream()
                .filter(key -> !after.get(key).equals(before.get(key))).toList();
        return new SettingsChanged(changed, settings());
    }

    /** The OpenAPI 3 description of this API. */
    @GET
    @Path("openapi.json")
    public Response openApi() {
        try (InputStream in = AdminResource.class.getResourceAsStream(OPENAPI)) {
            return Response.ok(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8),
                    MediaType.APPLICATION_JSON_TYPE).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

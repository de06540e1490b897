package io.tvbridge.server;

import io.tvbridge.broker.spi.BrokerException;
import io.tvbridge.broker.spi.model.AccountSnapshot;
import io.tvbridge.core.ActionRefused;
import io.tvbridge.core.model.Decision;
import io.tvbridge.core.model.OrderPhase;
import io.tvbridge.core.report.DailyReporter;
import io.tvbridge.core.report.Period;
import io.tvbridge.core.report.PnlService;
import io.tvbridge.core.routing.BrokerHandle;
import io.tvbridge.core.store.AuditQuery;
import io.tvbridge.core.store.ListQuery;
import io.tvbridge.core.store.Store;
import io.tvbridge.server.AdminViews.Actual;
import io.tvbridge.server.AdminViews.AuditLine;
import io.tvbridge.server.AdminViews.Expected;
import io.tvbridge.server.AdminViews.Listing;
import io.tvbridge.server.AdminViews.Order;
import io.tvbridge.server.AdminViews.Signal;
import io.tvbridge.server.AdminViews.Trade;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The admin API's records, read only: signals, orders, trades, the audit trail (which no call
 * changes), expected and broker positions, the account, profit and loss, the daily report.
 * Lists are newest first, {@code limit} (default 50, at most 1000) rows from {@code offset}.
 */
@Path("/admin")
@ApiKeyRequired
@Produces(MediaType.APPLICATION_JSON)
public final class AdminRecordsResource {
    private static final Set<String> DECISIONS = Arrays.stream(Decision.values()).map(Decision::wireName)
            .collect(Collectors.toSet());
    private static final Set<String> ORDER_STATUSES = Arrays.stream(OrderPhase.values())
            .map(AdminViews::word).collect(Collectors.toSet());

    private final Store store;
    private final BrokerHandle broker;
    private final PnlService pnl;
    private final DailyReporter daily;

    public AdminRecordsResource(Store store, BrokerHandle broker, PnlService pnl, DailyReporter daily) {
        this.store = store;
        this.broker = broker;
        this.pnl = pnl;
        this.daily = daily;
    }

    @GET
    @Path("signals")
    public Listing<Signal> signals(@BeanParam ListParams params) {
        ListQuery query = params.query(DECISIONS);
        return Listing.of(store.inTransaction(session -> session.signals(query)), Signal::of);
    }

    @GET
    @Path("orders")
    public Listing<Order> orders(@BeanParam ListParams params) {
        ListQuery query = params.query(ORDER_STATUSES);
        return Listing.of(store.inTransaction(session -> session.orders(query)), Order::of);
    }

    /** Fills, each with the profit it realized and the strategy of its signal. */
    @GET
    @Path("trades")
    public Listing<Trade> trades(@BeanParam ListParams params) {
        ListQuery query = params.query(Set.of());
        return Listing.of(store.inTransaction(session -> session.fills(query)), Trade::of);
    }

    /** The audit trail; {@code action} is an action ({@code trading.kill}) or a family ({@code trading}). */
    @GET
    @Path("audit-log")
    public Listing<AuditLine> auditLog(@QueryParam("actor") String actor, @QueryParam("action") String action,
                                       @QueryParam("from") String from, @QueryParam("to") String to,
                                       @QueryParam("limit") String limit, @QueryParam("offset") String offset) {
        AuditQuery query = AdminInput.build(() -> new AuditQuery(AdminInput.blank(actor), AdminInput.blank(action),
                AdminInput.time(from, "from"), AdminInput.time(to, "to"),
                AdminInput.number(limit, "limit", AdminInput.DEFAULT_LIMIT), AdminInput.number(offset, "offset", 0)));
        return Listing.of(store.inTransaction(session -> session.auditLog(query)), AuditLine::of);
    }

    /** The positions tvbridge expects, from the fills it recorded (flat ones included, with their realized profit). */
    @GET
    @Path("positions/expected")
    public List<Expected> expectedPositions() {
        return store.inTransaction(session -> session.positions(broker.name())).stream().map(Expected::of).toList();
    }

    /** The positions the broker reports now. */
    @GET
    @Path("positions/actual")
    public List<Actual> actualPositions() {
        try {
            return broker.broker().positions().stream().map(Actual::of).toList();
        } catch (BrokerException e) {
            throw unavailable("positions", e);
        }
    }

    @GET
    @Path("account")
    public AccountSnapshot account() {
        try {
            return broker.broker().account();
        } catch (BrokerException e) {
            throw unavailable("account", e);
        }
    }

    @GET
    @Path("pnl")
    public AdminViews.Pnl pnl(@QueryParam("period") String period) {
        Period which = AdminInput.build(() -> Period.parse(AdminInput.blank(period).orElse("day")));
        return AdminViews.Pnl.of(pnl.report(which));
    }

    /** The report of a trading day ({@code date}, default today). */
    @GET
    @Path("report/daily")
    public AdminViews.Daily dailyReport(@QueryParam("date") String date) {
        Optional<LocalDate> day;
        try {
            day = AdminInput.blank(date).map(LocalDate::parse);
        } catch (DateTimeParseException e) {
            throw AdminInput.invalid("date must be a day like 2026-03-02, not '" + date + "'", Optional.of("date"));
        }
        return AdminViews.Daily.of(AdminInput.build(() -> daily.report(day)));
    }

    private ActionRefused unavailable(String what, BrokerException e) {
        return new ActionRefused(ActionRefused.Kind.UNAVAILABLE, "the " + broker.name() + " broker's " + what
                + " could not be read: " + e.getMessage(), e);
    }
}

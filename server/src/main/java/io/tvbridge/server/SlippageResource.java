package io.tvbridge.server;

import io.tvbridge.broker.spi.BrokerException;
import io.tvbridge.core.ActionRefused;
import io.tvbridge.core.account.shadow.ShadowReports;
import io.tvbridge.core.account.shadow.SlippageReport;
import io.tvbridge.core.store.ListQuery;
import io.tvbridge.core.store.TimeRange;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code GET /admin/slippage}: each shadow account's report of what its leader's fills cost
 * against the shadow's paper fills, per order, per symbol and per strategy, in money and ticks.
 * {@code account} names a shadow or the account it follows; without it, every shadow's report
 * side by side. {@code from}, {@code to}, {@code symbol} and {@code strategy} narrow it.
 */
@Path("/admin/slippage")
@ApiKeyRequired
@Produces(MediaType.APPLICATION_JSON)
public final class SlippageResource {
    /** Every shadow's report, by the shadow's name. */
    public record Reports(Map<String, SlippageReport.Report> accounts) {
    }

    private final List<ShadowReports> shadows;

    public SlippageResource(List<ShadowReports> shadows) {
        this.shadows = List.copyOf(shadows);
    }

    @GET
    public Object slippage(@QueryParam("account") String account, @BeanParam ListParams params) {
        if (shadows.isEmpty()) {
            throw new ActionRefused(ActionRefused.Kind.NOT_FOUND, "this daemon has no shadow account: a shadow is a"
                    + " paper account that copies another's orders (ACCOUNTS=live:ibkr,shadow:paper with"
                    + " SHADOW_FOLLOWS=live)");
        }
        ListQuery query = params.query(Set.of());
        TimeRange range = new TimeRange(query.from(), query.to());
        Optional<String> named = AdminInput.blank(account).filter(name -> !name.equals("all"));
        if (named.isEmpty()) {
            Map<String, SlippageReport.Report> reports = new LinkedHashMap<>();
            for (ShadowReports shadow : shadows) {
                reports.put(shadow.shadow(), report(shadow, range, query));
            }
            return new Reports(reports);
        }
        ShadowReports shadow = shadows.stream().filter(s -> s.shadow().equals(named.get())
                        || s.leader().equals(named.get())).findFirst()
                .orElseThrow(() -> new ActionRefused(ActionRefused.Kind.NOT_FOUND, "no shadow account '"
                        + named.get() + "' and none that follows it; the shadows are: " + String.join(", ",
                        shadows.stream().map(s -> s.shadow() + " (follows " + s.leader() + ")").toList())));
        return report(shadow, range, query);
    }

    private static SlippageReport.Report report(ShadowReports shadow, TimeRange range, ListQuery query) {
        try {
            return shadow.report(range, query.symbol(), query.strategy());
        } catch (BrokerException e) {
            throw new ActionRefused(ActionRefused.Kind.UNAVAILABLE, "the broker of " + shadow.leader()
                    + " could not say an instrument's tick size: " + e.getMessage(), e);
        }
    }
}

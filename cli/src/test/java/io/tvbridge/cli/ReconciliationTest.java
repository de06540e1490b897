package io.tvbridge.cli;

import static io.tvbridge.cli.TestDaemon.eventually;
import static io.tvbridge.cli.TestDaemon.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tvbridge.broker.spi.BrokerException;
import io.tvbridge.broker.spi.model.Side;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Expected positions against the paper broker's: a trade made at the broker behind tvbridge's
 * back is a mismatch that halts trading until an operator adopts the broker's position and resumes.
 */
@Timeout(120)
class ReconciliationTest {
    @TempDir
    Path folder;

    private static final String RECONCILE = "{\"actor\":\"alice\"}";

    @Test
    void aMismatchHaltsTradingUntilTheBrokersPositionIsAdoptedAndTradingResumed() throws BrokerException {
        try (TestDaemon tv = TestDaemon.start(folder)) {
            tv.signal("\"symbol\":\"AAPL\",\"action\":\"buy\",\"quantity\":10,\"price\":100");
            tv.settle();
            JsonNode matched = tv.admin(200, "POST", "/admin/reconcile", RECONCILE);
            assertThat(matched.get("outcome").asText()).isEqualTo("matched");
            assertThat(matched.get("details").asText()).isEqualTo("1 position matches");

            tv.paper().tradeOutsideTvbridge("AAPL", Side.BUY, new BigDecimal("5"), new BigDecimal("100"));
            JsonNode mismatch = tv.admin(200, "POST", "/admin/reconcile", RECONCILE);

            assertThat(mismatch.get("outcome").asText()).isEqualTo("mismatch");
            assertThat(mismatch.get("differences")).singleElement().satisfies(d -> {
                assertThat(d.get("symbol").asText()).isEqualTo("AAPL");
                assertThat(d.get("expected").decimalValue()).isEqualByComparingTo("10");
                assertThat(d.get("actual").decimalValue()).isEqualByComparingTo("15");
            });
            long id = mismatch.get("id").asLong();
            JsonNode status = tv.admin(200, "GET", "/admin/status", null);
            assertThat(status.at("/trading/kill/actor").asText()).isEqualTo("reconciliation");
            assertThat(status.at("/trading/kill/reason").asText()).isEqualTo("position mismatch in reconciliation "
                    + id + " with paper: AAPL: expected 10, broker 15");
            assertThat(status.at("/last_reconciliation/id").asLong()).isEqualTo(id);
            assertThat(tv.signal("\"symbol\":\"MSFT\",\"action\":\"buy\",\"quantity\":1,\"price\":10").get("reason")
                    .asText()).startsWith("kill_switch:");
            assertThat(tv.count("select count(*) from audit_log where action = 'reconciliation.mismatch'"
                    + " and details like '%AAPL: expected 10, broker 15'")).isEqualTo(1);
            assertThat(tv.admin(200, "GET", "/admin/reconciliations?status=mismatch", null).get("total").asInt())
                    .isEqualTo(1);

            assertThat(tv.admin("POST", "/admin/reconciliations/" + id + "/adopt", "{}").statusCode()).isEqualTo(400);
            assertThat(tv.admin("POST", "/admin/reconciliations/x/adopt", RECONCILE).statusCode()).isEqualTo(400);
            assertThat(tv.admin("POST", "/admin/reconciliations/999/adopt", RECONCILE).statusCode()).isEqualTo(404);
            HttpResponse<String> notAMismatch = tv.admin("POST", "/admin/reconciliations/"
                    + matched.get("id").asLong() + "/adopt", RECONCILE);
            assertThat(notAMismatch.statusCode()).isEqualTo(409);

            JsonNode adopted = tv.admin(200, "POST", "/admin/reconciliations/" + id + "/adopt",
                    "{\"actor\":\"alice\",\"reason\":\"bought 5 by hand in the broker's app\"}");
            assertThat(adopted.at("/reconciliation/resolved_by").asText()).isEqualTo("alice");
            assertThat(adopted.get("positions")).singleElement().satisfies(p -> {
                assertThat(p.get("symbol").asText()).isEqualTo("AAPL");
                assertThat(p.get("quantity").decimalValue()).isEqualByComparingTo("15");
            });
            HttpResponse<String> twice = tv.admin("POST", "/admin/reconciliations/" + id + "/adopt", RECONCILE);
            assertThat(twice.statusCode()).isEqualTo(409);
            assertThat(json(twice).get("error").asText()).contains("was resolved already, by alice");
            assertThat(tv.text("select details from audit_log where action = 'position.adopted'"))
                    .isEqualTo("AAPL: 10 at 100 -> 15 at 100 (the broker's); bought 5 by hand in the broker's app"
                            + " (reconciliation " + id + ")");

            // adopting does not resume: a person decides that
            assertThat(tv.admin(200, "GET", "/admin/status", null).at("/trading/kill/on").asBoolean()).isTrue();
            assertThat(tv.admin(200, "POST", "/admin/reconcile", RECONCILE).get("outcome").asText())
                    .isEqualTo("matched");
            tv.admin(200, "POST", "/admin/resume", "{\"actor\":\"alice\",\"reason\":\"positions agree again\"}");
            assertThat(tv.signal("\"symbol\":\"AAPL\",\"action\":\"close\",\"price\":100").get("client_order_ids"))
                    .hasSize(1);
            tv.settle();
            eventually("the adopted position is closed at the broker too", () -> {
                try {
                    return tv.paper().positions().isEmpty();
                } catch (BrokerException e) {
                    return false;
                }
            });
            assertThat(tv.admin(200, "POST", "/admin/reconcile", RECONCILE).get("outcome").asText())
                    .isEqualTo("matched");
        }
    }

    @Test
    void aPositionOnlyTheBrokerHoldsIsAMismatchAndCanBeAdopted() throws BrokerException {
        try (TestDaemon tv = TestDaemon.start(folder)) {
            tv.paper().tradeOutsideTvbridge("TSLA", Side.SELL, new BigDecimal("3"), new BigDecimal("200"));
            eventually("the unknown fill is noted", () -> tv.count("select count(*) from audit_log"
                    + " where action = 'order.unknown'") > 0);

            JsonNode mismatch = tv.admin(200, "POST", "/admin/reconcile", RECONCILE);
            assertThat(mismatch.get("details").asText()).isEqualTo("TSLA: expected 0, broker -3");
            tv.admin(200, "POST", "/admin/reconciliations/" + mismatch.get("id").asLong() + "/adopt", RECONCILE);

            JsonNode expected = tv.admin(200, "GET", "/admin/positions/expected", null);
            assertThat(expected).singleElement().satisfies(p -> {
                assertThat(p.get("quantity").decimalValue()).isEqualByComparingTo("-3");
                assertThat(p.get("average_cost").decimalValue()).isEqualByComparingTo("200");
                assertThat(p.get("multiplier").decimalValue()).isEqualByComparingTo("1");
            });
        }
    }

    @Test
    void withoutAutoHaltAMismatchIsReportedAndTradingGoesOn() throws BrokerException {
        try (TestDaemon tv = TestDaemon.start(folder, Map.of("AUTO_HALT_ON_MISMATCH", "false", "PAPER_FRACTIONAL", "true",
                "RECONCILIATION_TOLERANCE", "0.5"))) {
            tv.signal("\"symbol\":\"BTCUSD\",\"action\":\"buy\",\"quantity\":1,\"price\":100");
            tv.settle();
            tv.paper().tradeOutsideTvbridge("BTCUSD", Side.BUY, new BigDecimal("0.25"), new BigDecimal("100"));
            assertThat(tv.admin(200, "POST", "/admin/reconcile", RECONCILE).get("outcome").asText())
                    .isEqualTo("matched");   // within the tolerance

            tv.paper().tradeOutsideTvbridge("BTCUSD", Side.BUY, new BigDecimal("0.5"), new BigDecimal("100"));
            assertThat(tv.admin(200, "POST", "/admin/reconcile", RECONCILE).get("outcome").asText())
                    .isEqualTo("mismatch");
            assertThat(tv.daemon.control().current().kill()).isEmpty();
            assertThat(tv.signal("\"symbol\":\"ETHUSD\",\"action\":\"buy\",\"quantity\":1,\"price\":10")
                    .get("decision").asText()).isEqualTo("accepted");
        }
    }

    @Test
    void theScheduledJobReconcilesAtItsIntervalWhichTheSettingsChange() {
        try (TestDaemon tv = TestDaemon.start(folder, Map.of("RECONCILIATION_INTERVAL", "1"))) {
            eventually("a scheduled reconciliation", () -> tv.count("select count(*) from reconciliations"
                    + " where actor = 'scheduler' and outcome = 'MATCHED'") > 0);
            JsonNode job = tv.admin(200, "GET", "/admin/status", null).at("/jobs/0");
            assertThat(job.get("schedule").asText()).isEqualTo("every 1 s");
            assertThat(job.get("last_outcome").asText()).isEqualTo("matched: 0 positions match");
            assertThat(job.get("last_succeeded").asBoolean()).isTrue();

            tv.admin(200, "PUT", "/admin/settings", "{\"actor\":\"alice\",\"settings\":{\"reconciliation_interval\":0}}");
            JsonNode onRequest = tv.admin(200, "GET", "/admin/status", null).at("/jobs/0");
            assertThat(onRequest.get("schedule").asText()).isEqualTo("on request only");
            assertThat(onRequest.has("next_run")).isFalse();
        }
    }
}

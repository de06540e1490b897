package io.tvbridge.cli;

import static io.tvbridge.cli.TestDaemon.eventually;
import static io.tvbridge.cli.TestDaemon.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tvbridge.broker.spi.BrokerException;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The admin API over HTTP against the running daemon: the key, bad input, and what each call does. */
@Timeout(120)
class AdminApiTest {
    @TempDir
    static Path shared;
    private static TestDaemon sharedDaemon;

    @TempDir
    Path folder;

    @BeforeAll
    static void startShared() {
        sharedDaemon = TestDaemon.start(shared);
    }

    @AfterAll
    static void stopShared() {
        sharedDaemon.close();
    }

    /** Every endpoint the OpenAPI description lists, with sample path values, as "METHOD path". */
    static List<String> endpoints() throws IOException {
        try (InputStream in = io.tvbridge.server.AdminResource.class.getResourceAsStream("admin-openapi.json")) {
            JsonNode paths = new ObjectMapper().readTree(in).get("paths");
            List<String> endpoints = new ArrayList<>();
            paths.fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method ->
                    endpoints.add(method.toUpperCase() + " " + path.getKey().replace("{id}", "1")
                            .replace("{clientOrderId}", "tvb-x-1-1"))));
            return endpoints;
        }
    }

    @ParameterizedTest
    @MethodSource("endpoints")
    void everyEndpointRefusesACallWithoutTheRightKey(String endpoint) {
        String method = endpoint.substring(0, endpoint.indexOf(' '));
        String path = endpoint.substring(endpoint.indexOf(' ') + 1);
        String body = method.equals("GET") ? null : "{\"actor\":\"mallory\",\"reason\":\"x\",\"confirm\":true}";

        HttpResponse<String> missing = sharedDaemon.admin(method, path, body, null);
        HttpResponse<String> wrong = sharedDaemon.admin(method, path, body, TestDaemon.ADMIN_KEY + "x");

        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(json(missing).get("error").asText()).contains("X-API-Key header is missing");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(json(wrong).get("error").asText()).contains("X-API-Key header is wrong")
                .doesNotContain(TestDaemon.ADMIN_KEY);
        assertThat(sharedDaemon.daemon.control().current().kill()).isEmpty();
    }

    @Test
    void killPauseAndResumeNeedAnActorAndAReasonAndAreAuditedAndShown() {
        try (TestDaemon tv = TestDaemon.start(folder)) {
            HttpResponse<String> noReason = tv.admin("POST", "/admin/kill", "{\"actor\":\"alice\"}");
            assertThat(noReason.statusCode()).isEqualTo(400);
            assertThat(json(noReason).get("field").asText()).isEqualTo("reason");
            assertThat(tv.admin("POST", "/admin/kill", "{\"reason\":\"x\"}").statusCode()).isEqualTo(400);
            assertThat(tv.admin("POST", "/admin/kill", "not json").statusCode()).isEqualTo(400);
            assertThat(tv.admin("POST", "/admin/pause", null).statusCode()).isEqualTo(400);
            assertThat(tv.daemon.control().current().kill()).isEmpty();

            JsonNode killed = tv.admin(200, "POST", "/admin/kill", "{\"actor\":\"alice\",\"reason\":\"broker looks wrong\"}");
            assertThat(killed.at("/kill/on").asBoolean()).isTrue();
            assertThat(killed.at("/kill/actor").asText()).isEqualTo("alice");
            JsonNode status = tv.admin(200, "GET", "/admin/status", null);
            assertThat(status.at("/trading/kill/reason").asText()).isEqualTo("broker looks wrong");
            assertThat(status.at("/trading/kill/since").asText()).isNotBlank();
            assertThat(tv.signal("\"symbol\":\"K\",\"action\":\"buy\",\"quantity\":1,\"price\":10").get("reason")
                    .asText()).startsWith("kill_switch:");

            tv.admin(200, "POST", "/admin/pause", "{\"actor\":\"bob\",\"reason\":\"news\"}");
            JsonNode resumed = tv.admin(200, "POST", "/admin/resume", "{\"actor\":\"alice\",\"reason\":\"checked\"}");
            assertThat(resumed.at("/kill/on").asBoolean()).isFalse();
            assertThat(resumed.at("/pause/on").asBoolean()).isFalse();
            assertThat(tv.signal("\"symbol\":\"K\",\"action\":\"buy\",\"quantity\":1,\"price\":10").get("decision")
                    .asText()).isEqualTo("accepted");

            JsonNode audit = tv.admin(200, "GET", "/admin/audit-log?action=trading", null);
            assertThat(audit.get("items")).extracting(line -> line.get("action").asText() + " " + line.get("actor")
                    .asText()).containsExactly("trading.resume alice", "trading.pause bob", "trading.kill alice");
            JsonNode rejections = tv.admin(200, "GET", "/admin/audit-log?action=signal.rejected", null);
            assertThat(rejections.at("/items/0/details").asText()).contains("kill_switch:");
        }
    }

    @Test
    void theAuditLogCannotBeChangedThroughTheApi() {
        HttpResponse<String> delete = sharedDaemon.admin("DELETE", "/admin/audit-log", null);
        HttpResponse<String> post = sharedDaemon.admin("POST", "/admin/audit-log", "{\"action\":\"x\"}");
        assertThat(delete.statusCode()).isEqualTo(405);
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(json(delete).get("error").asText()).isEqualTo("this endpoint does not take that method");
    }

    @Test
    void flattenClosesEveryPositionThroughTheDecisionStage() throws BrokerException {
        try (TestDaemon tv = TestDaemon.start(folder)) {
            tv.signal("\"symbol\":\"F1\",\"action\":\"buy\",\"quantity\":3,\"price\":10");
            tv.signal("\"symbol\":\"F2\",\"action\":\"sell\",\"quantity\":2,\"price\":20");
            tv.settle();

            HttpResponse<String> unconfirmed = tv.admin("POST", "/admin/flatten", "{\"actor\":\"alice\"}");
            assertThat(unconfirmed.statusCode()).isEqualTo(400);
            assertThat(json(unconfirmed).get("field").asText()).isEqualTo("confirm");
            assertThat(tv.admin("POST", "/admin/flatten", "{\"confirm\":true}").statusCode()).isEqualTo(400);

            JsonNode answer = tv.admin(200, "POST", "/admin/flatten",
                    "{\"actor\":\"alice\",\"reason\":\"end of day\",\"confirm\":true}");
            assertThat(answer.get("decision").asText()).isEqualTo("accepted");
            assertThat(answer.get("client_order_ids")).hasSize(2);
            tv.settle();

            eventually("both positions are flat", () -> tv.count("select count(*) from positions where quantity <> 0")
                    == 0);
            assertThat(tv.paper().positions()).isEmpty();
            assertThat(tv.text("select action || ' ' || source_address from signals where id = "
                    + answer.get("signal_id").asLong())).isEqualTo("CLOSE_ALL admin:alice");
            assertThat(tv.text("select details from audit_log where action = 'trading.flatten'"))
                    .startsWith("end of day -> signal " + answer.get("signal_id").asLong() + " accepted");

            JsonNode nothing = tv.admin(200, "POST", "/admin/flatten", "{\"actor\":\"alice\",\"confirm\":true}");
            assertThat(nothing.get("decision").asText()).isEqualTo("rejected");
            assertThat(nothing.get("reason").asText()).isEqualTo("there are no open positions to close");
        }
    }

    @Test
    void resetLimitsStartsTheDaysCountersAgain() {
        try (TestDaemon tv = TestDaemon.start(folder, Map.of("MAX_DAILY_TRADES", "1"))) {
            tv.signal("\"symbol\":\"R\",\"action\":\"buy\",\"quantity\":1,\"price\":10");
            assertThat(tv.signal("\"symbol\":\"R\",\"action\":\"buy\",\"quantity\":1,\"price\":10").get("reason")
                    .asText()).startsWith("max_daily_trades:");
            JsonNode before = tv.admin(200, "GET", "/admin/status", null);
            assertThat(before.at("/limits/max_daily_trades/limit").asInt()).isEqualTo(1);
            assertThat(before.at("/limits/max_daily_trades/used").asInt()).isEqualTo(1);

            assertThat(tv.admin("POST", "/admin/reset-limits", "{}").statusCode()).isEqualTo(400);
            JsonNode today = tv.admin(200, "POST", "/admin/reset-limits", "{\"actor\":\"alice\",\"reason\":\"new session\"}");
            assertThat(today.get("orders").asInt()).isZero();

            assertThat(tv.signal("\"symbol\":\"R\",\"action\":\"buy\",\"quantity\":1,\"price\":10").get("decision")
                    .asText()).isEqualTo("accepted");
            assertThat(tv.count("select count(*) from audit_log where action = 'limits.reset' and actor = 'alice'"))
                    .isEqualTo(1);
        }
    }

    @Test
    void listsAreFilteredByFieldAndTimeAndPaged() {
        try (TestDaemon tv = TestDaemon.start(folder)) {
            tv.signal("\"symbol\":\"AAA\",\"action\":\"buy\",\"quantity\":1,\"price\":10,\"strategy\":\"ema\"");
            tv.signal("\"symbol\":\"BBB\",\"action\":\"buy\",\"quantity\":2,\"price\":20,\"strategy\":\"Breakout\"");
            tv.signal("\"symbol\":\"AAA\",\"action\":\"sell\",\"quantity\":1,\"price\":11,\"strategy\":\"ema\"");
            tv.signal("\"symbol\":\"CCC\",\"action\":\"close\"");   // rejected: nothing to close
            tv.settle();

            JsonNode ema = tv.admin(200, "GET", "/admin/signals?symbol=aaa&strategy=EMA", null);
            assertThat(ema.get("total").asInt()).isEqualTo(2);
            assertThat(ema.get("items")).extracting(s -> s.get("action").asText()).containsExactly("sell", "buy");
            JsonNode rejected = tv.admin(200, "GET", "/admin/signals?status=rejected", null);
            assertThat(rejected.get("items")).singleElement().satisfies(s -> assertThat(s.get("reason").asText())
                    .isEqualTo("there is no open CCC position to close"));
            JsonNode page = tv.admin(200, "GET", "/admin/signals?limit=2&offset=1", null);
            assertThat(page.get("total").asInt()).isEqualTo(4);
            assertThat(page.get("items")).hasSize(2);
            assertThat(page.get("offset").asInt()).isEqualTo(1);

            JsonNode filled = tv.admin(200, "GET", "/admin/orders?status=filled&strategy=breakout", null);
            assertThat(filled.get("items")).singleElement().satisfies(o -> {
                assertThat(o.get("symbol").asText()).isEqualTo("BBB");
                assertThat(o.get("quantity").asText()).isEqualTo("2");
            });
            JsonNode trades = tv.admin(200, "GET", "/admin/trades?symbol=AAA", null);
            assertThat(trades.get("items")).extracting(t -> t.get("side").asText() + " " + t.get("realized_pnl")
                    .asText() + " " + t.get("strategy").asText()).containsExactly("sell 1 ema", "buy 0 ema");
            JsonNode future = tv.admin(200, "GET", "/admin/trades?from=2999-01-01T00:00:00Z", null);
            assertThat(future.get("total").asInt()).isZero();

            for (String bad : List.of("/admin/orders?status=lost", "/admin/signals?limit=0", "/admin/signals?limit=x",
                    "/admin/trades?offset=-1", "/admin/orders?from=yesterday", "/admin/audit-log?to=3pm",
                    "/admin/reconciliations?status=great", "/admin/pnl?period=year",
                    "/admin/report/daily?date=tomorrow", "/admin/report/daily?date=2999-01-01")) {
                HttpResponse<String> response = tv.admin("GET", bad, null);
                assertThat(response.statusCode()).as(bad).isEqualTo(400);
                assertThat(json(response).get("error").asText()).as(bad).isNotBlank();
            }
        }
    }

    @Test
    void settingsAreValidatedAllOrNoneAndEveryChangeIsAudited() {
        try (TestDaemon tv = TestDaemon.start(folder)) {
            JsonNode settings = tv.admin(200, "GET", "/admin/settings", null);
            assertThat(settings).extracting(s -> s.get("name").asText()).contains("max_daily_trades",
                    "reconciliation_interval", "reconciliation_tolerance", "auto_halt_on_mismatch");

            HttpResponse<String> invalid = tv.admin("PUT", "/admin/settings",
                    "{\"actor\":\"alice\",\"settings\":{\"max_daily_trades\":5,\"max_daily_loss\":\"-1\"}}");
            assertThat(invalid.statusCode()).isEqualTo(400);
            assertThat(json(invalid).get("error").asText()).isEqualTo("max_daily_loss must be a number of at least 0,"
                    + " not '-1'");
            assertThat(tv.admin("PUT", "/admin/settings", "{\"actor\":\"alice\",\"settings\":{\"max_days\":1}}")
                    .statusCode()).isEqualTo(400);
            assertThat(tv.admin("PUT", "/admin/settings", "{\"settings\":{\"max_daily_trades\":1}}").statusCode())
                    .isEqualTo(400);
            assertThat(tv.admin("PUT", "/admin/settings", "{\"actor\":\"alice\"}").statusCode()).isEqualTo(400);
            assertThat(tv.daemon.settings().current().maxDailyTrades()).isZero();

            JsonNode changed = tv.admin(200, "PUT", "/admin/settings",
                    "{\"actor\":\"alice\",\"settings\":{\"max_daily_trades\":5,\"dry_run\":false,\"auto_halt_on_mismatch\":\"off\"}}");
            assertThat(changed.get("changed")).extracting(JsonNode::asText)
                    .containsExactly("max_daily_trades", "auto_halt_on_mismatch");
            assertThat(tv.daemon.settings().current().maxDailyTrades()).isEqualTo(5);
            assertThat(tv.text("select details from audit_log where action = 'settings.changed' and actor = 'alice'"
                    + " order by id fetch first 1 rows only")).isEqualTo("max_daily_trades: 0 -> 5");
        }
    }

    @Test
    void aWorkingOrderIsCancelledAtTheBroker() {
        try (TestDaemon tv = TestDaemon.start(folder)) {
            String id = tv.signal("\"symbol\":\"W\",\"action\":\"buy\",\"quantity\":1,\"price\":100,"
                    + "\"order_type\":\"stop\",\"stop_price\":120").get("client_order_id").asText();
            eventually("the stop order rests", () -> "ACCEPTED".equals(tv.text(
                    "select status from orders where client_order_id = '" + id + "'")));

            assertThat(tv.admin("POST", "/admin/orders/" + id + "/cancel", "{}").statusCode()).isEqualTo(400);
            assertThat(tv.admin("POST", "/admin/orders/tvb-none-9-9/cancel", "{\"actor\":\"alice\"}").statusCode())
                    .isEqualTo(404);
            assertThat(tv.admin("POST", "/admin/orders/bad%20id/cancel", "{\"actor\":\"alice\"}").statusCode())
                    .isEqualTo(400);

            JsonNode requested = tv.admin(202, "POST", "/admin/orders/" + id + "/cancel",
                    "{\"actor\":\"alice\",\"reason\":\"changed my mind\"}");
            assertThat(requested.get("status").asText()).isEqualTo("cancel_requested");
            eventually("the order is cancelled", () -> "CANCELLED".equals(tv.text(
                    "select status from orders where client_order_id = '" + id + "'")));
            HttpResponse<String> again = tv.admin("POST", "/admin/orders/" + id + "/cancel", "{\"actor\":\"alice\"}");
            assertThat(again.statusCode()).isEqualTo(409);
            assertThat(json(again).get("error").asText()).isEqualTo("order " + id + " is cancelled already;"
                    + " there is nothing to cancel");
            assertThat(tv.text("select details from audit_log where action = 'order.cancel_requested'"))
                    .isEqualTo(id + ": changed my mind");
        }
    }

    @Test
    void positionsAccountProfitAndTheDailyReport() {
        try (TestDaemon tv = TestDaemon.start(folder, Map.of("PAPER_COMMISSION_PER_ORDER", "1"))) {
            tv.signal("\"symbol\":\"P\",\"action\":\"buy\",\"quantity\":10,\"price\":100,\"strategy\":\"ema\"");
            tv.signal("\"symbol\":\"P\",\"action\":\"sell\",\"quantity\":4,\"price\":110,\"strategy\":\"ema\"");
            tv.signal("\"symbol\":\"P\",\"action\":\"sell\",\"quantity\":2,\"price\":95,\"strategy\":\"rsi\"");
            tv.signal("\"symbol\":\"Q\",\"action\":\"buy\",\"quantity\":1,\"price\":50");
            tv.settle();

            JsonNode expected = tv.admin(200, "GET", "/admin/positions/expected", null);
            assertThat(expected).extracting(p -> p.get("symbol").asText() + " " + p.get("quantity").asText() + " "
                    + p.get("realized_pnl").asText()).containsExactly("P 4 30", "Q 1 0");
            JsonNode actual = tv.admin(200, "GET", "/admin/positions/actual", null);
            assertThat(actual).extracting(p -> p.get("symbol").asText() + " " + p.get("quantity").asText())
                    .containsExactly("P 4", "Q 1");
            JsonNode account = tv.admin(200, "GET", "/admin/account", null);
            assertThat(account.get("account_id").asText()).isEqualTo("PAPER");
            assertThat(account.get("cash").decimalValue()).isEqualByComparingTo("99576");

            JsonNode pnl = tv.admin(200, "GET", "/admin/pnl?period=day", null);
            assertThat(pnl.get("unrealized_source").asText()).isEqualTo("broker");
            assertThat(pnl.at("/total/realized").decimalValue()).isEqualByComparingTo("30");   // +40 -10
            assertThat(pnl.at("/total/commissions").decimalValue()).isEqualByComparingTo("4");
            assertThat(pnl.at("/total/trades").asInt()).isEqualTo(4);
            assertThat(pnl.at("/total/win_rate").decimalValue()).isEqualByComparingTo("0.5");
            assertThat(pnl.at("/total/unrealized").decimalValue()).isEqualByComparingTo("-20");   // 4 P at 95 vs 100
            assertThat(pnl.at("/total/currency").asText()).as("every line in the account's currency").isEqualTo("USD");
            assertThat(pnl.get("unvalued")).as("nothing left unvalued").isEmpty();
            assertThat(pnl.get("by_strategy")).extracting(l -> l.get("name").asText() + " " + l.get("realized")
                    .asText() + " " + l.get("trades").asText()).containsExactly("(none) 0 1", "ema 40 2", "rsi -10 1");
            assertThat(pnl.get("by_symbol")).extracting(l -> l.get("name").asText() + " " + l.get("net").asText())
                    .containsExactly("P 7", "Q -1");
            assertThat(tv.admin(200, "GET", "/admin/pnl?period=month", null).at("/total/trades").asInt()).isEqualTo(4);

            JsonNode report = tv.admin(200, "GET", "/admin/report/daily", null);
            assertThat(report.at("/signals/accepted").asInt()).isEqualTo(4);
            assertThat(report.at("/orders/filled").asInt()).isEqualTo(4);
            assertThat(report.get("trades").asInt()).isEqualTo(4);
            assertThat(report.at("/pnl/total/realized").decimalValue()).isEqualByComparingTo("30");
            assertThat(report.get("positions")).hasSize(2);
        }
    }

    @Test
    void statusShowsTheBrokerTheLimitsTheQueuesAndTheJobs() {
        JsonNode status = sharedDaemon.admin(200, "GET", "/admin/status", null);
        assertThat(status.get("status").asText()).isEqualTo("ok");
        assertThat(status.at("/broker/name").asText()).isEqualTo("paper");
        assertThat(status.at("/broker/connected").asBoolean()).isTrue();
        assertThat(status.at("/database/ok").asBoolean()).isTrue();
        assertThat(status.at("/trading/dry_run").asBoolean()).isFalse();
        assertThat(status.at("/limits/max_daily_loss/limit").asText()).isEqualTo("0");
        assertThat(status.at("/today/counting_since").asText()).isNotBlank();
        assertThat(status.at("/queues/decisions").asInt()).isZero();
        assertThat(status.at("/circuit_breaker/state").asText()).isEqualTo("closed");
        assertThat(status.get("jobs")).extracting(job -> job.get("name").asText())
                .containsExactly("reconciliation", "backup", "pending-release", "daily-report", "broker-health");
        assertThat(status.get("jobs").get(0).get("schedule").asText()).isEqualTo("every 300 s");
        assertThat(status.get("jobs").get(1).get("schedule").asText()).isEqualTo("daily at 02:00 America/New_York");
        for (int job : new int[] {0, 1, 3}) {   // the pending queue's release has no next run while nothing waits
            assertThat(status.get("jobs").get(job).get("next_run").asText()).isNotBlank();
        }
        JsonNode openApi = sharedDaemon.admin(200, "GET", "/admin/openapi.json", null);
        assertThat(openApi.get("openapi").asText()).startsWith("3.");
        assertThat(openApi.at("/components/securitySchemes/apiKey/name").asText()).isEqualTo("X-API-Key");
    }

    @Test
    void theAlertTemplatesCarryTheSecretAndNeedTheAdminKey() {
        HttpResponse<String> without = sharedDaemon.admin("GET", "/webhook/template", null, null);
        assertThat(without.statusCode()).isEqualTo(401);
        assertThat(without.body()).doesNotContain(TestDaemon.SECRET);

        JsonNode all = sharedDaemon.admin(200, "GET", "/webhook/template", null);
        assertThat(all.get("webhook_url").asText()).isEqualTo(sharedDaemon.uri("/webhook").toString());
        assertThat(all.get("templates")).extracting(t -> t.get("kind").asText())
                .containsExactly("plain", "strategy", "target");
        assertThat(all.get("templates")).allSatisfy(t -> assertThat(t.get("message").asText())
                .contains("\"secret\": \"" + TestDaemon.SECRET + "\""));

        JsonNode target = sharedDaemon.admin(200, "GET", "/webhook/template?kind=TARGET", null);
        assertThat(target.get("templates")).singleElement()
                .satisfies(t -> assertThat(t.get("message").asText()).contains("{{strategy.market_position}}"));
        JsonNode wrong = sharedDaemon.admin(400, "GET", "/webhook/template?kind=fancy", null);
        assertThat(wrong.get("field").asText()).isEqualTo("kind");
    }
}

package io.tvbridge.cli;

import static io.tvbridge.cli.TestDaemon.alert;
import static io.tvbridge.cli.TestDaemon.eventually;
import static io.tvbridge.cli.TestDaemon.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.tvbridge.broker.spi.BrokerException;
import io.tvbridge.broker.spi.model.Side;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /metrics} against the running daemon: the key, the format, and that each count moves. */
@Timeout(60)
class MetricsTest {
    @TempDir
    Path folder;

    @Test
    void countsSignalsOrdersAndReconciliationsAndTimesDecisionsAndBrokerSends() throws BrokerException {
        try (TestDaemon tv = TestDaemon.start(folder)) {
            tv.signal("\"symbol\":\"AAPL\",\"action\":\"buy\",\"quantity\":10,\"price\":150");
            String stop = tv.signal("\"symbol\":\"W\",\"action\":\"buy\",\"quantity\":1,\"price\":100,"
                    + "\"order_type\":\"stop\",\"stop_price\":120").get("client_order_id").asText();
            tv.post(alert("\"symbol\":\"AAPL\",\"action\":\"buy\",\"quantity\":1,\"alert_id\":\"same\""));
            tv.post(alert("\"symbol\":\"AAPL\",\"action\":\"buy\",\"quantity\":1,\"alert_id\":\"same\""));
            tv.post("{\"secret\":\"wrong-secret-0123456789\",\"symbol\":\"AAPL\",\"action\":\"buy\",\"quantity\":1}");
            tv.post("{not json");
            tv.post(alert("\"symbol\":\"AAPL\",\"action\":\"jump\",\"quantity\":1"));
            tv.set(Map.of("max_position_size", "5"));
            assertThat(tv.signal("\"symbol\":\"MSFT\",\"action\":\"buy\",\"quantity\":10,\"price\":300")
                    .get("decision").asText()).isEqualTo("rejected");
            eventually("the stop order rests", () -> "ACCEPTED".equals(tv.text(
                    "select status from orders where client_order_id = '" + stop + "'")));
            tv.admin(202, "POST", "/admin/orders/" + stop + "/cancel", "{\"actor\":\"alice\",\"reason\":\"test\"}");
            eventually("the stop order is cancelled", () -> "CANCELLED".equals(tv.text(
                    "select status from orders where client_order_id = '" + stop + "'")));
            tv.settle();
            tv.paper().tradeOutsideTvbridge("TSLA", Side.SELL, new BigDecimal("3"), new BigDecimal("200"));
            tv.admin(200, "POST", "/admin/reconcile", "{\"actor\":\"alice\"}");

            String page = scrape(tv);

            Map<String, Double> expected = new LinkedHashMap<>();
            expected.put("tvbridge_signals_total{outcome=\"accepted\"}", 3.0);
            expected.put("tvbridge_signals_total{outcome=\"duplicate\"}", 1.0);
            expected.put("tvbridge_signals_total{outcome=\"rejected\"}", 1.0);
            expected.put("tvbridge_signals_total{outcome=\"unauthorized\"}", 1.0);
            expected.put("tvbridge_signals_total{outcome=\"malformed\"}", 1.0);
            expected.put("tvbridge_signals_total{outcome=\"invalid\"}", 1.0);
            expected.put("tvbridge_signals_total{outcome=\"queued\"}", 0.0);
            expected.put("tvbridge_signal_decision_seconds_count", 5.0);
            expected.put("tvbridge_broker_submit_seconds_count{broker=\"paper\",result=\"acknowledged\"}", 3.0);
            expected.put("tvbridge_orders_total{outcome=\"filled\"}", 2.0);
            expected.put("tvbridge_orders_total{outcome=\"cancelled\"}", 1.0);
            expected.put("tvbridge_orders_total{outcome=\"rejected\"}", 0.0);
            expected.put("tvbridge_reconciliations_total{outcome=\"mismatch\"}", 1.0);
            expected.put("tvbridge_reconciliation_mismatches_total", 1.0);
            expected.put("tvbridge_rate_limited_total{limit=\"webhook\"}", 0.0);
            expected.put("tvbridge_broker_connected{broker=\"paper\"}", 1.0);
            expected.put("tvbridge_queue_depth{queue=\"decisions\"}", 0.0);
            expected.put("tvbridge_queue_depth{queue=\"pending_signals\"}", 0.0);
            expected.put("tvbridge_orders_working", 0.0);
            assertThat(samples(page)).containsAllEntriesOf(expected);
            assertThat(page).contains("tvbridge_signal_decision_seconds_bucket{le=\"");
            assertThat(page).contains(
                    "tvbridge_broker_submit_seconds_bucket{broker=\"paper\",result=\"acknowledged\",le=\"");
            assertThat(page).contains("jvm_memory_used_bytes", "jvm_gc_", "jvm_threads_live_threads",
                    "jvm_classes_loaded_classes", "process_uptime_seconds", "system_cpu_count",
                    "jetty_threads_busy", "jetty_connections_current_connections{connector_name=\"public\"}");
        }
    }

    @Test
    void needsTheAdminKeyUnlessMadePublic() {
        try (TestDaemon tv = TestDaemon.start(folder.resolve("protected"))) {
            HttpResponse<String> missing = tv.get("/metrics");
            HttpResponse<String> wrong = tv.admin("GET", "/metrics", null, TestDaemon.ADMIN_KEY + "x");

            assertThat(missing.statusCode()).isEqualTo(401);
            assertThat(json(missing).get("error").asText()).contains("X-API-Key header is missing");
            assertThat(wrong.statusCode()).isEqualTo(401);
            assertThat(wrong.body()).doesNotContain(TestDaemon.ADMIN_KEY);
        }
        try (TestDaemon tv = TestDaemon.start(folder.resolve("public"), Map.of("METRICS_PUBLIC", "true"))) {
            HttpResponse<String> open = tv.get("/metrics");

            assertThat(open.statusCode()).isEqualTo(200);
            assertThat(open.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith("text/plain").contains("version=0.0.4"));
            assertThat(open.body()).contains("# TYPE tvbridge_signals_total counter");
        }
    }

    private static String scrape(TestDaemon tv) {
        HttpResponse<String> response = tv.admin("GET", "/metrics", null);
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    /** Every sample on the page, by its name with labels ({@code name{label="value"}}). */
    private static Map<String, Double> samples(String page) {
        Map<String, Double> samples = new HashMap<>();
        page.lines().filter(line -> !line.startsWith("#") && !line.isBlank()).forEach(line -> {
            int space = line.lastIndexOf(' ');
            samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
        });
        return samples;
    }
}

package io.tvbridge.cli;

import static io.tvbridge.cli.TestDaemon.alert;
import static io.tvbridge.cli.TestDaemon.eventually;
import static io.tvbridge.cli.TestDaemon.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tvbridge.broker.ibkr.fake.FakeTwsServer;
import io.tvbridge.broker.ibkr.fake.PlacedOrder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The daemon with {@code BROKER=ibkr} against a fake TWS: webhook → PLACE_ORDER on the wire → fill → position. */
@Timeout(60)
class IbkrEndToEndTest {
    @TempDir
    Path folder;

    @Test
    void aWebhookBecomesAPlaceOrderFrameAFillAndAStoredPosition() {
        try (FakeTwsServer tws = FakeTwsServer.start();
             TestDaemon tv = TestDaemon.start(folder, Map.of("BROKER", "ibkr", "IBKR_PORT", Integer.toString(tws.port()),
                     "IBKR_CLIENT_ID", "7", "IBKR_MAX_RECONNECT_PAUSE", "1"))) {
            eventually("ready", () -> tv.get("/ready").statusCode() == 200);

            JsonNode answer = json(tv.post(alert("\"symbol\":\"NASDAQ:AAPL\",\"action\":\"buy\",\"quantity\":10,"
                    + "\"price\":187.35")));
            assertThat(answer.get("decision").asText()).isEqualTo("accepted");
            String orderId = answer.get("client_order_id").asText();

            List<String> frame = tws.await(fields -> fields.get(0).equals("3") && fields.contains(orderId),
                    Duration.ofSeconds(10));
            assertThat(frame).hasSize(118);   // PLACE_ORDER at server version 193
            assertThat(frame.get(2)).isEqualTo("265598");   // conId from the contract details
            assertThat(frame.subList(3, 5)).containsExactly("AAPL", "STK");
            assertThat(frame.get(9)).isEqualTo("SMART");
            assertThat(frame.subList(16, 19)).containsExactly("BUY", "10", "MKT");
            assertThat(frame.get(21)).isEqualTo("DAY");
            assertThat(frame.get(26)).isEqualTo(orderId);   // orderRef
            PlacedOrder placed = tws.placedOrders().get(0);
            assertThat(placed.order().orderRef()).isEqualTo(orderId);

            eventually("the fill is stored", () -> tv.count("select count(*) from fills where client_order_id = '"
                    + orderId + "' and quantity = 10 and commission > 0") == 1);
            eventually("the position is stored", () -> tv.count("select count(*) from positions where broker = 'ibkr'"
                    + " and symbol = 'AAPL' and quantity = 10") == 1);
            assertThat(tv.text("select status from orders where client_order_id = '" + orderId + "'"))
                    .isEqualTo("FILLED");
            assertThat(tv.text("select broker_order_id from orders where client_order_id = '" + orderId + "'"))
                    .isEqualTo(Long.toString(placed.permId()));

            JsonNode health = json(tv.get("/health"));
            assertThat(health.at("/broker/name").asText()).isEqualTo("ibkr");
            assertThat(health.at("/broker/server_version").asText()).isEqualTo("193");
            assertThat(health.at("/broker/port").asText()).isEqualTo(Integer.toString(tws.port()));

            tws.refuseConnections(true);
            tws.dropConnections();
            eventually("not ready while TWS is away", () -> tv.get("/ready").statusCode() == 503);
            tws.refuseConnections(false);
            eventually("ready again", () -> tv.get("/ready").statusCode() == 200);
            assertThat(tv.count("select count(*) from audit_log where action = 'broker.disconnected'")).isPositive();
        }
    }
    @Test
    void aContinuousFutureHeldAsItsContractMonthMatchesInTheReconciliation() {
        try (FakeTwsServer tws = FakeTwsServer.start();
             TestDaemon tv = TestDaemon.start(folder, Map.of("BROKER", "ibkr", "IBKR_PORT", Integer.toString(tws.port()),
                     "IBKR_CLIENT_ID", "8", "MARKET_HOURS", "always"))) {
            eventually("ready", () -> tv.get("/ready").statusCode() == 200);
            JsonNode answer = json(tv.post(alert("\"symbol\":\"CME_MINI:ES1!\",\"action\":\"buy\",\"quantity\":2,"
                    + "\"price\":6000")));
            assertThat(answer.get("decision").asText()).as(answer.toString()).isEqualTo("accepted");
            eventually("the position is stored", () -> tv.count("select count(*) from positions where broker = 'ibkr'"
                    + " and symbol = 'ES1!' and quantity = 2") == 1);

            JsonNode actual = tv.admin(200, "GET", "/admin/positions/actual", null);
            assertThat(actual.toString()).doesNotContain("ES1!");   // the broker names the contract month
            JsonNode reconciliation = tv.admin(200, "POST", "/admin/reconcile", "{\"actor\":\"test\"}");

            assertThat(reconciliation.get("outcome").asText()).as(reconciliation.toString()).isEqualTo("matched");
            assertThat(reconciliation.get("details").asText()).isEqualTo("1 position matches");
            assertThat(tv.admin(200, "GET", "/admin/status", null).at("/trading/kill/on").asBoolean()).isFalse();
        }
    }
}

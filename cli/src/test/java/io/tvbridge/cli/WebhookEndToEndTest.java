package io.tvbridge.cli;

import static io.tvbridge.cli.TestDaemon.alert;
import static io.tvbridge.cli.TestDaemon.eventually;
import static io.tvbridge.cli.TestDaemon.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tvbridge.broker.spi.BrokerException;
import io.tvbridge.broker.spi.model.Position;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class WebhookEndToEndTest {
    @TempDir
    Path folder;

    @Test
    void aJsonAlertBecomesAStoredSignalAFillAndAPosition() throws BrokerException {
        try (TestDaemon tv = TestDaemon.start(folder)) {
            HttpResponse<String> response = tv.post(alert("\"symbol\":\"NASDAQ:AAPL\",\"action\":\"buy\","
                    + "\"quantity\":\"10\",\"price\":\"150.50\",\"strategy\":\"ema-cross\",\"alert_id\":\"e2e-1\""));

            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode answer = json(response);
            assertThat(answer.get("decision").asText()).isEqualTo("accepted");
            long signalId = answer.get("signal_id").asLong();
            String orderId = answer.get("client_order_id").asText();
            assertThat(orderId).startsWith("tvb-").endsWith("-" + signalId + "-1");

            // the signal is in the inbox, with its fields and without the secret
            assertThat(tv.text("select symbol || ' ' || exchange || ' ' || action || ' ' || strategy || ' ' || decision"
                    + " from signals where id = " + signalId)).isEqualTo("AAPL NASDAQ BUY ema-cross ACCEPTED");
            assertThat(tv.text("select payload from signals where id = " + signalId))
                    .contains("\"symbol\":\"NASDAQ:AAPL\"").doesNotContain(TestDaemon.SECRET);

            eventually("the order is filled", () -> "FILLED".equals(
                    tv.text("select status from orders where client_order_id = '" + orderId + "'")));
            assertThat(tv.text("select side || ' ' || quantity || ' ' || filled_quantity from orders"
                    + " where client_order_id = '" + orderId + "'")).matches("BUY 10\\.0* 10\\.0*");
            assertThat(tv.count("select count(*) from fills where client_order_id = '" + orderId + "'"
                    + " and price = 150.5 and quantity = 10")).isEqualTo(1);
            eventually("the expected position is stored", () ->
                    tv.count("select count(*) from positions where symbol = 'AAPL' and quantity = 10"
                            + " and average_cost = 150.5") == 1);

            List<Position> paper = tv.paper().positions();
            assertThat(paper).singleElement().satisfies(position -> {
                assertThat(position.symbol()).isEqualTo("AAPL");
                assertThat(position.quantity()).isEqualByComparingTo("10");
                assertThat(position.averageCost()).isEqualByComparingTo("150.50");
            });
            assertThat(tv.paper().account().cash()).isEqualByComparingTo("98495");

            JsonNode health = json(tv.get("/health"));
            assertThat(health.get("status").asText()).isEqualTo("ok");
            assertThat(health.get("version").asText()).isNotBlank();
            assertThat(health.get("uptime_seconds").asLong()).isGreaterThanOrEqualTo(0);
            assertThat(health.at("/broker/name").asText()).isEqualTo("paper");
            assertThat(health.at("/broker/connected").asBoolean()).isTrue();
            assertThat(health.at("/broker/account").asText()).isEqualTo("PAPER");
            assertThat(health.at("/broker/orders").asText()).isEqualTo("1");
            assertThat(health.at("/db/ok").asBoolean()).isTrue();
            assertThat(tv.get("/ready").statusCode()).isEqualTo(200);
            assertThat(json(tv.get("/")).get("service").asText()).isEqualTo("tvbridge");
        }
    }

    @Test
    void aTradersPostTrailingStopExitRestsAtThePaperBrokerAndFillsWhenThePriceTurns() throws BrokerException {
        try (TestDaemon tv = TestDaemon.start(folder)) {
            tv.signal("\"symbol\":\"SPY\",\"action\":\"buy\",\"quantity\":10,\"price\":100");
            tv.settle();
            JsonNode answer = tv.signal("\"ticker\":\"SPY\",\"action\":\"exit\",\"orderType\":\"trailing_stop\","
                    + "\"signalPrice\":100,\"trailAmount\":\"1\"");
            assertThat(answer.get("decision").asText()).isEqualTo("accepted");
            assertThat(answer.at("/read/order_type").asText()).isEqualTo("trailing_stop");
            assertThat(answer.at("/read/trail_amount").asText()).isEqualTo("1");
            String trailing = answer.get("client_order_id").asText();
            String where = " from orders where client_order_id = '" + trailing + "'";
            eventually("the trailing stop rests", () -> "ACCEPTED".equals(tv.text("select status" + where)));
            assertThat(tv.text("select side || ' ' || cast(quantity as int) || ' ' || order_type || ' '"
                    + " || cast(trail_amount as int) || ' ' || coalesce(cast(trail_percent as varchar), '-')" + where))
                    .isEqualTo("SELL 10 TRAILING_STOP 1 -");

            // the next alerts bring SPY's prices: up to 105 moves the stop to 104, then 103.5 reaches it
            tv.signal("\"symbol\":\"SPY\",\"action\":\"buy\",\"quantity\":1,\"price\":105");
            tv.signal("\"symbol\":\"SPY\",\"action\":\"buy\",\"quantity\":1,\"price\":104.5");
            assertThat(tv.text("select status" + where)).isEqualTo("ACCEPTED");
            tv.signal("\"symbol\":\"SPY\",\"action\":\"buy\",\"quantity\":1,\"price\":103.5");

            eventually("the trailing stop filled", () -> "FILLED".equals(tv.text("select status" + where)));
            assertThat(tv.count("select count(*) from fills where client_order_id = '" + trailing + "'"
                    + " and price = 103.5 and quantity = 10")).isEqualTo(1);
            tv.settle();
            assertThat(tv.paper().positions()).singleElement()
                    .satisfies(position -> assertThat(position.quantity()).isEqualByComparingTo("3"));
        }
    }

    @Test
    void anEntryWithTwoTargetsIsTwoBracketsAndOneTargetsFillLeavesTheOtherStanding() {
        try (TestDaemon tv = TestDaemon.start(folder)) {
            String entry = "\"symbol\":\"AAPL\",\"action\":\"buy\",\"quantity\":4,\"price\":200,"
                    + "\"take_profits\":[{\"price\":210,\"share_percent\":50},{\"price\":220}],\"stop_loss\":190";
            JsonNode explained = tv.admin(200, "POST", "/admin/alerts/explain", new ObjectMapper()
                    .createObjectNode().put("message", "{" + entry + "}").toString());
            assertThat(explained.at("/orders/0/orders").toString()).isEqualTo("[\"BUY 2 AAPL market, take-profit"
                    + " 210, stop-loss 190\",\"BUY 2 AAPL market, take-profit 220, stop-loss 190\"]");

            JsonNode answer = tv.signal(entry);
            assertThat(answer.get("decision").asText()).isEqualTo("accepted");
            assertThat(answer.at("/read/take_profit").asText()).isEqualTo("210 (50%), 220 (50%)");
            assertThat(answer.get("client_order_ids")).hasSize(2);
            String first = answer.at("/client_order_ids/0").asText();
            String second = answer.at("/client_order_ids/1").asText();
            tv.settle();
            assertThat(tv.text("select listagg(client_order_id || ' ' || side || ' ' || cast(quantity as int) || ' '"
                    + " || order_type || ' ' || coalesce(cast(limit_price as int), cast(stop_price as int), 0) || ' '"
                    + " || status, '; ') within group (order by id) from orders")).isEqualTo(String.join("; ",
                    first + " BUY 2 MARKET 0 FILLED", first + ".tp SELL 2 LIMIT 210 ACCEPTED",
                    first + ".sl SELL 2 STOP 190 ACCEPTED", second + " BUY 2 MARKET 0 FILLED",
                    second + ".tp SELL 2 LIMIT 220 ACCEPTED", second + ".sl SELL 2 STOP 190 ACCEPTED"));

            // a buy at 211 brings the price to the first target: its bracket closes, the second stands
            tv.signal("\"symbol\":\"AAPL\",\"action\":\"buy\",\"quantity\":1,\"price\":211");
            eventually("the first target filled", () -> "FILLED".equals(tv.text("select status from orders"
                    + " where client_order_id = '" + first + ".tp'")));
            tv.settle();
            assertThat(tv.text("select status from orders where client_order_id = '" + first + ".sl'"))
                    .isEqualTo("CANCELLED");
            assertThat(tv.text("select listagg(status, ' ') within group (order by id) from orders"
                    + " where parent_client_order_id = '" + second + "'")).isEqualTo("ACCEPTED ACCEPTED");
            eventually("the position is what the first target left", () -> tv.count("select count(*) from positions"
                    + " where symbol = 'AAPL' and quantity = 3") == 1);
        }
    }

    @Test
    void plainTextAndFormEncodedAlertsAreTakenLikeJson() {
        try (TestDaemon tv = TestDaemon.start(folder)) {
            String loose = "{secret: '" + TestDaemon.SECRET + "', Ticker: 'MSFT', ACTION: 'Buy', qty: 3, price: 400,}";
            HttpResponse<String> plain = tv.post(loose, "text/plain; charset=utf-8", Map.of());
            assertThat(plain.statusCode()).as(plain.body()).isEqualTo(200);
            assertThat(json(plain).get("decision").asText()).isEqualTo("accepted");

            String form = "secret=" + TestDaemon.SECRET + "&symbol=TSLA&action=buy&contracts=2&price=250.5";
            HttpResponse<String> formed = tv.post(form, "application/x-www-form-urlencoded", Map.of());
            assertThat(formed.statusCode()).as(formed.body()).isEqualTo(200);

            HttpResponse<String> untyped = tv.post(alert("\"symbol\":\"NVDA\",\"action\":\"buy\",\"quantity\":1,"
                    + "\"price\":100").getBytes(), null, Map.of());
            assertThat(untyped.statusCode()).as(untyped.body()).isEqualTo(200);

            eventually("three positions", () -> tv.count("select count(*) from positions where quantity > 0") == 3);
            assertThat(tv.count("select count(*) from positions where symbol = 'TSLA' and quantity = 2")).isEqualTo(1);
        }
    }

    @Test
    void closeExitsThePositionAndRealizesTheProfit() {
        try (TestDaemon tv = TestDaemon.start(folder)) {
            tv.post(alert("\"symbol\":\"ETHUSD\",\"action\":\"buy\",\"quantity\":4,\"price\":2000"));
            HttpResponse<String> close = tv.post(alert("\"symbol\":\"ETHUSD\",\"action\":\"close\",\"price\":2100"));
            assertThat(json(close).get("decision").asText()).isEqualTo("accepted");
            String closeOrder = json(close).get("client_order_id").asText();
            eventually("the close fills", () -> "FILLED".equals(
                    tv.text("select status from orders where client_order_id = '" + closeOrder + "'")));
            assertThat(tv.text("select side || ' ' || quantity from orders where client_order_id = '"
                    + closeOrder + "'")).matches("SELL 4\\.0*");
            eventually("flat with the profit realized", () -> tv.count("select count(*) from positions"
                    + " where symbol = 'ETHUSD' and quantity = 0 and realized_pnl = 400") == 1);

            HttpResponse<String> again = tv.post(alert("\"symbol\":\"ETHUSD\",\"action\":\"close\",\"price\":2100,"
                    + "\"alert_id\":\"second-close\""));
            assertThat(json(again).get("decision").asText()).isEqualTo("rejected");
            assertThat(json(again).get("reason").asText()).contains("no open ETHUSD position");
        }
    }

    @Test
    void closeAllFlattensEveryPosition() {
        try (TestDaemon tv = TestDaemon.start(folder)) {
            tv.post(alert("\"symbol\":\"AAA\",\"action\":\"buy\",\"quantity\":5,\"price\":10"));
            tv.post(alert("\"symbol\":\"BBB\",\"action\":\"sell\",\"quantity\":2,\"price\":20"));
            eventually("both filled", () -> tv.count("select count(*) from positions where quantity <> 0") == 2);

            JsonNode answer = json(tv.post(alert("\"action\":\"close_all\"")));
            assertThat(answer.get("decision").asText()).isEqualTo("accepted");
            assertThat(answer.get("client_order_ids")).hasSize(2);
            eventually("flat everywhere", () -> tv.count("select count(*) from positions where quantity <> 0") == 0);
            assertThat(tv.count("select count(*) from orders where side = 'BUY' and symbol = 'BBB' and quantity = 2"))
                    .isEqualTo(1);
        }
    }

    @Test
    void aMarketOrderWithNoKnownPriceIsRejectedByThePaperBrokerWithItsReason() {
        try (TestDaemon tv = TestDaemon.start(folder)) {
            JsonNode answer = json(tv.post(alert("\"symbol\":\"NOPRICE\",\"action\":\"buy\",\"quantity\":1")));
            assertThat(answer.get("decision").asText()).isEqualTo("accepted");
            String orderId = answer.get("client_order_id").asText();
            // the acknowledgement says REJECTED; the broker's reason may follow in a later update
            eventually("the order is rejected with a reason", () -> tv.count("select count(*) from orders"
                    + " where client_order_id = '" + orderId + "' and status = 'REJECTED' and reason is not null") == 1);
            assertThat(tv.text("select reason from orders where client_order_id = '" + orderId + "'"))
                    .contains("no price is known for NOPRICE");
            assertThat(tv.count("select count(*) from fills")).isZero();
        }
    }

    @Test
    void everythingSurvivesARestart() throws BrokerException {
        String buy = alert("\"symbol\":\"AAPL\",\"action\":\"buy\",\"quantity\":7,\"price\":100,\"alert_id\":\"r-1\"");
        long signalId;
        try (TestDaemon tv = TestDaemon.start(folder, Map.of("PAPER_COMMISSION_PER_ORDER", "1.5"))) {
            signalId = json(tv.post(buy)).get("signal_id").asLong();
            eventually("filled", () -> tv.count("select count(*) from positions where quantity = 7") == 1);
        }
        try (TestDaemon tv = TestDaemon.start(folder, Map.of("PAPER_COMMISSION_PER_ORDER", "1.5"))) {
            assertThat(tv.count("select count(*) from signals where id = " + signalId)).isEqualTo(1);
            assertThat(tv.paper().positions()).singleElement()
                    .satisfies(p -> assertThat(p.quantity()).isEqualByComparingTo("7"));
            assertThat(tv.paper().account().cash()).isEqualByComparingTo(new BigDecimal("99298.5"));

            JsonNode resent = json(tv.post(buy));
            assertThat(resent.get("decision").asText()).isEqualTo("duplicate");
            assertThat(resent.get("signal_id").asLong()).isEqualTo(signalId);

            JsonNode next = json(tv.post(alert("\"symbol\":\"AAPL\",\"action\":\"sell\",\"quantity\":2,\"price\":110")));
            assertThat(next.get("signal_id").asLong()).isEqualTo(signalId + 1);
            eventually("reduced", () -> tv.count("select count(*) from positions where quantity = 5") == 1);
            assertThat(tv.count("select count(*) from orders")).isEqualTo(2);
        }
    }
}

package io.tvbridge.cli;

import static io.tvbridge.cli.TestDaemon.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tvbridge.broker.ibkr.fake.Behaviour;
import io.tvbridge.broker.ibkr.fake.FakeTwsServer;
import io.tvbridge.broker.spi.model.ClientOrderId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * How decided orders reach the broker: paced, exits ahead of entries, one symbol in its order,
 * entries held back while too many orders work, and a market order that hangs cancelled.
 */
@Timeout(120)
class OrderFlowTest {
    @TempDir
    Path folder;

    /** An order as the paper broker took it, from its journal. */
    private record Placed(String symbol, String side, Instant at) {
        @Override
        public String toString() {
            return side + " " + symbol;
        }
    }

    private static List<Placed> placed(TestDaemon tv) {
        List<Placed> placed = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(tv.dataDirectory.resolve("brokers/paper/paper-journal.log"))) {
                Map<String, String> fields = new HashMap<>();
                for (String field : line.split("\t")) {
                    int equals = field.indexOf('=');
                    fields.put(field.substring(0, equals),
                            URLDecoder.decode(field.substring(equals + 1), StandardCharsets.UTF_8));
                }
                if (fields.get("event").equals("placed") && !fields.get("id").contains(".")) {
                    placed.add(new Placed(fields.get("symbol"), fields.get("side"), Instant.parse(fields.get("time"))));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return placed;
    }

    private static String buy(String symbol) {
        return "\"action\":\"buy\",\"symbol\":\"" + symbol + "\",\"quantity\":1,\"price\":100";
    }

    @Test
    void ordersLeaveAtTheBrokersPaceAndExitsOvertakeWaitingEntries() {
        try (TestDaemon tv = TestDaemon.start(folder, Map.of("MAX_ORDERS_PER_SECOND", "4"))) {
            tv.signal(buy("HELD"));
            tv.settle();
            List<String> entries = List.of("A1", "A2", "A3", "A4", "A5", "A6", "A7", "A8", "A9");
            entries.forEach(symbol -> tv.signal(buy(symbol)));
            tv.signal("\"action\":\"close\",\"symbol\":\"HELD\",\"price\":100");
            eventually("all sent", () -> placed(tv).size() == 11);
            tv.settle();

            List<Placed> orders = placed(tv);
            // one order every 250 ms; the broker's clock reads a little after each send, so allow some jitter
            for (int i = 0; i + 4 < orders.size(); i++) {
                assertThat(Duration.between(orders.get(i).at(), orders.get(i + 4).at()))
                        .as("no five orders within one second (orders %d to %d)", i, i + 4)
                        .isGreaterThanOrEqualTo(Duration.ofMillis(900));
            }
            assertThat(Duration.between(orders.get(1).at(), orders.get(10).at()))
                    .isGreaterThanOrEqualTo(Duration.ofMillis(2_150));
            int exit = orders.stream().map(Placed::toString).toList().indexOf("SELL HELD");
            assertThat(exit).as("the close overtook the entries still waiting for their turn: %s", orders)
                    .isBetween(1, 4);
        }
    }

    @Test
    void oneSymbolKeepsItsOrderWhileOthersMayOvertake() throws Exception {
        try (TestDaemon tv = TestDaemon.start(folder, Map.of("MAX_ORDERS_PER_SECOND", "3"))) {
            tv.signal(buy("B1"));
            tv.signal(buy("B2"));
            tv.signal("\"action\":\"buy\",\"symbol\":\"SAME\",\"quantity\":5,\"price\":100");
            tv.signal("\"action\":\"close\",\"symbol\":\"SAME\",\"price\":100");
            Thread.sleep(300);
            JsonNode reopen = tv.signal("\"action\":\"buy\",\"symbol\":\"SAME\",\"quantity\":2,\"price\":100");
            assertThat(reopen.get("decision").asText()).isEqualTo("accepted");
            eventually("all sent", () -> placed(tv).size() == 5);
            tv.settle();

            List<String> same = placed(tv).stream().filter(p -> p.symbol().equals("SAME")).map(Placed::toString)
                    .toList();
            assertThat(same).containsExactly("BUY SAME", "SELL SAME", "BUY SAME");
            assertThat(tv.text("select cast(quantity as int) from positions where symbol = 'SAME'")).isEqualTo("2");
        }
    }

    @Test
    void entriesWaitWhileTooManyOrdersWorkButExitsDoNot() throws Exception {
        try (TestDaemon tv = TestDaemon.start(folder, Map.of("MAX_OUTSTANDING_ORDERS", "2"))) {
            tv.signal(buy("HELD"));
            tv.settle();
            // buy stops above the price: they rest at the paper broker until a price reaches them
            String first = tv.signal("\"action\":\"buy\",\"symbol\":\"R1\",\"quantity\":1,\"order_type\":\"stop\","
                    + "\"stop_price\":150,\"price\":100").get("client_order_id").asText();
            tv.signal("\"action\":\"buy\",\"symbol\":\"R2\",\"quantity\":1,\"order_type\":\"stop\","
                    + "\"stop_price\":150,\"price\":100");
            eventually("both stops rest", () -> tv.count("select count(*) from orders where status = 'ACCEPTED'")
                    == 2);

            String waiting = tv.signal(buy("LATE")).get("client_order_id").asText();
            String exit = tv.signal("\"action\":\"close\",\"symbol\":\"HELD\",\"price\":100").get("client_order_id")
                    .asText();
            eventually("the exit went out", () -> "FILLED".equals(tv.text("select status from orders where"
                    + " client_order_id = '" + exit + "'")));
            Thread.sleep(500);
            assertThat(tv.text("select status from orders where client_order_id = '" + waiting + "'"))
                    .as("the entry waits while two orders work").isEqualTo("NEW");

            tv.paper().cancel(ClientOrderId.of(first));
            eventually("the entry went out once a working order ended", () -> "FILLED".equals(tv.text(
                    "select status from orders where client_order_id = '" + waiting + "'")));
        }
    }

    @Test
    void aCancelAlertTakesBackTheWorkingOrdersOfItsSymbolAndKindOnly() {
        try (TestDaemon tv = TestDaemon.start(folder)) {
            // an entry that fills, leaving its take-profit (a limit) and its stop-loss (a stop) working
            tv.signal("\"symbol\":\"W\",\"action\":\"buy\",\"quantity\":1,\"price\":100,\"take_profit\":130,"
                    + "\"stop_loss\":90");
            String elsewhere = tv.signal("\"symbol\":\"V\",\"action\":\"buy\",\"quantity\":1,\"price\":100,"
                    + "\"order_type\":\"stop\",\"stop_price\":120").get("client_order_id").asText();
            eventually("the exits and the other stop rest", () -> tv.count(
                    "select count(*) from orders where status = 'ACCEPTED'") == 3);
            String stopLoss = tv.text("select client_order_id from orders where symbol = 'W' and order_type = 'STOP'");
            String takeProfit = tv.text("select client_order_id from orders where symbol = 'W' and order_type = 'LIMIT'");

            JsonNode answer = tv.signal("\"symbol\":\"W\",\"action\":\"cancel\",\"cancel_order_type\":\"stop\"");
            assertThat(answer.get("decision").asText()).isEqualTo("accepted");
            assertThat(answer.get("reason").asText()).isEqualTo("cancels 1 working stop order of W: " + stopLoss);
            JsonNode listed = tv.admin(200, "GET", "/admin/signals?limit=1", null).at("/items/0");
            assertThat(listed.get("cancel_order_type").asText()).isEqualTo("stop");
            assertThat(listed.has("order_type")).as("a cancel has no order type").isFalse();
            eventually("the stop-loss is cancelled", () -> status(tv, stopLoss).equals("CANCELLED"));
            assertThat(status(tv, takeProfit)).as("a take-profit is a limit, not a stop").isEqualTo("ACCEPTED");
            assertThat(status(tv, elsewhere)).as("another symbol's stop").isEqualTo("ACCEPTED");
            assertThat(tv.text("select details from audit_log where action = 'order.cancel_requested'"))
                    .contains("cancels 1 working stop order of W: " + stopLoss);

            JsonNode nothing = tv.signal("\"symbol\":\"W\",\"action\":\"cancel\",\"cancel_order_type\":\"stop\"");
            assertThat(nothing.get("decision").asText()).isEqualTo("accepted");
            assertThat(nothing.get("reason").asText()).isEqualTo("there are no working stop orders of W to cancel");

            // an order and the cancel right behind it: the cancel waits for the send, in the symbol's lane
            String fresh = tv.signal("\"symbol\":\"U\",\"action\":\"buy\",\"quantity\":1,\"price\":100,"
                    + "\"order_type\":\"stop\",\"stop_price\":120").get("client_order_id").asText();
            tv.signal("\"symbol\":\"U\",\"action\":\"cancel\"");
            eventually("the order just sent is cancelled", () -> status(tv, fresh).equals("CANCELLED"));
            assertThat(tv.count("select count(*) from fills where symbol = 'U'")).isZero();
        }
    }

    private static String status(TestDaemon tv, String clientOrderId) {
        return tv.text("select status from orders where client_order_id = '" + clientOrderId + "'");
    }

    @Test
    void aMarketOrderLeftUnfilledIsCancelledAndSaysWhy() {
        try (FakeTwsServer tws = FakeTwsServer.start();
             TestDaemon tv = TestDaemon.start(folder, Map.of("BROKER", "ibkr", "IBKR_PORT",
                     Integer.toString(tws.port()), "IBKR_CLIENT_ID", "7", "MARKET_ORDER_TIMEOUT", "1"))) {
            eventually("ready", () -> tv.get("/ready").statusCode() == 200);
            tws.onNextOrder(Behaviour.rest());
            String id = tv.signal("\"symbol\":\"NASDAQ:AAPL\",\"action\":\"buy\",\"quantity\":10,\"price\":187.35")
                    .get("client_order_id").asText();

            eventually("cancelled after the timeout", () -> "CANCELLED".equals(tv.text(
                    "select status from orders where client_order_id = '" + id + "'")));
            assertThat(tws.received()).as("a CANCEL_ORDER frame reached TWS")
                    .anyMatch(fields -> fields.get(0).equals("4"));
            assertThat(tv.text("select reason from orders where client_order_id = '" + id + "'"))
                    .isEqualTo("the market order was not filled within 1 s while AAPL traded (market_order_timeout);"
                            + " tvbridge cancelled it");
            assertThat(tv.text("select details from audit_log where action = 'order.timed_out'")).startsWith(id);
        }
    }
}

package io.tvbridge.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.tvbridge.cli.TestDaemon.alert;
import static io.tvbridge.cli.TestDaemon.eventually;
import static io.tvbridge.cli.TestDaemon.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon with {@code BROKER=oanda}, pointed at WireMock playing OANDA's v20 REST API: a
 * TradingView alert becomes the exact order JSON OANDA receives, OANDA's fill is recorded and
 * the expected position stored; a yen cross on a dollar account is valued in dollars at OANDA's
 * own factor, and its margin is held against the margin available.
 */
@Timeout(60)
class OandaEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "e2e-oanda-token-9a8b7c6d5e4f3a2b";
    private static final String ACCOUNT = "101-004-8765432-001";
    private static final String PATH = "/v3/accounts/" + ACCOUNT;

    @TempDir
    Path folder;
    private final WireMockServer oanda = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());

    @BeforeEach
    void startOanda() {
        oanda.start();
        accountAndPair("100000", "EUR_USD", -4, 5, "1.00000", "0.00050");
        oanda.stubFor(get(PATH + "/pendingOrders").willReturn(okJson("{\"orders\": [], \"lastTransactionID\": \"6409\"}")));
        oanda.stubFor(get(urlPathEqualTo(PATH + "/transactions/sinceid"))
                .willReturn(okJson("{\"transactions\": [], \"lastTransactionID\": \"6409\"}")));
        oanda.stubFor(get(urlPathMatching(PATH + "/orders/@.*")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"errorCode\": \"NO_SUCH_ORDER\", \"errorMessage\": \"The order ID specified does not exist\"}")));
        // OANDA fills the market order; its transactions carry the client id the order was sent with
        oanda.stubFor(post(PATH + "/orders").willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withTransformers("response-template").withBody("""
                {"orderCreateTransaction": {"id": "6410", "accountID": "101-004-8765432-001", "userID": 8765432,
                  "batchID": "6410", "requestID": "133157623870312461", "time": "2025-03-12T14:03:27.318246911Z",
                  "type": "MARKET_ORDER", "instrument": "EUR_USD", "units": "10000", "timeInForce": "FOK",
                  "positionFill": "DEFAULT", "reason": "CLIENT_ORDER",
                  "clientExtensions": {"id": "{{jsonPath request.body '$.order.clientExtensions.id'}}", "tag": "tvbridge"},
                  "tradeClientExtensions": {"id": "{{jsonPath request.body '$.order.clientExtensions.id'}}",
                                            "tag": "tvbridge"}},
                 "orderFillTransaction": {"id": "6411", "accountID": "101-004-8765432-001", "userID": 8765432,
                  "batchID": "6410", "requestID": "133157623870312461", "time": "2025-03-12T14:03:27.318246911Z",
                  "type": "ORDER_FILL", "orderID": "6410",
                  "clientOrderID": "{{jsonPath request.body '$.order.clientExtensions.id'}}",
                  "instrument": "EUR_USD", "units": "10000", "requestedUnits": "10000", "price": "1.08452",
                  "pl": "0.0000", "financing": "0.0000", "commission": "0.0000", "accountBalance": "100000.0000",
                  "halfSpreadCost": "0.4000", "fullVWAP": "1.08452", "reason": "MARKET_ORDER",
                  "tradeOpened": {"tradeID": "6411", "units": "10000", "price": "1.08452",
                                  "initialMarginRequired": "361.1452"}},
                 "relatedTransactionIDs": ["6410", "6411", "6412", "6413"], "lastTransactionID": "6413"}""")));
    }

    /**
     * A USD account whose balance, equity and margin available are {@code money}, trading one
     * currency pair at OANDA's usual 3.33% margin.
     */
    private void accountAndPair(String money, String pair, int pipLocation, int displayPrecision,
                                String maximumTrail, String minimumTrail) {
        oanda.stubFor(get(PATH + "/summary").willReturn(okJson("""
                {"account": {"id": "101-004-8765432-001", "currency": "USD", "hedgingEnabled": false,
                  "lastTransactionID": "6409", "balance": "%1$s", "pl": "0.0000", "unrealizedPL": "0.0000",
                  "NAV": "%1$s", "marginUsed": "0.0000", "marginAvailable": "%1$s",
                  "openTradeCount": 0, "openPositionCount": 0, "pendingOrderCount": 0, "createdByUserID": 8765432},
                 "lastTransactionID": "6409"}""".formatted(money + ".0000"))));
        oanda.stubFor(get(PATH + "/instruments").willReturn(okJson("""
                {"instruments": [
                  {"name": "%s", "type": "CURRENCY", "displayName": "%s", "pipLocation": %d,
                   "displayPrecision": %d, "tradeUnitsPrecision": 0, "minimumTradeSize": "1",
                   "maximumTrailingStopDistance": "%s", "minimumTrailingStopDistance": "%s",
                   "maximumPositionSize": "0", "maximumOrderUnits": "100000000", "marginRate": "0.0333"}],
                 "lastTransactionID": "6409"}""".formatted(pair, pair.replace('_', '/'), pipLocation, displayPrecision,
                maximumTrail, minimumTrail))));
    }

    @AfterEach
    void stopOanda() {
        oanda.stop();
    }

    private TestDaemon daemon() {
        String url = "http://127.0.0.1:" + oanda.port();
        return TestDaemon.start(folder, Map.of("BROKER", "oanda", "OANDA_TOKEN", TOKEN, "OANDA_ACCOUNT_ID", ACCOUNT,
                "OANDA_API_URL", url, "OANDA_STREAM_URL", url, "OANDA_POLL_INTERVAL", "0.2"));
    }

    @Test
    void anAlertBecomesTheExactOrderOandaReceivesThenAFillAndAStoredPosition() throws Exception {
        try (TestDaemon tv = daemon()) {
            HttpResponse<String> response = tv.post(alert("\"symbol\":\"OANDA:EURUSD\",\"action\":\"buy\","
                    + "\"quantity\":10000,\"price\":1.0845,\"take_profit\":1.092,\"stop_loss\":1.08,"
                    + "\"alert_id\":\"oanda-e2e-1\""));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(json(response).get("decision").asText()).isEqualTo("accepted");
            String orderId = json(response).get("client_order_id").asText();

            eventually("the order reaches OANDA", () -> !oanda.findAll(postRequestedFor(urlEqualTo(PATH + "/orders")))
                    .isEmpty());
            List<LoggedRequest> sent = oanda.findAll(postRequestedFor(urlEqualTo(PATH + "/orders")));
            assertThat(sent).hasSize(1);
            assertThat(sent.get(0).getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
            assertEquals(JSON.readTree("""
                    {"order": {"type": "MARKET", "instrument": "EUR_USD", "units": "10000", "timeInForce": "FOK",
                     "positionFill": "DEFAULT", "clientExtensions": {"id": "%1$s", "tag": "tvbridge"},
                     "tradeClientExtensions": {"id": "%1$s", "tag": "tvbridge"},
                     "takeProfitOnFill": {"price": "1.09200", "timeInForce": "GTC",
                                          "clientExtensions": {"id": "%1$s.tp", "tag": "tvbridge"}},
                     "stopLossOnFill": {"price": "1.08000", "timeInForce": "GTC",
                                        "clientExtensions": {"id": "%1$s.sl", "tag": "tvbridge"}}}}""".formatted(orderId)),
                    JSON.readTree(sent.get(0).getBodyAsString()));

            eventually("the order is filled", () -> "FILLED".equals(
                    tv.text("select status from orders where client_order_id = '" + orderId + "'")));
            assertThat(tv.text("select side || ' ' || quantity || ' ' || filled_quantity"
                    + " from orders where client_order_id = '" + orderId + "'")).matches("BUY 10000\\.0* 10000\\.0*");
            assertThat(tv.count("select count(*) from fills where client_order_id = '" + orderId + "'"
                    + " and execution_id = '6411' and price = 1.08452 and quantity = 10000")).isEqualTo(1);
            eventually("the expected position is stored", () -> tv.count("select count(*) from positions"
                    + " where symbol = 'EURUSD' and quantity = 10000 and average_cost = 1.08452") == 1);

            HttpResponse<String> health = tv.get("/health");
            assertThat(health.body()).doesNotContain(TOKEN);
            JsonNode broker = json(health).get("broker");
            assertThat(broker.get("name").asText()).isEqualTo("oanda");
            assertThat(broker.get("connected").asBoolean()).isTrue();
            assertThat(broker.get("account").asText()).isEqualTo(ACCOUNT);
            assertThat(broker.get("environment").asText()).isEqualTo("practice");
            assertThat(broker.get("last_transaction_id").asText()).isEqualTo("6413");
        }
        oanda.verify(1, postRequestedFor(urlEqualTo(PATH + "/orders")));
    }

    /**
     * A new user's first yen cross, as issue 18 tells it: a practice account in USD with 25,000 of
     * margin available that trades GBP/JPY (margin rate 3.33%), and OANDA's factor for the yen.
     */
    private void yenCrossOnADollarAccount() {
        accountAndPair("25000", "GBP_JPY", -2, 3, "100.000", "0.050");
        oanda.stubFor(get(urlPathEqualTo(PATH + "/pricing")).withQueryParam("instruments", equalTo("GBP_JPY"))
                .withQueryParam("includeHomeConversions", equalTo("true")).willReturn(okJson("""
                {"time": "2025-03-12T14:05:00.123456789Z",
                 "prices": [{"type": "PRICE", "instrument": "GBP_JPY", "time": "2025-03-12T14:04:59.987654321Z",
                   "tradeable": true, "bids": [{"price": "191.231", "liquidity": 1000000}],
                   "asks": [{"price": "191.250", "liquidity": 1000000}],
                   "closeoutBid": "191.221", "closeoutAsk": "191.260"}],
                 "homeConversions": [
                   {"currency": "GBP", "accountGain": "1.27331", "accountLoss": "1.27459", "positionValue": "1.27395"},
                   {"currency": "JPY", "accountGain": "0.00659596", "accountLoss": "0.00660476",
                    "positionValue": "0.00660036"},
                   {"currency": "USD", "accountGain": "1", "accountLoss": "1", "positionValue": "1"}]}""")));
    }

    @Test
    void aYenCrossWhoseMarginFitsIsSentToOanda() {
        yenCrossOnADollarAccount();
        try (TestDaemon tv = daemon()) {
            HttpResponse<String> response = tv.post(alert("\"symbol\":\"OANDA:GBPJPY\",\"action\":\"buy\","
                    + "\"quantity\":1500,\"price\":191.25,\"alert_id\":\"oanda-money-1\""));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(json(response).get("decision").asText()).as(response.body()).isEqualTo("accepted");
            String orderId = json(response).get("client_order_id").asText();

            eventually("the order reaches OANDA", () -> !oanda.findAll(postRequestedFor(urlEqualTo(PATH + "/orders")))
                    .isEmpty());
            assertThat(oanda.findAll(postRequestedFor(urlEqualTo(PATH + "/orders"))).get(0).getBodyAsString())
                    .contains("\"instrument\":\"GBP_JPY\"").contains("\"units\":\"1500\"").contains(orderId);
        }
    }

    @Test
    void aYenCrossWhoseMarginExceedsTheMarginAvailableIsRefusedNamingBothCurrencies() {
        yenCrossOnADollarAccount();
        try (TestDaemon tv = daemon()) {
            HttpResponse<String> response = tv.post(alert("\"symbol\":\"OANDA:GBPJPY\",\"action\":\"buy\","
                    + "\"quantity\":1000000,\"price\":191.25,\"alert_id\":\"oanda-money-2\""));
            JsonNode answer = json(response);
            assertThat(answer.get("decision").asText()).as(response.body()).isEqualTo("rejected");
            assertThat(answer.get("reason").asText()).isEqualTo("buying_power: the order is worth 191,250,000 JPY"
                    + " (1,262,318.85 USD at 0.00660036); the margin needed is 42,035.22 USD, the margin available"
                    + " 25,000.00 USD");
            assertThat(tv.count("select count(*) from orders")).isZero();
        }
        oanda.verify(0, postRequestedFor(urlEqualTo(PATH + "/orders")));
    }

    @Test
    void anOrderOandaCancelsIsStoredAsRejectedWithOandasReason() {
        oanda.stubFor(post(PATH + "/orders").atPriority(1).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withTransformers("response-template").withBody("""
                {"orderCreateTransaction": {"id": "6430", "accountID": "101-004-8765432-001", "userID": 8765432,
                  "batchID": "6430", "time": "2025-03-15T10:12:03.114922311Z", "type": "MARKET_ORDER",
                  "instrument": "EUR_USD", "units": "-5000", "timeInForce": "FOK", "positionFill": "DEFAULT",
                  "reason": "CLIENT_ORDER",
                  "clientExtensions": {"id": "{{jsonPath request.body '$.order.clientExtensions.id'}}", "tag": "tvbridge"}},
                 "orderCancelTransaction": {"id": "6431", "accountID": "101-004-8765432-001", "userID": 8765432,
                  "batchID": "6430", "time": "2025-03-15T10:12:03.114922311Z", "type": "ORDER_CANCEL",
                  "orderID": "6430", "clientOrderID": "{{jsonPath request.body '$.order.clientExtensions.id'}}",
                  "reason": "MARKET_HALTED"},
                 "relatedTransactionIDs": ["6430", "6431"], "lastTransactionID": "6431"}""")));
        try (TestDaemon tv = daemon()) {
            String orderId = json(tv.post(alert("\"symbol\":\"FX:EURUSD\",\"action\":\"sell\",\"quantity\":5000,"
                    + "\"alert_id\":\"oanda-e2e-2\""))).get("client_order_id").asText();

            // the ack says rejected first; OANDA's reason follows in the order's next update
            eventually("the order is rejected with OANDA's reason", () -> tv.count("select count(*) from orders"
                    + " where client_order_id = '" + orderId + "' and status = 'REJECTED' and reason is not null") == 1);
            assertThat(tv.text("select reason from orders where client_order_id = '" + orderId + "'"))
                    .contains("MARKET_HALTED");
            assertThat(tv.count("select count(*) from fills")).isZero();
            assertThat(tv.count("select count(*) from positions where quantity <> 0")).isZero();
        }
        oanda.verify(1, postRequestedFor(urlEqualTo(PATH + "/orders")));
    }

    @Test
    void theTokenIsInNoLogLineNoAnswerAndNoStoredRow() {
        oanda.stubFor(post(PATH + "/orders").atPriority(1).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"errorMessage\": \"Insufficient authorization to perform request.\"}")));
        List<String> answers = new ArrayList<>();
        List<String> stored;
        List<String> log;
        try (CapturedOutput output = CapturedOutput.start()) {
            try (TestDaemon tv = daemon()) {
                HttpResponse<String> refused = tv.post(alert("\"symbol\":\"FX:EURUSD\",\"action\":\"buy\","
                        + "\"quantity\":1000,\"alert_id\":\"leak-check-1\""));
                answers.add(refused.body());
                String orderId = json(refused).get("client_order_id").asText();
                eventually("OANDA's refusal is recorded", () -> "REJECTED".equals(
                        tv.text("select status from orders where client_order_id = '" + orderId + "'")));
                answers.add(tv.post(alert("\"symbol\":\"" + TOKEN + "\",\"action\":\"buy\",\"quantity\":1")).body());
                answers.add(tv.get("/health").body());
                answers.add(tv.admin("GET", "/admin/status", null).body());
                answers.add(tv.admin("GET", "/admin/orders", null).body());
                answers.add(tv.admin("GET", "/admin/account", null).body());
                answers.add(tv.admin("GET", "/admin/status", null, TOKEN).body());
                stored = SecretLeaks.storedRows(tv);
            }
            log = output.lines();
        }

        assertThat(log).as("the daemon's log was captured").anyMatch(line -> line.contains("starting broker oanda"));
        assertThat(SecretLeaks.in(log, List.of(TOKEN))).as("log lines holding the token").isEmpty();
        assertThat(SecretLeaks.in(answers, List.of(TOKEN))).as("answers holding the token").isEmpty();
        assertThat(SecretLeaks.in(stored, List.of(TOKEN))).as("stored rows holding the token").isEmpty();
    }
}

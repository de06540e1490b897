package io.tvbridge.cli;

import static io.tvbridge.cli.TestDaemon.eventually;
import static io.tvbridge.cli.TestDaemon.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tvbridge.core.model.OrderPhase;
import io.tvbridge.core.signal.Mirror;
import io.tvbridge.core.store.StoredOrder;
import io.tvbridge.core.store.StoredSignal;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several paper accounts in one daemon, over HTTP: alerts routed by strategy, by asset class and
 * by the account they name; each account with its own kill switch and records; a shadow copying
 * its leader's orders at the signal's price, its slippage report, and the copies a crash left
 * undone made at the next start.
 */
@Timeout(120)
class SeveralAccountsTest {
    private static final Map<String, String> ACCOUNTS = Map.of("ACCOUNTS", "live:paper,fx:paper,shadow:paper",
            "SHADOW_FOLLOWS", "live", "ROUTES", "strategy:ema -> live; fx:* -> fx",
            // the live account's fills are 20 basis points worse than the signal's price
            "LIVE_PAPER_SLIPPAGE_BPS", "20");

    @TempDir
    Path folder;

    @Test
    void alertsGoWhereTheirRoutesSendThemAndAShadowMeasuresTheLiveFills() {
        try (TestDaemon tv = TestDaemon.start(folder, ACCOUNTS)) {
            JsonNode ema = tv.signal("\"symbol\":\"AAPL\",\"action\":\"buy\",\"quantity\":10,\"price\":100,"
                    + "\"strategy\":\"ema\"");
            assertThat(accounts(ema)).containsExactly("live");
            assertThat(ema.get("decision").asText()).isEqualTo("accepted");
            assertThat(ema.get("routes").asText()).isEqualTo("strategy ema -> live");

            JsonNode pair = tv.signal("\"symbol\":\"FX:EURUSD\",\"action\":\"buy\",\"quantity\":1000,\"price\":1.1");
            assertThat(accounts(pair)).containsExactly("fx");
            JsonNode both = tv.signal("\"symbol\":\"EURUSD\",\"action\":\"buy\",\"quantity\":1000,\"price\":1.1,"
                    + "\"strategy\":\"ema\"");
            assertThat(accounts(both)).containsExactly("live", "fx");
            JsonNode named = tv.signal("\"symbol\":\"MSFT\",\"action\":\"buy\",\"quantity\":1,\"price\":400,"
                    + "\"account\":\"fx\"");
            assertThat(accounts(named)).containsExactly("fx");

            HttpResponse<String> nowhere = tv.post(TestDaemon.alert("\"symbol\":\"MSFT\",\"action\":\"buy\","
                    + "\"quantity\":1,\"price\":400,\"strategy\":\"rsi\""));
            assertThat(nowhere.statusCode()).isEqualTo(400);
            assertThat(json(nowhere).get("error").asText()).contains("no route sends this alert to an account")
                    .contains("strategy:ema -> live; fx:* -> fx");
            // named, the shadow decides an alert itself: a forward test on paper, beside the copies
            JsonNode toTheShadow = tv.signal("\"symbol\":\"NVDA\",\"action\":\"buy\",\"quantity\":1,"
                    + "\"price\":180,\"account\":\"shadow\"");
            assertThat(accounts(toTheShadow)).containsExactly("shadow");

            // each account's own records: live has AAPL and EURUSD, fx has EURUSD and MSFT
            eventually("every order filled", () -> placed(tv, "live").size() == 2 && placed(tv, "fx").size() == 3);
            assertThat(placed(tv, "live")).containsExactly("AAPL", "EURUSD");
            assertThat(placed(tv, "fx")).containsExactly("EURUSD", "EURUSD", "MSFT");
            // the shadow copied live's two orders, no other account's, and placed the one it decided
            eventually("the shadow's orders placed", () -> placed(tv, "shadow").size() == 3);
            assertThat(placed(tv, "shadow")).containsExactlyInAnyOrder("AAPL", "EURUSD", "NVDA");

            // a kill in one account leaves the others trading
            tv.daemon.account("fx").control().kill("test", "fx stopped");
            JsonNode killed = tv.signal("\"symbol\":\"FX:GBPUSD\",\"action\":\"buy\",\"quantity\":1000,"
                    + "\"price\":1.27,\"strategy\":\"ema\"");
            assertThat(killed.get("decision").asText()).isEqualTo("mixed");
            assertThat(killed.get("accounts").get(0).get("decision").asText()).isEqualTo("accepted");
            assertThat(killed.get("accounts").get(1).get("decision").asText()).isEqualTo("rejected");
            assertThat(killed.get("accounts").get(1).get("reason").asText()).contains("kill switch");

            eventually("the live fills recorded", () -> filled(tv, "live") == 3);
            JsonNode report = tv.admin(200, "GET", "/admin/slippage?account=shadow&symbol=AAPL", null);
            assertThat(report.get("leader").asText()).isEqualTo("live");
            JsonNode aapl = report.get("orders").get(0);
            assertThat(aapl.get("status").asText()).isEqualTo("measured");
            // bought 10 at 100.20 against the shadow's 100: 0.20 a share, 2 dollars
            assertThat(aapl.get("live_price").decimalValue()).isEqualByComparingTo("100.2");
            assertThat(aapl.get("shadow_price").decimalValue()).isEqualByComparingTo("100");
            assertThat(aapl.get("per_unit").decimalValue()).isEqualByComparingTo("0.2");
            assertThat(aapl.get("money").get("amount").decimalValue()).isEqualByComparingTo("2");
            assertThat(aapl.get("money").get("currency").asText()).isEqualTo("USD");
            assertThat(report.get("by_strategy").get(0).get("key").asText()).isEqualTo("ema");
            // a leader's order cancelled before it filled: its copy is cancelled too
            JsonNode resting = tv.signal("\"symbol\":\"MSFT\",\"action\":\"buy\",\"quantity\":1,\"price\":400,"
                    + "\"order_type\":\"trailing_stop\",\"trail_amount\":5,\"strategy\":\"ema\"");
            String order = resting.get("accounts").get(0).get("client_order_id").asText();
            eventually("the copy resting", () -> placed(tv, "shadow").contains("MSFT"));
            tv.admin(202, "POST", "/admin/orders/" + order + "/cancel?account=live",
                    "{\"actor\":\"test\",\"reason\":\"changed my mind\"}");
            eventually("the copy cancelled", () -> tv.daemon.account("shadow").store().inTransaction(session ->
                    session.ordersInPhases(Set.of(OrderPhase.CANCELLED))).stream()
                    .anyMatch(copy -> copy.symbol().equals("MSFT")));

            JsonNode all = tv.admin(200, "GET", "/admin/slippage", null);
            assertThat(all.get("accounts").get("shadow").get("total").get("orders").asInt()).isEqualTo(4);
            assertThat(all.get("accounts").get("shadow").get("total").get("measured").asInt()).isEqualTo(3);

            StringWriter out = new StringWriter();
            int code = Main.execute(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), "slippage",
                    "--account", "live", "--symbol", "AAPL", "--url", "http://127.0.0.1:" + tv.daemon.port(),
                    "--api-key", TestDaemon.ADMIN_KEY);
            assertThat(code).isZero();
            assertThat(out.toString()).contains("live's fills against its shadow shadow")
                    .containsPattern("AAPL +BUY +10 +100\\.2\\d* +100 +0\\.2 +20000 +2 USD")
                    .containsPattern("strategy ema +1 +1 +20000 +2 USD +2 USD");

            StringWriter checked = new StringWriter();
            Main.execute(new PrintWriter(checked, true), new PrintWriter(new StringWriter(), true), "check",
                    "--data-dir", tv.dataDirectory.toString(), "--port", Integer.toString(tv.daemon.port()), "--host",
                    "127.0.0.1");
            assertThat(checked.toString()).contains("broker live", "broker fx", "broker shadow")
                    .contains("paper (from the running tvbridge)");
        }
    }

    @Test
    void aShadowCopiesAtTheNextStartWhatItsLeaderDecidedWithoutItAndNothingTwice() {
        Map<String, String> unfollowed = Map.of("ACCOUNTS", "live:paper,shadow:paper");
        try (TestDaemon tv = TestDaemon.start(folder, unfollowed)) {
            HttpResponse<String> unnamed = tv.post(TestDaemon.alert("\"symbol\":\"AAPL\",\"action\":\"buy\","
                    + "\"quantity\":1,\"price\":100"));
            assertThat(unnamed.statusCode()).isEqualTo(400);
            assertThat(json(unnamed).get("error").asText()).contains("no ROUTES are set: name the account");
            tv.signal("\"symbol\":\"AAPL\",\"action\":\"buy\",\"quantity\":1,\"price\":100,\"account\":\"live\"");
            tv.signal("\"symbol\":\"SPY\",\"action\":\"buy\",\"quantity\":2,\"price\":600,\"account\":\"live\"");
            eventually("live's orders placed", () -> placed(tv, "live").size() == 2);
        }
        Map<String, String> followed = Map.of("ACCOUNTS", "live:paper,shadow:paper", "SHADOW_FOLLOWS", "live");
        for (int start = 0; start < 2; start++) {
            try (TestDaemon tv = TestDaemon.start(folder, followed)) {
                eventually("the copies placed", () -> placed(tv, "shadow").size() == 2);
                assertThat(placed(tv, "shadow")).containsExactly("AAPL", "SPY");
                List<StoredOrder> liveOrders = tv.daemon.account("live").store().inTransaction(session ->
                        session.ordersOfSignal(1));
                Optional<StoredSignal> copy = tv.daemon.account("shadow").store().inTransaction(session ->
                        session.findSignalByAlertId(Mirror.alertId("live", liveOrders.get(0).signalId())));
                assertThat(copy).isPresent();
            }
        }
    }

    @Test
    void aShadowRoutedTheAlertsOfItsLeaderCopiesItsOrdersAndDecidesTheRestItself() {
        Map<String, String> issueExample = Map.of("ACCOUNTS", "live:paper,fx:paper,shadow:paper",
                "SHADOW_FOLLOWS", "live", "ROUTES", "ema->live; fx:*->fx; *->shadow");
        try (TestDaemon tv = TestDaemon.start(folder, issueExample)) {
            JsonNode ema = tv.signal("\"symbol\":\"AAPL\",\"action\":\"buy\",\"quantity\":10,\"price\":100,"
                    + "\"strategy\":\"ema\"");
            assertThat(accounts(ema)).containsExactly("live");
            assertThat(ema.get("routes").asText()).isEqualTo("strategy ema -> live; any -> shadow; shadow copies"
                    + " live's orders");
            JsonNode pair = tv.signal("\"symbol\":\"FX:EURUSD\",\"action\":\"buy\",\"quantity\":1000,"
                    + "\"price\":1.1");
            assertThat(accounts(pair)).containsExactly("fx", "shadow");
            JsonNode other = tv.signal("\"symbol\":\"MSFT\",\"action\":\"buy\",\"quantity\":1,\"price\":400,"
                    + "\"strategy\":\"rsi\"");
            assertThat(accounts(other)).containsExactly("shadow");
            eventually("the shadow's orders placed", () -> placed(tv, "shadow").size() == 3);
            assertThat(placed(tv, "shadow")).containsExactlyInAnyOrder("AAPL", "EURUSD", "MSFT");
            long copies = tv.daemon.account("shadow").store().inTransaction(session -> session.recentSignals(10))
                    .stream().filter(signal -> signal.alert().alertId().orElse("").startsWith("mirror:live:")).count();
            assertThat(copies).as("only live's ema order is a copy").isEqualTo(1);
        }
    }

    private static List<String> accounts(JsonNode answer) {
        List<String> names = new ArrayList<>();
        answer.get("accounts").forEach(account -> {
            assertThat(account.get("decision").asText()).isEqualTo("accepted");
            names.add(account.get("account").asText());
        });
        return names;
    }

    /** The symbols of the orders an account's paper broker placed, in order (bracket children left out). */
    private static List<String> placed(TestDaemon tv, String account) {
        Path journal = tv.dataDirectory.resolve("accounts").resolve(account).resolve("brokers/paper/paper-journal.log");
        List<String> symbols = new ArrayList<>();
        try {
            if (!Files.exists(journal)) {
                return symbols;
            }
            for (String line : Files.readAllLines(journal)) {
                if (line.contains("event=placed") && !line.matches(".*\tid=[^\t]*\\.(tp|sl)\t.*")) {
                    for (String field : line.split("\t")) {
                        if (field.startsWith("symbol=")) {
                            symbols.add(field.substring("symbol=".length()));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return symbols;
    }

    private static long filled(TestDaemon tv, String account) {
        return tv.daemon.account(account).store().inTransaction(session -> session.ordersInPhases(
                Set.of(OrderPhase.FILLED))).stream().filter(order -> order.progress().filledQuantity()
                .compareTo(BigDecimal.ZERO) > 0).count();
    }
}

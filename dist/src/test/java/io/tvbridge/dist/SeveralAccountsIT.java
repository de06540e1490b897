package io.tvbridge.dist;

import static io.tvbridge.dist.RoutedAlerts.buy;
import static io.tvbridge.dist.RoutedAlerts.ema;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tvbridge.broker.ibkr.fake.FakeTwsServer;
import io.tvbridge.broker.oanda.fake.FakeOandaServer;
import io.tvbridge.broker.oanda.fake.OandaFixtures;
import io.tvbridge.dist.RoutedAlerts.Answer;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon of several accounts, end to end: one jar trading {@code live} on a fake TWS,
 * {@code fx} on a fake OANDA and {@code shadow} on paper, copying live. Alerts go where the
 * routes send them and nowhere else; a kill switch stops one account and not the others; kill -9
 * at random moments loses no acknowledged alert and doubles no order in any account or venue;
 * the shadow copies each of live's orders once; and the slippage report agrees with the fills
 * the fake TWS made. Everything is checked at the fakes and in the stores, not by asking the daemon.
 */
@Timeout(240)
class SeveralAccountsIT {
    private static final String SECRET = "several-accounts-secret-0123456789";
    static final String ADMIN_KEY = "several-accounts-admin-key-0123456789";
    private static final String ROUTES = "strategy:ema->live; fx:*->fx";
    private static final int KILLS = 3;
    private static final String EURUSD_PRICE = "1.0845";

    /** A stock the ema strategy trades: the price its alerts carry, and the price the fake TWS fills at. */
    record Quote(BigDecimal alert, BigDecimal venue) {
        static Quote of(String alert, String venue) {
            return new Quote(new BigDecimal(alert), new BigDecimal(venue));
        }
    }

    static final Map<String, Quote> STOCKS = Map.of("AAPL", Quote.of("187.30", "187.35"),
            "MSFT", Quote.of("412.50", "412.35"), "IBM", Quote.of("150.20", "150.27"),
            "SPY", Quote.of("580.00", "580.13"));
    private static final List<String> STREAMED = List.of("AAPL", "MSFT", "IBM", "SPY");

    @TempDir
    Path folder;

    private static Map<String, String> environment(FakeTwsServer tws, FakeOandaServer oanda) {
        Map<String, String> env = new HashMap<>(Map.of("PORT", "0", "HOST", "127.0.0.1", "WEBHOOK_SECRET", SECRET,
                "ADMIN_API_KEY", ADMIN_KEY, "ACCOUNTS", "live:ibkr,fx:oanda,shadow:paper", "SHADOW_FOLLOWS", "live",
                "ROUTES", ROUTES, "MARKET_HOURS", "always", "MAX_ORDERS_PER_SECOND", "0",
                "JAVA_TOOL_OPTIONS", "-XX:TieredStopAtLevel=1"));
        env.putAll(Map.of("LIVE_IBKR_PORT", Integer.toString(tws.port()), "LIVE_IBKR_CLIENT_ID", "5",
                "LIVE_IBKR_MAX_RECONNECT_PAUSE", "1"));
        env.putAll(Map.of("FX_OANDA_TOKEN", FakeOandaServer.TOKEN, "FX_OANDA_ACCOUNT_ID", OandaFixtures.ACCOUNT,
                "FX_OANDA_API_URL", oanda.url(), "FX_OANDA_STREAM_URL", oanda.url(), "FX_OANDA_POLL_INTERVAL", "0.2",
                "FX_OANDA_REQUEST_TIMEOUT", "2"));
        return env;
    }

    @Test
    void eachAccountTradesOnItsOwnThroughRoutesKillsAndCrashes() throws Exception {
        long seed = Long.getLong("tvbridge.seed", System.nanoTime());
        System.out.println("kill -9 moments from seed " + seed + " (again: -Dtvbridge.seed=" + seed + ")");
        Random random = new Random(seed);
        long began = System.nanoTime();
        RoutedAlerts alerts = new RoutedAlerts(SECRET);
        try (FakeTwsServer tws = FakeTwsServer.start(); FakeOandaServer oanda = new FakeOandaServer()) {
            STOCKS.forEach((symbol, quote) -> tws.price(symbol, quote.venue()));
            SeveralVenues venues = new SeveralVenues(tws, oanda, folder.resolve("data"));
            Map<String, String> env = environment(tws, oanda);
            for (int run = 0; run < KILLS; run++) {
                try (JarProcess tv = start(env)) {
                    if (run == 0) {
                        routesByStrategyAssetClassAndName(tv, alerts, venues);
                        killOfOneAccountLeavesTheOthersTrading(tv, alerts, venues);
                    }
                    RoutedAlerts.Streaming streaming = alerts.stream(tv, 3, 40, SeveralAccountsIT::streamed);
                    JarProcess.pause(300 + random.nextInt(1_200));
                    tv.kill();
                    streaming.stop();
                }
            }
            JsonNode report;
            try (JarProcess tv = start(env)) {
                // recovery sends what was decided and not sent, and the shadow copies what it had not copied
                report = caughtUp(tv, alerts, venues);
                tv.process.destroy();
                tv.exitCode(Duration.ofSeconds(30));
            }
            venues.checkEveryAcknowledgedAlertOrderedOnce(alerts);
            venues.checkTheShadowCopiedEachOrderOnce();
            SlippageCheck.of(report, tws, STOCKS).check();
            System.out.printf("several accounts, kill -9 x%d: live %d, fx %d alerts acknowledged; %d orders at TWS,"
                    + " %d at OANDA, %d on paper, each once; %d s%n", KILLS, alerts.acknowledged("live").size(),
                    alerts.acknowledged("fx").size(), venues.atTws().size(), venues.atOanda().size(),
                    venues.onPaper().size(), Duration.ofNanos(System.nanoTime() - began).toSeconds());
        }
    }

    /** Half ema buys of one share of a stock, half buys of EURUSD without a strategy. */
    private static RoutedAlerts.Alert streamed(int n) {
        if (n % 2 == 0) {
            String symbol = STREAMED.get(n / 2 % STREAMED.size());
            return ema("stream-" + n, "buy", symbol, "1", STOCKS.get(symbol).alert().toPlainString());
        }
        return buy("stream-" + n, "FX:EURUSD", "1000", EURUSD_PRICE);
    }

    private static void routesByStrategyAssetClassAndName(JarProcess tv, RoutedAlerts alerts, SeveralVenues venues)
            throws Exception {
        for (RoutedAlerts.Alert alert : List.of(ema("route-1", "buy", "NASDAQ:AAPL", "3", "187.30"),
                ema("route-2", "buy", "MSFT", "2", "412.50"), ema("route-3", "sell", "NASDAQ:AAPL", "1", "187.30"))) {
            Answer answer = alerts.send(tv, alert);
            assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
            assertThat(answer.accountNames()).as("ema goes to live alone").containsExactly("live");
            assertThat(answer.only().decision()).as(answer.body().toString()).isEqualTo("accepted");
            // the sell follows the buy's fill
            await("TWS has " + alert.alertId(), () -> venues.atTws().keySet()
                    .containsAll(answer.only().clientOrderIds()));
        }
        for (RoutedAlerts.Alert alert : List.of(buy("route-fx-1", "FX:EURUSD", "1000", EURUSD_PRICE),
                buy("route-fx-2", "EURUSD", "2000", EURUSD_PRICE),
                // ema would send it to live too: an alert naming its account goes there alone
                ema("route-named", "buy", "EURUSD", "1000", EURUSD_PRICE).named("fx"))) {
            Answer answer = alerts.send(tv, alert);
            assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
            assertThat(answer.accountNames()).as("forex goes to fx alone").containsExactly("fx");
            assertThat(answer.only().decision()).as(answer.body().toString()).isEqualTo("accepted");
            await("OANDA has " + alert.alertId(), () -> venues.atOanda().keySet()
                    .containsAll(answer.only().clientOrderIds()));
        }
        Answer nowhere = alerts.send(tv, buy("route-none", "NASDAQ:AAPL", "1", "187.30"));
        assertThat(nowhere.status()).as(nowhere.body().toString()).isEqualTo(400);
        assertThat(nowhere.body().path("error").asText()).as("refused with the reason")
                .contains("no route sends this alert to an account").contains("no strategy")
                .contains("the routes are: strategy:ema -> live; fx:* -> fx");
        JarProcess.pause(500);
        assertThat(venues.atTws()).as("TWS has the ema orders alone").hasSize(3);
        assertThat(venues.atOanda()).as("OANDA has the forex orders alone").hasSize(3);
    }

    private static void killOfOneAccountLeavesTheOthersTrading(JarProcess tv, RoutedAlerts alerts,
                                                               SeveralVenues venues) throws Exception {
        var killed = tv.admin("/admin/kill?account=live", ADMIN_KEY,
                "{\"actor\":\"test\",\"reason\":\"several accounts: live alone stops\"}");
        assertThat(killed.statusCode()).as(killed.body()).isEqualTo(200);
        int atTws = venues.atTws().size();

        Answer refused = alerts.send(tv, ema("kill-1", "buy", "IBM", "1", "150.20"));
        assertThat(refused.status()).as(refused.body().toString()).isEqualTo(200);
        assertThat(refused.only().account()).isEqualTo("live");
        assertThat(refused.only().decision()).isEqualTo("rejected");
        assertThat(refused.only().reason()).as(refused.body().toString()).hasValueSatisfying(reason ->
                assertThat(reason).containsIgnoringCase("kill switch"));

        Answer forex = alerts.send(tv, buy("kill-fx", "EURUSD", "1000", EURUSD_PRICE));
        assertThat(forex.only().decision()).as(forex.body().toString()).isEqualTo("accepted");
        await("OANDA has kill-fx while live is killed", () -> venues.atOanda().keySet()
                .containsAll(forex.only().clientOrderIds()));
        JarProcess.pause(300);
        assertThat(venues.atTws()).as("nothing new reaches TWS while live is killed").hasSize(atTws);

        var resumed = tv.admin("/admin/resume?account=live", ADMIN_KEY,
                "{\"actor\":\"test\",\"reason\":\"several accounts: live trades again\"}");
        assertThat(resumed.statusCode()).as(resumed.body()).isEqualTo(200);
        Answer again = alerts.send(tv, ema("kill-2", "buy", "IBM", "1", "150.20"));
        assertThat(again.only().decision()).as(again.body().toString()).isEqualTo("accepted");
        await("TWS has kill-2 after the resume", () -> venues.atTws().keySet()
                .containsAll(again.only().clientOrderIds()));
    }

    /**
     * Waits until live's orders have all filled and been copied and filled on paper (the slippage
     * report measures every one), every acknowledged forex order reached OANDA, and the venues
     * have been still for a moment; returns the report.
     */
    private static JsonNode caughtUp(JarProcess tv, RoutedAlerts alerts, SeveralVenues venues) {
        AtomicReference<JsonNode> report = new AtomicReference<>();
        AtomicReference<String> last = new AtomicReference<>("");
        await("every order filled, copied and measured", () -> {
            try {
                var response = tv.admin("/admin/slippage?account=shadow", ADMIN_KEY);
                if (response.statusCode() != 200) {
                    return false;
                }
                JsonNode now = RoutedAlerts.JSON.readTree(response.body());
                report.set(now);
                String seen = venues.atTws().size() + "/" + venues.atOanda().size() + "/"
                        + now.path("orders").size();
                boolean still = seen.equals(last.getAndSet(seen));
                boolean measured = now.path("total").path("measured").asInt() == now.path("orders").size();
                return still && measured && venues.atOanda().keySet().containsAll(alerts.acknowledged("fx")
                        .values().stream().flatMap(taken -> taken.clientOrderIds().stream()).toList());
            } catch (Exception e) {
                return false;
            }
        }, 500);
        return report.get();
    }

    /** Starts the jar in the test's folder and waits until it listens and live is connected to TWS. */
    private JarProcess start(Map<String, String> env) {
        JarProcess tv = JarProcess.start(folder, env, "run");
        try {
            tv.awaitListening(Duration.ofSeconds(60));
            await("connected to the fake TWS", () -> {
                try {
                    return tv.get("/ready").statusCode() == 200;
                } catch (Exception e) {
                    return false;
                }
            });
            return tv;
        } catch (RuntimeException | Error e) {
            tv.close();
            throw e;
        }
    }

    static void await(String what, BooleanSupplier condition) {
        await(what, condition, 50);
    }

    private static void await(String what, BooleanSupplier condition, long pauseMillis) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            JarProcess.pause(pauseMillis);
        }
    }
}

package io.tvbridge.dist;

import static org.assertj.core.api.Assertions.assertThat;

import io.tvbridge.broker.ibkr.fake.Behaviour;
import io.tvbridge.broker.ibkr.fake.FakeTwsServer;
import io.tvbridge.broker.ibkr.fake.PlacedOrder;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar against a fake TWS over the real wire protocol: killed at random moments while alerts
 * stream in, and cut off from TWS between sending an order and hearing back. Whatever happens,
 * TWS receives each of tvbridge's orders at most once, and tvbridge ends up knowing how each ended.
 */
@Timeout(300)
class IbkrRecoveryIT {
    private static final String SECRET = "ibkr-recovery-secret-0123456789";
    private static final String ADMIN_KEY = "ibkr-recovery-admin-key-0123456789";
    private static final Pattern CLIENT_ORDER_ID = Pattern.compile("\"client_order_id\":\"([^\"]+)\"");
    private static final Pattern TOTAL = Pattern.compile("\"total\":(\\d+)");

    @TempDir
    Path folder;

    private static Map<String, String> environment(FakeTwsServer tws) {
        Map<String, String> env = new HashMap<>(Map.of("PORT", "0", "HOST", "127.0.0.1", "WEBHOOK_SECRET", SECRET,
                "ADMIN_API_KEY", ADMIN_KEY, "BROKER", "ibkr",
                "IBKR_PORT", Integer.toString(tws.port()), "IBKR_CLIENT_ID", "5", "IBKR_MAX_RECONNECT_PAUSE", "1",
                "MARKET_HOURS", "always"));
        env.put("MAX_ORDERS_PER_SECOND", "0");
        return env;
    }

    private static void awaitReady(JarProcess tv) {
        tv.awaitListening(Duration.ofSeconds(60));
        await("connected to the fake TWS", Duration.ofSeconds(30), () -> {
            try {
                return tv.get("/ready").statusCode() == 200;
            } catch (Exception e) {
                return false;
            }
        });
    }

    private static void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            JarProcess.pause(50);
        }
    }

    /** How many times TWS received each orderRef. */
    private static Map<String, Long> receivedByOrderRef(FakeTwsServer tws) {
        return tws.placedOrders().stream().collect(Collectors.groupingBy(p -> p.order().orderRef(),
                Collectors.counting()));
    }

    @Test
    void killedAtRandomMomentsItNeverSendsAnOrderTwice() throws Exception {
        Map<Long, String> acknowledged = new ConcurrentHashMap<>();
        AlertStream alerts = new AlertStream(SECRET, List.of("AAPL", "MSFT", "IBM", "SPY"), acknowledged);
        long seed = System.nanoTime();
        Random random = new Random(seed);
        System.out.println("kill -9 moments from seed " + seed);
        try (FakeTwsServer tws = FakeTwsServer.start()) {
            Map<String, String> env = environment(tws);
            for (int round = 0; round < 3; round++) {
                try (JarProcess tv = JarProcess.start(folder, env, "run")) {
                    awaitReady(tv);
                    alerts.streamFor(tv, Duration.ofMillis(300 + random.nextInt(2_000)));
                    tv.kill();
                }
            }
            try (JarProcess tv = JarProcess.start(folder, env, "run")) {
                awaitReady(tv);
                // recovery sends what was decided but not sent and looks up what was sent
                await("every order ended and every fill recorded", Duration.ofSeconds(90), () -> caughtUp(tv));
                tv.process.destroy();
                tv.exitCode(Duration.ofSeconds(30));
            }

            StoredData data = new StoredData(folder.resolve("data"));
            assertThat(acknowledged).hasSizeGreaterThan(20);
            assertThat(data.pairs("select id, alert_id from signals")).containsAllEntriesOf(acknowledged);
            assertThat(data.count("select count(*) from signals s where (select count(*) from orders o"
                    + " where o.signal_id = s.id) <> 1")).as("one order for each accepted buy").isZero();

            Map<String, Long> received = receivedByOrderRef(tws);
            assertThat(received.values()).as("no orderRef reached TWS twice").allMatch(n -> n == 1);
            Set<String> filled = new TreeSet<>(data.column("select client_order_id from orders where status = 'FILLED'"));
            assertThat(filled).as("every order TWS received is recorded as filled").isEqualTo(received.keySet());
            assertThat(data.column("select status || ': ' || coalesce(reason, '') from orders where status <> 'FILLED'"))
                    .as("an order that never reached TWS ended, and says why")
                    .allMatch(row -> row.startsWith("CANCELLED: IB reports no open order"));
            assertThat(data.count("select count(*) from fills")).isEqualTo(filled.size());
            System.out.printf("kill -9 x3 with IBKR: %d alerts acknowledged, %d orders at TWS, each once%n",
                    acknowledged.size(), received.size());
        }
    }

    @Test
    void anOrderCutOffBeforeItsAcknowledgementIsFoundNotSentAgain() throws Exception {
        try (FakeTwsServer tws = FakeTwsServer.start()) {
            try (JarProcess tv = JarProcess.start(folder, environment(tws), "run")) {
                awaitReady(tv);

                // the connection drops after TWS took the order and before it answered
                tws.onNextOrder(Behaviour.silent());
                String first = send(tv, "AAPL", 3, "cut-1");
                await("TWS has the order", Duration.ofSeconds(10), () -> receivedByOrderRef(tws).containsKey(first));
                tws.dropConnections();
                await("reconnected", Duration.ofSeconds(30), () -> tws.connections() == 1);
                tws.fill(placed(tws, first).orderId(), new BigDecimal("3"), new BigDecimal("187.35"));
                await("the fill recorded", Duration.ofSeconds(30), () -> logsFill(tv, first));

                // and this time TWS fills it while tvbridge is away
                tws.onNextOrder(Behaviour.silent());
                String second = send(tv, "MSFT", 2, "cut-2");
                await("TWS has the order", Duration.ofSeconds(10), () -> receivedByOrderRef(tws).containsKey(second));
                tws.refuseConnections(true);
                tws.dropConnections();
                tws.fill(placed(tws, second).orderId(), new BigDecimal("2"), new BigDecimal("412.35"));
                JarProcess.pause(1_500);
                tws.refuseConnections(false);
                await("the fill found after reconnecting", Duration.ofSeconds(30),
                        () -> logsFill(tv, second));

                // and this time the connection drops before TWS reads the order: it is sent again, once
                tws.onNextOrder(Behaviour.lost());
                String third = send(tv, "IBM", 1, "cut-3");
                await("sent again after reconnecting and filled", Duration.ofSeconds(30),
                        () -> logsFill(tv, third));
                JarProcess.pause(1_000);
                tv.process.destroy();
                tv.exitCode(Duration.ofSeconds(30));
            }
            assertThat(receivedByOrderRef(tws)).hasSize(3)
                    .allSatisfy((ref, times) -> assertThat(times).as("%s sent once", ref).isEqualTo(1));
            StoredData data = new StoredData(folder.resolve("data"));
            assertThat(data.column("select client_order_id || ' ' || status || ' ' || cast(filled_quantity as int)"
                    + " from orders order by id")).hasSize(3).allMatch(row -> row.contains(" FILLED "));
            assertThat(data.column("select symbol || ' ' || cast(quantity as int) from positions order by symbol"))
                    .containsExactly("AAPL 3", "IBM 1", "MSFT 2");
        }
    }

    private static String send(JarProcess tv, String symbol, int quantity, String alertId) throws Exception {
        var response = tv.post("{\"secret\":\"" + SECRET + "\",\"symbol\":\"" + symbol + "\",\"action\":\"buy\","
                + "\"quantity\":" + quantity + ",\"alert_id\":\"" + alertId + "\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Matcher matcher = CLIENT_ORDER_ID.matcher(response.body());
        assertThat(matcher.find()).as(response.body()).isTrue();
        return matcher.group(1);
    }

    /** Whether the running daemon says no order still works or waits and every filled order has its fills. */
    private static boolean caughtUp(JarProcess tv) {
        try {
            long open = 0;
            for (String status : List.of("NEW", "SUBMITTED", "ACCEPTED", "PARTIALLY_FILLED")) {
                open += total(tv, "/admin/orders?limit=1&status=" + status);
            }
            return open == 0 && total(tv, "/admin/trades?limit=1") == total(tv, "/admin/orders?limit=1&status=FILLED");
        } catch (Exception e) {
            return false;
        }
    }

    private static long total(JarProcess tv, String path) throws Exception {
        var response = tv.admin(path, ADMIN_KEY);
        Matcher matcher = TOTAL.matcher(response.body());
        if (response.statusCode() != 200 || !matcher.find()) {
            throw new IllegalStateException(path + ": " + response.statusCode() + " " + response.body());
        }
        return Long.parseLong(matcher.group(1));
    }

    /** Whether the daemon's log shows a fill recorded for the order. */
    private static boolean logsFill(JarProcess tv, String clientOrderId) {
        return tv.output().contains(" order=" + clientOrderId + " fill ");
    }

    private static PlacedOrder placed(FakeTwsServer tws, String orderRef) {
        return tws.placedOrders().stream().filter(p -> p.order().orderRef().equals(orderRef)).findFirst()
                .orElseThrow();
    }
}

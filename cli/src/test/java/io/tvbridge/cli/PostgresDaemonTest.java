package io.tvbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tvbridge.broker.spi.model.ClientOrderId;
import io.tvbridge.broker.spi.model.OrderStatus;
import io.tvbridge.core.store.PostgresServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon with {@code DATABASE_URL} on a real PostgreSQL server: alerts over HTTP become signals,
 * orders, fills and positions in PostgreSQL (none in an H2 file), a restart finds them all, and the
 * database password shows nowhere.
 */
@Timeout(120)
class PostgresDaemonTest {
    /** What an operator reads of the records; a restart must show the same. */
    static final List<String> RECORDS = List.of("/admin/signals?limit=100", "/admin/orders?limit=100",
            "/admin/trades?limit=100", "/admin/positions/expected");

    @TempDir
    Path folder;

    @Test
    void alertsAreRecordedInPostgresqlAndARestartKeepsThem() {
        PostgresServer server = PostgresServer.shared();
        String database = server.createDatabase();
        Map<String, String> environment = Map.of("DATABASE_URL", server.databaseUrl(database),
                "DATABASE_USER", PostgresServer.USER, "DATABASE_PASSWORD", PostgresServer.PASSWORD);
        List<JsonNode> before;
        List<String> answers = new ArrayList<>();
        List<String> log;
        try (CapturedOutput output = CapturedOutput.start()) {
            try (TestDaemon tv = TestDaemon.start(folder, environment)) {
                JsonNode buy = tv.signal("\"symbol\":\"NASDAQ:AAPL\",\"action\":\"buy\",\"quantity\":10,"
                        + "\"price\":150.5,\"strategy\":\"pg\"");
                assertThat(buy.get("decision").asText()).isEqualTo("accepted");
                tv.signal("\"symbol\":\"MSFT\",\"action\":\"buy\",\"quantity\":3,\"price\":400");
                tv.signal("\"symbol\":\"NASDAQ:AAPL\",\"action\":\"close\",\"price\":160");
                tv.settle();

                // read straight from PostgreSQL
                assertThat(tv.count("select count(*) from signals where decision = 'ACCEPTED'")).isEqualTo(3);
                assertThat(tv.count("select count(*) from orders where status = 'FILLED'")).isEqualTo(3);
                assertThat(tv.count("select count(*) from fills")).isEqualTo(3);
                assertThat(tv.count("select count(*) from order_events")).isPositive();
                assertThat(tv.text("select quantity || ' ' || realized_pnl from positions where symbol = 'AAPL'"))
                        .matches("0E-12 95\\.0*|0\\.0* 95\\.0*");
                assertThat(tv.count("select count(*) from positions where symbol = 'MSFT' and quantity = 3"))
                        .isEqualTo(1);

                JsonNode health = TestDaemon.json(tv.get("/health"));
                assertThat(health.at("/db/ok").asBoolean()).isTrue();
                assertThat(health.at("/db/kind").asText()).isEqualTo("postgresql");
                JsonNode status = tv.admin(200, "GET", "/admin/status", null);
                assertThat(status.at("/database/kind").asText()).isEqualTo("postgresql");
                answers.add(health.toString());
                answers.add(status.toString());
                before = records(tv);
                before.forEach(answer -> answers.add(answer.toString()));
            }
            log = output.lines();
        }
        assertThat(folder.resolve("data").resolve("tvbridge.mv.db")).as("no H2 database").doesNotExist();
        assertThat(log).anyMatch(line -> line.contains("store: PostgreSQL at " + server.databaseUrl(database)));
        assertThat(SecretLeaks.in(log, List.of(PostgresServer.PASSWORD))).as("log lines with the password").isEmpty();
        assertThat(SecretLeaks.in(answers, List.of(PostgresServer.PASSWORD))).isEmpty();

        try (TestDaemon tv = TestDaemon.start(folder, environment)) {
            assertThat(records(tv)).isEqualTo(before);
            JsonNode next = tv.signal("\"symbol\":\"TSLA\",\"action\":\"buy\",\"quantity\":1,\"price\":250");
            assertThat(next.get("signal_id").asLong()).isEqualTo(4);
            tv.settle();
            assertThat(tv.count("select count(*) from orders where status = 'FILLED'")).isEqualTo(4);
            assertThat(tv.count("select count(distinct client_order_id) from orders")).isEqualTo(4);
        }
    }

    /**
     * A failover to a machine with nothing of its own: the paper broker's account is kept in the
     * database, so the second instance, with an empty data directory, shows the position and cash the
     * first one left, and the limit order it left working is working there.
     */
    @Test
    void anInstanceWithAnEmptyDataDirectoryGoesOnWithThePaperAccountTheLastOneLeft() throws Exception {
        PostgresServer server = PostgresServer.shared();
        String database = server.createDatabase();
        Map<String, String> shared = Map.of("DATABASE_URL", server.databaseUrl(database),
                "DATABASE_USER", PostgresServer.USER, "DATABASE_PASSWORD", PostgresServer.PASSWORD,
                "PAPER_COMMISSION_PER_ORDER", "1");
        Path machineA = folder.resolve("a");
        Path machineB = folder.resolve("b");
        JsonNode positions;
        JsonNode account;
        String limit;
        try (TestDaemon a = TestDaemon.start(machineA, with(shared, "INSTANCE_ID", "a"))) {
            // an entry that fills, leaving its take-profit working: a sell limit at 170
            a.signal("\"symbol\":\"NASDAQ:AAPL\",\"action\":\"buy\",\"quantity\":10,\"price\":150.5,"
                    + "\"take_profit\":170");
            a.settle();
            TestDaemon.eventually("the take-profit rests", () -> a.count("select count(*) from orders"
                    + " where order_type = 'LIMIT' and status = 'ACCEPTED'") == 1);
            limit = a.text("select client_order_id from orders where order_type = 'LIMIT'");
            assertThat(a.paper().openOrders()).extracting(o -> o.clientOrderId().value()).containsExactly(limit);
            positions = a.admin(200, "GET", "/admin/positions/actual", null);
            account = a.admin(200, "GET", "/admin/account", null);
        }
        assertThat(positions).singleElement().satisfies(p -> {
            assertThat(p.get("symbol").asText()).isEqualTo("AAPL");
            assertThat(p.get("quantity").decimalValue()).isEqualByComparingTo("10");
        });
        assertThat(account.get("cash").decimalValue()).isEqualByComparingTo("98494");   // 100,000 - 1,505 - 1
        assertThat(machineA.resolve("data/brokers/paper/paper-journal.log")).as("no journal file").doesNotExist();
        assertThat(machineB).doesNotExist();

        try (TestDaemon b = TestDaemon.start(machineB, with(shared, "INSTANCE_ID", "b"))) {
            assertThat(b.admin(200, "GET", "/admin/status", null).at("/instance/id").asText()).isEqualTo("b");
            assertThat(b.admin(200, "GET", "/admin/positions/actual", null)).isEqualTo(positions);
            JsonNode taken = b.admin(200, "GET", "/admin/account", null);
            for (String field : List.of("cash", "equity", "buying_power", "realized_pnl")) {
                assertThat(taken.get(field)).as(field).isEqualTo(account.get(field));
            }
            assertThat(b.paper().openOrders()).extracting(o -> o.clientOrderId().value()).containsExactly(limit);

            assertThat(b.paper().lookup(ClientOrderId.of(limit))).hasValueSatisfying(o -> {
                assertThat(o.status()).isEqualTo(OrderStatus.ACCEPTED);
                assertThat(o.limitPrice()).hasValueSatisfying(p -> assertThat(p).isEqualByComparingTo("170"));
            });

            // the broker of the second instance knows the working order: it cancels it
            b.admin(202, "POST", "/admin/orders/" + limit + "/cancel", "{\"actor\":\"alice\"}");
            TestDaemon.eventually("the take-profit is cancelled", () -> "CANCELLED".equals(b.text(
                    "select status from orders where client_order_id = '" + limit + "'")));
            assertThat(b.paper().openOrders()).isEmpty();
            assertThat(b.admin(200, "GET", "/admin/positions/actual", null)).isEqualTo(positions);
        }
        assertThat(machineB.resolve("data/brokers/paper/paper-journal.log")).doesNotExist();
    }

    private static Map<String, String> with(Map<String, String> environment, String name, String value) {
        Map<String, String> more = new HashMap<>(environment);
        more.put(name, value);
        return more;
    }

    static List<JsonNode> records(TestDaemon tv) {
        return RECORDS.stream().map(path -> tv.admin(200, "GET", path, null)).toList();
    }
}

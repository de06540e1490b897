package io.tvbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tvbridge.core.store.PostgresServer;
import java.nio.file.Path;
import java.util.ArrayList;
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

    static List<JsonNode> records(TestDaemon tv) {
        return RECORDS.stream().map(path -> tv.admin(200, "GET", path, null)).toList();
    }
}

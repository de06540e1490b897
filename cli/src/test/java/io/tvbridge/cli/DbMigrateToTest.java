package io.tvbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tvbridge.core.store.PostgresServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tvbridge db migrate-to}: a daemon's H2 database copied into the fixture's PostgreSQL, after
 * which a daemon on PostgreSQL shows the same records and goes on from them.
 */
@Timeout(180)
class DbMigrateToTest {
    @TempDir
    Path folder;

    private record Run(int exitCode, String out, String err) {
    }

    private static Run tvbridge(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    /** The URL with the credentials in it, the password percent-encoded as a URL needs. */
    private static String urlWithCredentials(PostgresServer server, String database) {
        return "postgresql://" + PostgresServer.USER + ":"
                + URLEncoder.encode(PostgresServer.PASSWORD, StandardCharsets.UTF_8) + "@" + server.host() + ":"
                + server.port() + "/" + database;
    }

    @Test
    void aDaemonOnPostgresqlGoesOnFromTheCopyOfItsH2Database() throws IOException {
        PostgresServer server = PostgresServer.shared();
        String database = server.createDatabase();
        List<JsonNode> before;
        JsonNode paperPositions;
        JsonNode paperAccount;
        try (TestDaemon tv = TestDaemon.start(folder)) {
            tv.signal("\"symbol\":\"NASDAQ:AAPL\",\"action\":\"buy\",\"quantity\":10,\"price\":150.5,"
                    + "\"strategy\":\"ema, \\\"fast\\\"\",\"comment\":\"ünïcode, 'quoted'\"");
            tv.signal("\"symbol\":\"MSFT\",\"action\":\"buy\",\"quantity\":3,\"price\":400,\"stop_loss\":380");
            tv.signal("\"symbol\":\"NASDAQ:AAPL\",\"action\":\"close\",\"price\":160");
            tv.signal("\"symbol\":\"TSLA\",\"action\":\"close\",\"price\":250");   // rejected: nothing to close
            tv.settle();
            tv.admin(200, "POST", "/admin/reconcile", "{\"actor\":\"alice\"}");
            before = PostgresDaemonTest.records(tv);
            paperPositions = tv.admin(200, "GET", "/admin/positions/actual", null);
            paperAccount = tv.admin(200, "GET", "/admin/account", null);
        }
        assertThat(paperPositions).as("the paper account holds MSFT").isNotEmpty();
        Path journal = folder.resolve("data").resolve("brokers/paper/paper-journal.log");
        List<String> journalLines = Files.readAllLines(journal, StandardCharsets.UTF_8);
        assertThat(journalLines).hasSizeGreaterThan(8);
        Path h2File = folder.resolve("data").resolve("tvbridge.mv.db");
        String h2Before = sha256(h2File);

        Run migrate = tvbridge("db", "migrate-to", "--url", urlWithCredentials(server, database), "--data-dir",
                folder.resolve("data").toString());
        assertThat(migrate.exitCode()).as(migrate.err()).isZero();
        assertThat(migrate.out()).contains("signals", "orders", "fills", "order_events", "positions", "audit_log",
                "reconciliations", "verified", "Copied and verified").doesNotContain(PostgresServer.PASSWORD);
        assertThat(sha256(h2File)).as("the H2 database is unchanged").isEqualTo(h2Before);
        // the paper account, a file on H2, is copied line for line into the database
        assertThat(migrate.out()).contains("journal paper/paper-journal", journalLines.size() + " lines verified");
        assertThat(lines(server, database, "select line from broker_journal where broker = 'paper'"
                + " and name = 'paper-journal' order by seq")).isEqualTo(journalLines);
        assertThat(Files.readAllLines(journal, StandardCharsets.UTF_8)).as("the file is unchanged")
                .isEqualTo(journalLines);

        Run again = tvbridge("db", "migrate-to", "--url", urlWithCredentials(server, database), "--data-dir",
                folder.resolve("data").toString());
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains("is not empty").doesNotContain(PostgresServer.PASSWORD);

        Map<String, String> postgres = Map.of("DATABASE_URL", urlWithCredentials(server, database));
        try (TestDaemon tv = TestDaemon.start(folder, postgres)) {
            assertThat(PostgresDaemonTest.records(tv)).isEqualTo(before);
            assertThat(tv.admin(200, "GET", "/admin/positions/actual", null)).isEqualTo(paperPositions);
            JsonNode account = tv.admin(200, "GET", "/admin/account", null);
            for (String field : List.of("cash", "equity", "realized_pnl")) {
                assertThat(account.get(field)).as(field).isEqualTo(paperAccount.get(field));
            }
            JsonNode next = tv.signal("\"symbol\":\"NVDA\",\"action\":\"buy\",\"quantity\":2,\"price\":100");
            assertThat(next.get("signal_id").asLong()).isEqualTo(5);
            tv.settle();
            // new order events, fills and audit lines take ids after the copied ones
            assertThat(tv.count("select count(*) from fills")).isEqualTo(4);
            assertThat(tv.count("select count(distinct id) from order_events"))
                    .isEqualTo(tv.count("select count(*) from order_events"));
            assertThat(tv.count("select count(*) from positions where symbol = 'NVDA' and quantity = 2")).isEqualTo(1);
        }
    }

    @Test
    void refusesARunningDaemonAndAWrongPasswordWithoutShowingIt() {
        PostgresServer server = PostgresServer.shared();
        String database = server.createDatabase();
        String data = folder.resolve("data").toString();
        try (TestDaemon tv = TestDaemon.start(folder)) {
            tv.signal("\"symbol\":\"AAPL\",\"action\":\"buy\",\"quantity\":1,\"price\":10");
            Run running = tvbridge("db", "migrate-to", "--url", urlWithCredentials(server, database), "--data-dir",
                    data);
            assertThat(running.exitCode()).isNotZero();
            assertThat(running.err()).contains("tvbridge run");
        }
        String wrong = "postgresql://" + PostgresServer.USER + ":not-the-password-42@" + server.host() + ":"
                + server.port() + "/" + database;
        Run refused = tvbridge("db", "migrate-to", "--url", wrong, "--data-dir", data);
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains(server.databaseUrl(database)).doesNotContain("not-the-password-42");
    }

    private static List<String> lines(PostgresServer server, String database, String sql) {
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl(database), PostgresServer.USER,
                PostgresServer.PASSWORD);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            List<String> lines = new ArrayList<>();
            while (rows.next()) {
                lines.add(rows.getString(1));
            }
            return lines;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

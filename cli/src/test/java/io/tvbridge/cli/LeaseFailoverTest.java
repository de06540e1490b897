package io.tvbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tvbridge.core.store.PostgresServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two daemons on one PostgreSQL database, one trading at a time: A (a process of its own) takes the
 * engine lease and trades; B waits for it without serving; A is killed with kill -9; B takes the
 * lease once A's expires, and trades. Every alert A acknowledged is stored once.
 */
@Timeout(90)
class LeaseFailoverTest {
    /** The lease runs 8 s after A's last renewal, B tries every second: 9 s at most, and a margin for a loaded machine. */
    private static final Duration TAKE_OVER = Duration.ofSeconds(12);

    @TempDir
    Path folder;

    @Test
    void theSecondDaemonWaitsAndTakesOverWhenTheFirstIsKilled() throws Exception {
        PostgresServer server = PostgresServer.shared();
        String database = server.createDatabase();
        Map<String, String> environment = Map.of("DATABASE_URL", server.databaseUrl(database),
                "DATABASE_USER", PostgresServer.USER, "DATABASE_PASSWORD", PostgresServer.PASSWORD);
        Path folderA = Files.createDirectories(folder.resolve("a"));
        Path folderB = Files.createDirectories(folder.resolve("b"));
        int portA = freePort();
        Process a = startProcess(folderA, portA, environment);
        try (CapturedOutput output = CapturedOutput.start()) {
            waitUntilReady(a, portA, folderA);
            JsonNode healthA = json(get(portA, "/health"));
            assertThat(healthA.at("/instance/id").asText()).isEqualTo("a");
            assertThat(healthA.at("/instance/role").asText()).isEqualTo("leader");
            assertThat(healthA.at("/instance/lease/epoch").asLong()).isEqualTo(1);

            Map<String, String> environmentB = new HashMap<>(environment);
            environmentB.put("INSTANCE_ID", "b");
            CompletableFuture<TestDaemon> b = CompletableFuture.supplyAsync(
                    () -> TestDaemon.start(folderB, environmentB, Clock.systemUTC()));

            List<String> acknowledged = new ArrayList<>();
            for (int i = 1; i <= 4; i++) {
                String alertId = "from-a-" + i;
                HttpResponse<String> answer = post(portA, TestDaemon.alert("\"symbol\":\"NASDAQ:AAPL\",\"action\":\"buy\","
                        + "\"quantity\":1,\"price\":150,\"alert_id\":\"" + alertId + "\""));
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
                assertThat(json(answer).get("decision").asText()).isEqualTo("accepted");
                acknowledged.add(alertId);
            }
            TestDaemon.eventually("A's orders filled", () -> count(server, database,
                    "select count(*) from orders where status = 'FILLED'") == 4);
            assertThat(b).as("B waits while A holds the lease").isNotDone();

            a.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            long killedAt = System.nanoTime();
            try (TestDaemon tv = b.get(TAKE_OVER.toSeconds(), TimeUnit.SECONDS)) {
                Duration tookOver = Duration.ofNanos(System.nanoTime() - killedAt);
                System.out.printf("failover: A killed -> B ready to trade in %d ms%n", tookOver.toMillis());
                assertThat(tookOver).isLessThan(TAKE_OVER);
                JsonNode status = tv.admin(200, "GET", "/admin/status", null);
                assertThat(status.at("/instance/id").asText()).isEqualTo("b");
                assertThat(status.at("/instance/role").asText()).isEqualTo("leader");
                assertThat(status.at("/instance/lease/holder").asText()).startsWith("b/");
                assertThat(status.at("/instance/lease/epoch").asLong()).isEqualTo(2);
                assertThat(tv.admin("GET", "/metrics", null).body()).contains("tvbridge_lease_changes_total 1.0");
                // the paper account is kept in the shared database: B, with a data directory of its own, has A's
                assertThat(tv.admin(200, "GET", "/admin/positions/actual", null)).singleElement()
                        .satisfies(p -> assertThat(p.get("quantity").decimalValue()).isEqualByComparingTo("4"));

                JsonNode sell = tv.signal("\"symbol\":\"NASDAQ:AAPL\",\"action\":\"sell\",\"quantity\":1,\"price\":151");
                assertThat(sell.get("decision").asText()).isEqualTo("accepted");
                tv.settle();
                assertThat(tv.count("select count(*) from orders where status = 'FILLED'")).isEqualTo(5);
                for (String alertId : acknowledged) {
                    assertThat(tv.count("select count(*) from signals where alert_id = '" + alertId + "'"))
                            .as(alertId).isEqualTo(1);
                }
            }
            assertThat(output.lines().stream().filter(line -> line.contains("the engine lease is held by a/")))
                    .as("B says once who holds the lease").hasSize(1);
        } finally {
            a.destroyForcibly();
        }
    }

    /** {@code tvbridge run} in a JVM of its own, on the test's class path, its output in files in {@code folder}. */
    private static Process startProcess(Path folder, int port, Map<String, String> environment) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "run").directory(folder.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("PAPER_") || name.startsWith("DATABASE_")
                || List.of("PORT", "HOST", "DATA_DIR", "BROKER", "INSTANCE_ID", "JAVA_OPTS").contains(name));
        builder.environment().putAll(environment);
        builder.environment().putAll(Map.of("WEBHOOK_SECRET", TestDaemon.SECRET, "ADMIN_API_KEY", TestDaemon.ADMIN_KEY,
                "MARKET_HOURS", "always", "WEBHOOK_RATE_LIMIT", "0", "WEBHOOK_AUTH_FAILURE_LIMIT", "0",
                "PORT", Integer.toString(port), "HOST", "127.0.0.1", "DATA_DIR", folder.resolve("data").toString(),
                "INSTANCE_ID", "a"));
        builder.redirectOutput(folder.resolve("out.log").toFile()).redirectError(folder.resolve("err.log").toFile());
        return builder.start();
    }

    private static void waitUntilReady(Process process, int port, Path folder) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                break;
            }
            try {
                if (get(port, "/ready").statusCode() == 200) {
                    return;
                }
            } catch (UncheckedIOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("daemon A did not get ready: " + Files.readString(folder.resolve("err.log")));
    }

    static long count(PostgresServer server, String database, String sql) {
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl(database), PostgresServer.USER,
                PostgresServer.PASSWORD);
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static HttpResponse<String> get(int port, String path) {
        return TestDaemon.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(5)).GET().build());
    }

    static HttpResponse<String> post(int port, String body) {
        return TestDaemon.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/webhook"))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static JsonNode json(HttpResponse<String> response) {
        return TestDaemon.json(response);
    }
}

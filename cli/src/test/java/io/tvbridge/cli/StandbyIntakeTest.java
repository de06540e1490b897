package io.tvbridge.cli;

import static io.tvbridge.cli.LeaseFailoverTest.count;
import static io.tvbridge.cli.LeaseFailoverTest.freePort;
import static io.tvbridge.cli.LeaseFailoverTest.get;
import static io.tvbridge.cli.LeaseFailoverTest.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tvbridge.core.store.PostgresServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several daemons on one PostgreSQL database: the one holding the engine lease trades, and a
 * standby takes webhooks too. It stores each alert for the leader and answers with the leader's
 * decision, or with {@code stored} and the signal id when no decision came in time; a resend is a
 * duplicate whichever instance it reaches; and when the standby takes the lease it decides what it
 * stored, on the port it had.
 */
@Timeout(120)
class StandbyIntakeTest {
    @TempDir
    Path folder;

    @Test
    void aStandbyStoresAlertsAndAnswersWithTheLeadersDecision() throws Exception {
        PostgresServer server = PostgresServer.shared();
        String database = server.createDatabase();
        Map<String, String> environment = environment(server, database);
        int portB = freePort();
        try (TestDaemon a = TestDaemon.start(Files.createDirectories(folder.resolve("a")), with(environment, "a"))) {
            CompletableFuture<TestDaemon> b = CompletableFuture.supplyAsync(() -> TestDaemon.start(
                    folder.resolve("b"), with(environment, "b"), Clock.systemUTC(), portB));
            awaitReady(portB);

            JsonNode health = TestDaemon.json(get(portB, "/health"));
            assertThat(health.at("/instance/id").asText()).isEqualTo("b");
            assertThat(health.at("/instance/role").asText()).isEqualTo("standby");
            assertThat(health.at("/instance/lease/holder").asText()).startsWith("a/");
            assertThat(health.at("/instance/undecided/count").asLong()).isZero();
            assertThat(health.at("/broker/connected").asBoolean()).isFalse();
            assertThat(health.at("/status").asText()).isEqualTo("ok");

            HttpResponse<String> answer = post(portB, alert("from-b", "buy"));
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            JsonNode decided = TestDaemon.json(answer);
            assertThat(decided.get("decision").asText()).as("the leader's decision, within the wait").isEqualTo("accepted");
            long signalId = decided.get("signal_id").asLong();
            assertThat(decided.get("client_order_id").asText()).startsWith("tvb-");
            a.settle();
            assertThat(a.count("select count(*) from orders where signal_id = " + signalId + " and status = 'FILLED'"))
                    .isEqualTo(1);
            JsonNode listed = a.admin(200, "GET", "/admin/signals?limit=10", null);
            assertThat(listed.toString()).contains("\"decision\":\"accepted\"");

            // a resend is a resend, whichever instance it reaches
            JsonNode againAtA = TestDaemon.json(a.post(alert("from-b", "buy")));
            JsonNode againAtB = TestDaemon.json(post(portB, alert("from-b", "buy")));
            assertThat(againAtA.get("decision").asText()).isEqualTo("duplicate");
            assertThat(againAtA.get("signal_id").asLong()).isEqualTo(signalId);
            assertThat(againAtB.get("decision").asText()).isEqualTo("duplicate");
            assertThat(againAtB.get("signal_id").asLong()).isEqualTo(signalId);

            HttpResponse<String> admin = TestDaemon.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + portB
                    + "/admin/status")).header("X-API-Key", TestDaemon.ADMIN_KEY).GET().build());
            assertThat(admin.statusCode()).isEqualTo(503);
            assertThat(admin.body()).contains("standby").contains("a/");

            // the leader stops: the standby takes the lease and trades on the port it had
            a.close();
            try (TestDaemon leader = b.get(30, TimeUnit.SECONDS)) {
                assertThat(leader.daemon.port()).isEqualTo(portB);
                JsonNode status = leader.admin(200, "GET", "/admin/status", null);
                assertThat(status.at("/instance/role").asText()).isEqualTo("leader");
                JsonNode sell = TestDaemon.json(post(portB, alert("sell-at-b", "sell")));
                assertThat(sell.get("decision").asText()).isEqualTo("accepted");
                assertThat(sell.get("signal_id").asLong()).isGreaterThan(signalId);
                leader.settle();
                assertThat(leader.count("select count(*) from orders where status = 'FILLED'")).isEqualTo(2);
                assertThat(leader.count("select count(*) from signals")).isEqualTo(2);
            }
        }
    }

    @Test
    void withNoLeaderTheStandbyAnswersStoredAndTheNextLeaderDecidesIt() throws Exception {
        PostgresServer server = PostgresServer.shared();
        String database = server.createDatabase();
        Map<String, String> environment = environment(server, database);
        TestDaemon.start(Files.createDirectories(folder.resolve("first")), with(environment, "first")).close();
        // another instance holds the lease and decides nothing: a leader that hangs
        execute(server, database, "update engine_lease set holder = 'ghost/1', epoch = epoch + 1,"
                + " expires_at = current_timestamp + interval '1 hour'");
        int port = freePort();
        CompletableFuture<TestDaemon> b = CompletableFuture.supplyAsync(() -> TestDaemon.start(folder.resolve("b"),
                with(environment, "b"), Clock.systemUTC(), port));
        awaitReady(port);

        Instant sent = Instant.now();
        HttpResponse<String> answer = post(port, alert("while-nobody-trades", "buy"));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode stored = TestDaemon.json(answer);
        assertThat(stored.get("decision").asText()).isEqualTo("stored");
        assertThat(stored.get("reason").asText()).contains("stored by instance b");
        long signalId = stored.get("signal_id").asLong();
        assertThat(Duration.between(sent, Instant.now())).as("the answer waits a second at most")
                .isLessThan(Duration.ofSeconds(3));
        JsonNode health = TestDaemon.json(get(port, "/health"));
        assertThat(health.at("/instance/lease/holder").asText()).isEqualTo("ghost/1");
        assertThat(health.at("/instance/undecided/count").asLong()).isEqualTo(1);
        assertThat(health.at("/instance/undecided/oldest_received_at").asText()).isNotEmpty();
        assertThat(count(server, database, "select count(*) from signals where id = " + signalId
                + " and decision = 'STORED'")).isEqualTo(1);

        execute(server, database, "update engine_lease set expires_at = current_timestamp");
        try (TestDaemon leader = b.get(30, TimeUnit.SECONDS)) {
            TestDaemon.eventually("the stored alert decided", () -> count(server, database,
                    "select count(*) from signals where id = " + signalId + " and decision = 'ACCEPTED'") == 1);
            leader.settle();
            assertThat(leader.count("select count(*) from orders where signal_id = " + signalId
                    + " and status = 'FILLED'")).isEqualTo(1);
            assertThat(leader.count("select count(*) from inbox")).isZero();
            JsonNode status = leader.admin(200, "GET", "/admin/status", null);
            assertThat(status.at("/instance/undecided/count").asLong()).isZero();
        }
    }

    private static Map<String, String> environment(PostgresServer server, String database) {
        return Map.of("DATABASE_URL", server.databaseUrl(database), "DATABASE_USER", PostgresServer.USER,
                "DATABASE_PASSWORD", PostgresServer.PASSWORD);
    }

    private static Map<String, String> with(Map<String, String> environment, String instance) {
        Map<String, String> env = new HashMap<>(environment);
        env.put("INSTANCE_ID", instance);
        return env;
    }

    private static String alert(String alertId, String action) {
        return TestDaemon.alert("\"symbol\":\"NASDAQ:AAPL\",\"action\":\"" + action + "\",\"quantity\":1,"
                + "\"price\":150,\"alert_id\":\"" + alertId + "\"");
    }

    private static void awaitReady(int port) {
        TestDaemon.eventually("the standby ready for webhooks", () -> {
            try {
                return get(port, "/ready").statusCode() == 200;
            } catch (RuntimeException e) {
                return false;
            }
        });
    }

    private static void execute(PostgresServer server, String database, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl(database), PostgresServer.USER,
                PostgresServer.PASSWORD); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}

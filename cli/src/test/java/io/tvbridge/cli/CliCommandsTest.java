package io.tvbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tvbridge.core.alert.WebhookAuthenticator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The tvbridge command as a person or a script runs it: against the running daemon, and without one. */
@Timeout(120)
class CliCommandsTest {
    @TempDir
    Path folder;

    /** What one run of the command printed, and its exit code. */
    record Run(int code, String out, String err) {
        JsonNode json() throws IOException {
            return new ObjectMapper().readTree(out);
        }
    }

    private static Run tvbridge(Object... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> words = new ArrayList<>();
        for (Object arg : args) {
            words.add(arg.toString());
        }
        int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), words.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    /** The checklist with its columns' padding taken out. */
    private static String words(Run run) {
        return run.out().replaceAll(" +", " ");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void adminCommandsReadTheAddressAndKeyFromTheDataDirectory() throws IOException {
        try (TestDaemon tv = TestDaemon.start(folder)) {
            // as tvbridge run generates it when no key is configured
            Files.writeString(tv.dataDirectory.resolve("secrets.env"), "ADMIN_API_KEY=" + TestDaemon.ADMIN_KEY + "\n");
            String data = tv.dataDirectory.toString();
            tv.signal("\"symbol\":\"NVDA\",\"action\":\"buy\",\"quantity\":3,\"price\":100,\"strategy\":\"ema\"");
            tv.settle();

            Run status = tvbridge("status", "--data-dir", data);
            assertThat(status.code()).as(status.err()).isZero();
            assertThat(status.out()).contains("broker:      paper", "kill switch: off")
                    .containsPattern("reconciliation +every 300 s").containsPattern("daily-report +trading days");

            Run killed = tvbridge("kill", "--data-dir", data, "--reason", "looks wrong", "--actor", "bob");
            assertThat(killed.code()).isZero();
            assertThat(killed.out()).startsWith("kill switch: ON by bob since ").contains(": looks wrong");
            assertThat(tvbridge("kill", "--data-dir", data).code()).isEqualTo(2);   // --reason is required
            assertThat(tvbridge("resume", "--data-dir", data, "--reason", "fine").code()).isZero();
            assertThat(tv.text("select actor from audit_log where action = 'trading.resume'")).startsWith("cli:");

            Run positions = tvbridge("positions", "--data-dir", data);
            assertThat(positions.out()).containsPattern("NVDA +3 +3 +100");
            Run orders = tvbridge("orders", "--data-dir", data, "--symbol", "nvda", "--status", "filled");
            assertThat(orders.out().lines()).hasSize(2).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(80));
            JsonNode ordersJson = tvbridge("orders", "--data-dir", data, "--json").json();
            assertThat(ordersJson.get("total").asInt()).isEqualTo(1);
            assertThat(tvbridge("trades", "--data-dir", data, "--strategy", "ema").out()).contains("NVDA", "ema");
            assertThat(tvbridge("pnl", "--data-dir", data, "--period", "week").out()).contains("symbol NVDA",
                    "strategy ema", "total");

            Run set = tvbridge("settings", "set", "--data-dir", data, "max_daily_trades=3");
            assertThat(set.out()).isEqualTo("changed: max_daily_trades\n");
            assertThat(tvbridge("settings", "get", "--data-dir", data, "max_daily_trades").out())
                    .containsPattern("max_daily_trades +3 +0 +most orders per trading day");
            Run invalid = tvbridge("settings", "set", "--data-dir", data, "max_daily_trades=-1");
            assertThat(invalid.code()).isEqualTo(1);
            assertThat(invalid.err()).isEqualTo("tvbridge: max_daily_trades must be a whole number of at least 0,"
                    + " not '-1'\n");

            Run reconciled = tvbridge("reconcile", "--data-dir", data);
            assertThat(reconciled.code()).isZero();
            assertThat(reconciled.out()).contains(": matched - 1 position matches");
            Run flattened = tvbridge("flatten", "--data-dir", data, "--yes", "--reason", "done for today");
            assertThat(flattened.code()).as(flattened.err()).isZero();
            assertThat(tvbridge("flatten", "--data-dir", data).code()).isEqualTo(2);   // --yes is required
        }
    }

    @Test
    void aWrongKeyAndAStoppedDaemonEachGetTheirOwnExitCodeAndReason() throws IOException {
        try (TestDaemon tv = TestDaemon.start(folder)) {
            Run wrongKey = tvbridge("status", "--data-dir", tv.dataDirectory, "--api-key", "not-the-key");
            assertThat(wrongKey.code()).isEqualTo(4);
            assertThat(wrongKey.err()).startsWith("tvbridge: the daemon at http://127.0.0.1:" + tv.daemon.port()
                    + " refused the admin API key").doesNotContain("not-the-key");
        }
        Run stopped = tvbridge("status", "--url", "http://127.0.0.1:" + freePort(), "--api-key", "k");
        assertThat(stopped.code()).isEqualTo(3);
        assertThat(stopped.err()).contains("tvbridge is not running at http://127.0.0.1:");
    }

    @Test
    void aSignedBodyIsTakenByTheDaemon() {
        String body = "{\"symbol\":\"AMD\",\"action\":\"buy\",\"quantity\":1,\"price\":150}";
        Run signed = tvbridge("sign", "--secret", TestDaemon.SECRET, body);
        assertThat(signed.out()).isEqualTo("X-Signature: " + new WebhookAuthenticator(TestDaemon.SECRET)
                .sign(body.getBytes(StandardCharsets.UTF_8)) + "\n");
        try (TestDaemon tv = TestDaemon.start(folder)) {
            String header = signed.out().strip().substring("X-Signature: ".length());
            HttpResponse<String> answer = tv.post(body, "application/json", Map.of("X-Signature", header));
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(TestDaemon.json(answer).get("decision").asText()).isEqualTo("accepted");
        }
    }

    @Test
    void initWritesACommentedEnvWithFreshSecretsAndAlertTemplatesUseTheSecret() throws IOException {
        Path env = folder.resolve(".env");
        Run init = tvbridge("init", "--file", env);
        assertThat(init.code()).isZero();
        String text = Files.readString(env);
        assertThat(text).containsPattern("(?m)^WEBHOOK_SECRET=[A-Za-z0-9_-]{32}$")
                .containsPattern("(?m)^ADMIN_API_KEY=[A-Za-z0-9_-]{32}$")
                .contains("#MAX_DAILY_TRADES=0", "#RECONCILIATION_INTERVAL=300", "#AUTO_HALT_ON_MISMATCH=true",
                        "#PAPER_STARTING_CASH=100000", "#PORT=8080");
        assertThat(Files.getPosixFilePermissions(env)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE);
        Run again = tvbridge("init", "--file", env);
        assertThat(again.code()).isEqualTo(1);
        assertThat(again.err()).contains("exists already");

        Run all = tvbridge("alert-template", "--secret", "my-secret-0123456789");
        assertThat(all.out()).contains("Plain alert", "Strategy alert", "Target position",
                "\"market_position\": \"{{strategy.market_position}}\"");
        assertThat(all.out().split("my-secret-0123456789", -1)).hasSize(4);
        assertThat(tvbridge("alert-template", "--secret", "s", "--kind", "target").out()).doesNotContain("Plain");
        assertThat(tvbridge("alert-template", "--secret", "s", "--kind", "nope").code()).isEqualTo(2);
    }

    @Test
    void checkReportsEachPartWithTheDaemonStoppedOrRunning() throws IOException {
        Path data = folder.resolve("fresh");
        int port = freePort();
        Run fresh = tvbridge("check", "--data-dir", data, "--port", port, "--host", "127.0.0.1");
        assertThat(fresh.code()).as(fresh.out()).isZero();
        assertThat(words(fresh)).contains("warn configuration valid; the secrets are not set yet",
                "ok data directory", "ok database opens, schema migrated",
                "ok port 127.0.0.1:" + port + " is free", "ok broker paper reachable", "Ready.");

        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Run busy = tvbridge("check", "--data-dir", data, "--port", taken.getLocalPort(), "--host", "127.0.0.1");
            assertThat(busy.code()).isEqualTo(1);
            assertThat(busy.out()).contains("FAIL port").contains("another program listens there?");
        }
        assertThat(words(tvbridge("check", "--data-dir", data, "--broker", "nosuch")))
                .contains("FAIL broker unknown broker 'nosuch'");

        try (TestDaemon tv = TestDaemon.start(folder)) {
            Run running = tvbridge("check", "--data-dir", tv.dataDirectory, "--port", tv.daemon.port(), "--host",
                    "127.0.0.1");
            assertThat(running.code()).as(running.out()).isZero();
            assertThat(words(running)).contains("database in use by the running tvbridge",
                    "is in use by the running tvbridge", "broker paper (from the running tvbridge)");
        }
    }
}

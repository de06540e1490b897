package io.tvbridge.cli;

import static io.tvbridge.cli.TestDaemon.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tvbridge.broker.ibkr.fake.FakeTwsServer;
import io.tvbridge.server.BareHttpServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code tvbridge bench} against the daemon on a loopback port: what it sends, counts and refuses. Not timed. */
@Timeout(120)
class BenchCommandTest {
    @TempDir
    Path folder;

    private record Run(int exitCode, String out, String err) {
        JsonNode json() throws Exception {
            return new ObjectMapper().readTree(out);
        }
    }

    private static Run bench(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of("bench"));
        all.addAll(List.of(args));
        int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), all.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    private static String url(TestDaemon tv) {
        return "http://127.0.0.1:" + tv.daemon.port();
    }

    @Test
    void sendsEveryAlertOfAFixedRateRunAndCountsEachAck() throws Exception {
        try (TestDaemon tv = TestDaemon.start(folder, Map.of("PAPER_STARTING_CASH", "100000000"))) {
            Run run = bench("--url", url(tv), "--secret", TestDaemon.SECRET, "--rate", "100", "--duration", "2s",
                    "--warmup", "0s", "--connections", "4", "--symbols", "AAPL,MSFT", "--exit-ratio", "0.25",
                    "--json");

            assertThat(run.exitCode()).as(run.err()).isZero();
            JsonNode report = run.json();
            assertThat(report.get("sent").asLong()).isEqualTo(200);
            assertThat(report.get("acknowledged").asLong()).isEqualTo(200);
            assertThat(report.get("errors").asLong()).isZero();
            assertThat(report.get("target").asText()).isEqualTo("paper broker, DRY_RUN off");
            assertThat(report.at("/latency_ms/p99").asDouble()).isPositive();
            assertThat(report.at("/latency_ms/max").asDouble())
                    .isGreaterThanOrEqualTo(report.at("/latency_ms/p50").asDouble());

            assertThat(tv.count("select count(*) from signals where alert_id like 'bench-%'")).isEqualTo(200);
            assertThat(tv.count("select count(distinct alert_id) from signals")).isEqualTo(200);
            assertThat(tv.count("select count(*) from signals where action = 'SELL'")).isEqualTo(50);
            assertThat(tv.count("select count(*) from signals where symbol not in ('AAPL', 'MSFT')")).isZero();
        }
    }

    @Test
    void findsTheSecretInTheDataDirectoryAndPrintsAReadableReport() throws Exception {
        try (TestDaemon tv = TestDaemon.start(folder)) {
            Files.writeString(folder.resolve("secrets.env"), "WEBHOOK_SECRET=" + TestDaemon.SECRET + "\n");
            Run run = bench("--url", url(tv) + "/webhook", "--data-dir", folder.toString(), "--max",
                    "--connections", "2", "--duration", "1s", "--warmup", "0s");

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("paper broker, DRY_RUN off").contains("errors:  0")
                    .containsPattern("acked: +\\d+ \\(accepted \\d+\\)").contains("p99.9");
        }
    }

    @Test
    void countsRefusedAlertsAsErrorsByKindAndExitsWithOne() throws Exception {
        try (TestDaemon tv = TestDaemon.start(folder)) {
            Run run = bench("--url", url(tv), "--secret", "not-the-secret-0123456789", "--rate", "20",
                    "--duration", "1s", "--warmup", "0s", "--json");

            assertThat(run.exitCode()).as(run.out()).isEqualTo(1);
            assertThat(run.json().get("acknowledged").asLong()).as(run.out()).isZero();
            assertThat(run.json().at("/errors_by_kind/HTTP 401").asLong()).as(run.out()).isEqualTo(20);
        }
    }

    @Test
    void refusesABrokerOtherThanPaperUnlessDryRunIsOnOrTheUserInsists() throws Exception {
        try (FakeTwsServer tws = FakeTwsServer.start();
             TestDaemon tv = TestDaemon.start(folder, Map.of("BROKER", "ibkr", "IBKR_PORT",
                     Integer.toString(tws.port()), "IBKR_CLIENT_ID", "9", "IBKR_MAX_RECONNECT_PAUSE", "1"))) {
            eventually("ready", () -> tv.get("/ready").statusCode() == 200);
            String[] args = {"--url", url(tv), "--secret", TestDaemon.SECRET, "--rate", "5", "--duration", "1s",
                    "--warmup", "0s", "--symbols", "AAPL", "--json"};

            Run refused = bench(args);
            assertThat(refused.exitCode()).isEqualTo(2);
            assertThat(refused.err()).contains("ibkr broker with DRY_RUN off").contains("--live-orders-i-understand");
            assertThat(tv.count("select count(*) from signals")).as("nothing was sent").isZero();

            tv.set(Map.of("dry_run", "true"));
            Run dryRun = bench(args);
            assertThat(dryRun.exitCode()).as(dryRun.err()).isZero();
            assertThat(dryRun.json().get("target").asText()).isEqualTo("ibkr broker, DRY_RUN on");
            assertThat(tws.placedOrders()).as("a dry run sends no order").isEmpty();

            tv.set(Map.of("dry_run", "false"));
            List<String> insisting = new ArrayList<>(List.of(args));
            insisting.add("--live-orders-i-understand");
            Run live = bench(insisting.toArray(String[]::new));
            assertThat(live.exitCode()).as(live.err()).isZero();
            assertThat(live.json().get("acknowledged").asLong()).isEqualTo(5);
            eventually("the orders reach TWS", () -> tws.placedOrders().size() == 5);
        }
    }

    @Test
    void runsAgainstTheBareJettyYardstick() throws Exception {
        try (BareHttpServer bare = new BareHttpServer("127.0.0.1", 0).start()) {
            Run run = bench("--url", "http://127.0.0.1:" + bare.port(), "--secret", "unused-by-the-yardstick",
                    "--rate", "50", "--duration", "1s", "--warmup", "0s", "--json");

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.json().get("target").asText()).isEqualTo("bench-server broker, DRY_RUN on");
            assertThat(run.json().at("/decisions/none").asLong()).isEqualTo(50);
        }
    }
}

package io.tvbridge.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The shaded jar as a user runs it. */
@Timeout(120)
class DistributionIT {
    @TempDir
    Path folder;

    @Test
    void theJarFindsEveryBundledBroker() {
        try (JarProcess brokers = JarProcess.start(folder, Map.of(), "brokers")) {
            assertThat(brokers.exitCode(Duration.ofSeconds(60))).isZero();
            assertThat(brokers.stdout()).contains("paper ").contains("ibkr ").contains("oanda ").contains("(bundled)")
                    .contains("PAPER_STARTING_CASH").contains("IBKR_PORT").contains("OANDA_TOKEN")
                    .contains("OANDA_ACCOUNT_ID");
        }
    }

    @Test
    void anUnknownBrokerStopsTheStartWithOneLineListingTheBrokers() {
        try (JarProcess run = JarProcess.start(folder, Map.of("BROKER", "nope", "PORT", "0"), "run")) {
            assertThat(run.exitCode(Duration.ofSeconds(60))).isNotZero();
            assertThat(run.stderr().lines().filter(line -> line.startsWith("tvbridge:")))
                    .containsExactly("tvbridge: unknown broker 'nope' (BROKER); brokers found: paper, ibkr, oanda");
            assertThat(run.stderr()).doesNotContain("Exception");
        }
    }

    @Test
    void theFirstStartGeneratesSecretsAndExplainsHowToConnectTradingView() throws Exception {
        try (JarProcess run = JarProcess.start(folder, Map.of("PORT", "0", "HOST", "127.0.0.1"), "run")) {
            run.awaitListening(Duration.ofSeconds(60));
            Path secrets = folder.resolve("data/secrets.env");
            assertThat(secrets).exists();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets))).isEqualTo("rw-------");
            String secret = Files.readAllLines(secrets).stream().filter(l -> l.startsWith("WEBHOOK_SECRET="))
                    .findFirst().orElseThrow().substring("WEBHOOK_SECRET=".length());
            assertThat(run.stdout()).contains(secrets.toString()).contains("Webhook URL: http://127.0.0.1:")
                    .contains("\"secret\": \"" + secret + "\"").contains("{{strategy.order.action}}");
            assertThat(run.stderr()).doesNotContain(secret);
            assertThat(run.get("/ready").statusCode()).isEqualTo(200);
            assertThat(run.get("/ui").body()).contains("<title>tvbridge dashboard</title>");   // packed in the jar

            // with no configuration stocks follow the NYSE calendar; crypto trades at any hour the test runs
            var answer = run.post("{\"secret\":\"" + secret + "\",\"symbol\":\"BTCUSD\",\"action\":\"buy\","
                    + "\"quantity\":1,\"price\":10}");
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).contains("\"decision\":\"accepted\"");

            run.process.destroy();   // SIGTERM
            assertThat(run.exitCode(Duration.ofSeconds(30))).isIn(0, 143);
            assertThat(run.stderr()).contains("stopping");
        }
        try (JarProcess again = JarProcess.start(folder, Map.of("PORT", "0", "HOST", "127.0.0.1"), "run")) {
            again.awaitListening(Duration.ofSeconds(60));
            assertThat(again.stdout()).doesNotContain("First start").doesNotContain("\"secret\"");
            assertThat(again.get("/health").body()).contains("\"orders\":\"1\"");
        }
    }

    @Test
    void optionsBeatTheEnvironmentWhichBeatsTheDotEnvFile() throws Exception {
        Files.writeString(folder.resolve(".env"), "PORT=1\nHOST=127.0.0.1\nDATA_DIR=from-dotenv\n");
        try (JarProcess run = JarProcess.start(folder, Map.of("DATA_DIR", "from-env"), "run", "--port", "0")) {
            run.awaitListening(Duration.ofSeconds(60));
            assertThat(folder.resolve("from-env/secrets.env")).exists();
            assertThat(folder.resolve("from-dotenv")).doesNotExist();
            assertThat(run.get("/ready").statusCode()).isEqualTo(200);
        }
    }
}

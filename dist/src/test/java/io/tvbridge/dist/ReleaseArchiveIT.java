package io.tvbridge.dist;

import static org.assertj.core.api.Assertions.assertThat;

import io.tvbridge.core.alert.WebhookAuthenticator;
import io.tvbridge.core.store.StoredSignal;
import io.tvbridge.core.store.TimeRange;
import io.tvbridge.core.store.mybatis.MyBatisStore;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release archive as a trader installs it: unpacked into a folder, run through its launcher
 * script from another folder, stopped with SIGTERM, backed up, and restored elsewhere with every
 * acknowledged alert in the restored copy.
 */
@Timeout(300)
class ReleaseArchiveIT {
    private static final Path ARCHIVE = Path.of(System.getProperty("tvbridge.archive",
            "target/tvbridge-" + System.getProperty("tvbridge.version", "0.1.0-SNAPSHOT") + ".tar.gz"));
    private static final String VERSION = System.getProperty("tvbridge.version", "0.1.0-SNAPSHOT");
    private static final String SECRET = "release-webhook-secret-0123456789";
    private static final Pattern ACCEPTED = Pattern.compile("\"signal_id\":(\\d+),\"decision\":\"accepted\"");
    private static final Pattern WRITTEN = Pattern.compile("backup written: (\\S+) \\(\\d+ KiB\\)");

    @TempDir
    Path folder;
    private Path home;
    private Path launcher;

    @BeforeEach
    void unpack() throws Exception {
        Path install = Files.createDirectories(folder.resolve("opt"));
        Process tar = new ProcessBuilder("tar", "-xzf", ARCHIVE.toAbsolutePath().toString(), "-C", install.toString())
                .redirectErrorStream(true).start();
        assertThat(tar.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(tar.exitValue()).as(new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();
        home = install.resolve("tvbridge-" + VERSION);
        launcher = home.resolve("tvbridge");
    }

    private Map<String, String> environment(Path data) {
        Map<String, String> environment = new HashMap<>(Map.of("PORT", "0", "HOST", "127.0.0.1",
                "DATA_DIR", data.toString(), "WEBHOOK_SECRET", SECRET,
                "ADMIN_API_KEY", "release-admin-key-0123456789", "JAVA_HOME", System.getProperty("java.home"),
                "MARKET_HOURS", "always",   // the alerts are for stocks; the test must not depend on the hour
                "MAX_ORDERS_PER_SECOND", "0"));   // the streamed alerts' orders fill without waiting for a pace
        return environment;
    }

    /** Runs a command of the launcher to its end and returns it, finished. */
    private JarProcess tvbridge(Path workingDirectory, Map<String, String> environment, String... args) {
        JarProcess command = JarProcess.launch(launcher, workingDirectory, environment, args);
        command.exitCode(Duration.ofSeconds(90));
        return command;
    }

    @Test
    void theArchiveHoldsTheJarTheLauncherTheServiceFilesAndTheDocs() throws IOException {
        for (String file : List.of("tvbridge.jar", "tvbridge", ".env.example", "README.md", "LICENSE",
                "docs/DEPLOY.md", "systemd/tvbridge.service", "systemd/tvbridge-watchdog.service",
                "systemd/tvbridge-watchdog.timer", "docker/Dockerfile", "docker/compose.yaml")) {
            assertThat(home.resolve(file)).as(file).isRegularFile();
        }
        assertThat(Files.getPosixFilePermissions(launcher)).contains(PosixFilePermission.OWNER_EXECUTE,
                PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_EXECUTE);
        assertThat(Files.readString(home.resolve("systemd/tvbridge.service")))
                .contains("ExecStart=/opt/tvbridge/tvbridge run").contains("NoNewPrivileges=yes");
    }

    @Test
    void theLauncherSkipsAJavaOlderThan17AndWorksThroughALinkFromAnyFolder() throws IOException {
        Path oldJava = Files.createDirectories(folder.resolve("old-jdk/bin")).resolve("java");
        Files.writeString(oldJava, "#!/bin/sh\necho '    java.specification.version = 11' >&2\nexit 0\n");
        oldJava.toFile().setExecutable(true);
        Path link = Files.createDirectories(folder.resolve("bin")).resolve("tvbridge");
        Files.createSymbolicLink(link, launcher);
        Path elsewhere = Files.createDirectories(folder.resolve("elsewhere"));
        Map<String, String> environment = environment(folder.resolve("unused"));
        environment.put("JAVA_HOME", oldJava.getParent().getParent().toString());
        environment.put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":/usr/bin:/bin");

        JarProcess version = JarProcess.launch(link, elsewhere, environment, "--version");

        assertThat(version.exitCode(Duration.ofSeconds(60))).as(version.stderr()).isZero();
        assertThat(version.stdout()).startsWith("tvbridge " + VERSION + " (Java 17");
    }

    @Test
    void aRestartSharesTheClassesAnEarlierRunLoaded() throws Exception {
        Path workingDirectory = Files.createDirectories(folder.resolve("work"));
        Path data = Files.createDirectories(folder.resolve("data-cds"));
        for (int run = 1; run <= 2; run++) {
            try (JarProcess tv = JarProcess.launch(launcher, workingDirectory, environment(data), "run")) {
                tv.awaitListening(Duration.ofSeconds(60));
                assertThat(tv.get("/ready").statusCode()).isEqualTo(200);
                tv.process.destroy();
                assertThat(tv.exitCode(Duration.ofSeconds(60))).isIn(0, 143);
                assertThat(tv.output()).as("run " + run).doesNotContain("[warning]").doesNotContain("[error]");
            }
            try (var archives = Files.list(data.resolve("cds"))) {
                assertThat(archives.map(file -> file.getFileName().toString()))
                        .as("one archive, written when the first run stopped").singleElement()
                        .satisfies(name -> assertThat(name).startsWith("tvbridge-").endsWith("java.jsa"));
            }
        }

        Path other = Files.createDirectories(folder.resolve("data-no-cds"));
        Map<String, String> off = environment(other);
        off.put("TVBRIDGE_CDS", "off");
        try (JarProcess tv = JarProcess.launch(launcher, workingDirectory, off, "run")) {
            tv.awaitListening(Duration.ofSeconds(60));
            tv.process.destroy();
            tv.exitCode(Duration.ofSeconds(60));
        }
        assertThat(other.resolve("cds")).doesNotExist();
    }

    @Test
    void everyAcknowledgedAlertIsInTheBackupRestoredIntoAnotherDirectory() throws Exception {
        Path workingDirectory = Files.createDirectories(folder.resolve("work"));
        Path data = folder.resolve("data-a");
        Set<Long> acknowledged = new TreeSet<>();
        Map<Long, String> streamed = new ConcurrentHashMap<>();
        int onlineBackup;
        WebhookAuthenticator signer = new WebhookAuthenticator(SECRET);
        try (JarProcess tv = JarProcess.launch(launcher, workingDirectory, environment(data), "run")) {
            tv.awaitListening(Duration.ofSeconds(60));
            assertThat(tv.get("/ready").statusCode()).isEqualTo(200);
            for (int i = 0; i < 12; i++) {
                String body = "{\"symbol\":\"NASDAQ:AAPL\",\"action\":\"buy\",\"quantity\":1,\"price\":190,"
                        + "\"alert_id\":\"release-" + i + "\"}";
                String header = i % 2 == 0 ? "X-TradingView-Signature" : "X-Signature";
                HttpResponse<String> answer = tv.post(body,
                        Map.of(header, signer.sign(body.getBytes(StandardCharsets.UTF_8))));
                Matcher matcher = ACCEPTED.matcher(answer.body());
                assertThat(matcher.find()).as(answer.body()).isTrue();
                acknowledged.add(Long.parseLong(matcher.group(1)));
            }
            HttpResponse<String> forged = tv.post("{\"symbol\":\"AAPL\",\"action\":\"buy\",\"quantity\":1}",
                    Map.of("X-TradingView-Signature", "sha256=" + "0".repeat(64)));
            assertThat(forged.statusCode()).isEqualTo(401);
            assertThat(forged.body()).contains("the signature does not match the body");

            // a second process cannot restore into a directory the daemon holds
            JarProcess refused = tvbridge(workingDirectory, environment(data), "db", "restore",
                    folder.resolve("none.zip").toString());
            assertThat(refused.exitCode(Duration.ofSeconds(1))).isEqualTo(1);
            assertThat(refused.stderr().strip()).startsWith("tvbridge: the data directory " + data
                    + " is in use by a running tvbridge (pid " + tv.process.pid() + ", tvbridge run, since ")
                    .endsWith("stop it first");

            onlineBackup = backUpWhileAlertsArrive(tv, workingDirectory, data, streamed);
            acknowledged.addAll(streamed.keySet());
            awaitFilled(tv, acknowledged.size());
            tv.process.destroy();   // SIGTERM: the launcher exec'd the JVM, so the signal reaches tvbridge
            assertThat(tv.exitCode(Duration.ofSeconds(60))).isIn(0, 143);
            assertOneLinePerEventWithTheIds(tv.stderr());
        }

        JarProcess backup = tvbridge(workingDirectory, environment(data), "db", "backup");
        assertThat(backup.exitCode(Duration.ofSeconds(1))).as(backup.stderr()).isZero();
        Matcher written = WRITTEN.matcher(backup.stdout());
        assertThat(written.find()).as(backup.stdout()).isTrue();
        Path file = Path.of(written.group(1));
        assertThat(file).hasParent(data.resolve("backups"));
        assertThat(backup.stdout()).contains("it holds " + acknowledged.size() + " signals");

        Path restoredData = folder.resolve("data-b");
        JarProcess restore = tvbridge(workingDirectory, Map.of("JAVA_HOME", System.getProperty("java.home")),
                "db", "restore", file.toString(), "--data-dir", restoredData.toString());
        assertThat(restore.exitCode(Duration.ofSeconds(1))).as(restore.stderr()).isZero();
        assertThat(restore.stdout()).contains("restored " + file + " into " + restoredData);

        try (MyBatisStore store = MyBatisStore.openH2(restoredData, Clock.systemUTC())) {
            List<StoredSignal> restored = store.inTransaction(session -> session.signalsReceived(TimeRange.ALL));
            assertThat(restored).extracting(StoredSignal::id).containsExactlyElementsOf(acknowledged);
            long filledOrders = store.inTransaction(session -> session.fillsBetween(TimeRange.ALL).stream()
                    .map(fill -> fill.fill().clientOrderId()).distinct().count());
            assertThat(filledOrders).isEqualTo(acknowledged.size());
        }
        System.out.printf("release archive: %d alerts acknowledged (%d of them streamed while the daemon backed itself up; the backup holds %d), "
                + "backed up to %s (%d bytes) once stopped, all %d restored%n", acknowledged.size(), streamed.size(),
                onlineBackup, file.getFileName(), Files.size(file), acknowledged.size());
    }

    /**
     * Backs the running daemon up while alerts stream in, restores the backup into another data
     * directory and checks that every alert acknowledged before the backup began is in it.
     * Returns how many signals the backup holds.
     */
    private int backUpWhileAlertsArrive(JarProcess tv, Path workingDirectory, Path data, Map<Long, String> streamed)
            throws Exception {
        AlertStream stream = new AlertStream(SECRET, List.of("AAPL", "MSFT", "IBM"), streamed);
        AlertStream.Streaming streaming = stream.start(tv);
        JarProcess.pause(1000);
        Set<Long> before = new TreeSet<>(streamed.keySet());
        Path file = folder.resolve("online.zip");
        JarProcess backup = tvbridge(workingDirectory, environment(data), "db", "backup", "--to", file.toString());
        JarProcess.pause(1000);
        streaming.stop();
        assertThat(backup.exitCode(Duration.ofSeconds(1))).as(backup.stderr()).isZero();
        assertThat(backup.stdout()).startsWith("backup written by the running daemon: " + file);
        assertThat(before).as("alerts acknowledged before the backup began").isNotEmpty();

        Path restoredData = folder.resolve("data-online");
        JarProcess restore = tvbridge(workingDirectory, Map.of("JAVA_HOME", System.getProperty("java.home")),
                "db", "restore", file.toString(), "--data-dir", restoredData.toString());
        assertThat(restore.exitCode(Duration.ofSeconds(1))).as(restore.stderr()).isZero();
        try (MyBatisStore store = MyBatisStore.openH2(restoredData, Clock.systemUTC())) {
            List<Long> restored = store.inTransaction(session -> session.signalsReceived(TimeRange.ALL)).stream()
                    .map(StoredSignal::id).toList();
            assertThat(restored).containsAll(before);
            assertThat(restored.size()).as("alerts kept coming after the backup").isLessThan(streamed.size());
            return restored.size();
        }
    }

    private static void awaitFilled(JarProcess tv, int orders) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!tv.get("/health").body().contains("\"orders\":\"" + orders + "\"") && System.nanoTime() < deadline) {
            JarProcess.pause(100);
        }
    }

    /** A log line about an order: who wrote it and what it says after the ids. */
    private record OrderEvent(String component, String text) {
    }

    /** {@code <time> <LEVEL> <component> - signal=<id> order=<client order id> ...}, one line each. */
    private static void assertOneLinePerEventWithTheIds(String log) {
        Pattern line = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}(?:Z|[+-]\\d\\d:\\d\\d) INFO"
                + " (\\w+) - signal=(\\d+) order=tvb-[a-z2-9]+-\\2-1 (.*)");
        List<OrderEvent> events = log.lines().map(line::matcher).filter(Matcher::matches)
                .map(m -> new OrderEvent(m.group(1), m.group(3))).toList();
        assertThat(events).as(log)
                .contains(new OrderEvent("DecisionStage", "accepted: buy 1 AAPL market"))
                .anySatisfy(e -> assertThat(e.text()).startsWith("sent to paper: BUY 1 AAPL MARKET"))
                .anySatisfy(e -> assertThat(e.text()).matches("fill PX\\d+: BUY 1 AAPL at 190, commission 0"));
        assertThat(events.stream().map(OrderEvent::component).distinct())
                .containsExactlyInAnyOrder("DecisionStage", "OrderSubmitter", "Ledger");
    }
}

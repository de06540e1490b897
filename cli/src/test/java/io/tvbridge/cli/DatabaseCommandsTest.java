package io.tvbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tvbridge.core.store.StoreException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code tvbridge db backup}, {@code db restore} and {@code export} on the data directory of a daemon. */
@Timeout(120)
class DatabaseCommandsTest {
    private static final Pattern WRITTEN = Pattern.compile("backup written: (\\S+) \\(\\d+ KiB\\)");

    @TempDir
    Path folder;

    /** The output, error output and exit code of one command line. */
    record Run(int exitCode, String out, String err) {
    }

    private static Run tvbridge(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    /** Runs a daemon in {@code folder}, sends it {@code alerts} alerts, and stops it; returns their signal ids. */
    private List<Long> daemonWithAlerts(Path folder, int alerts) {
        List<Long> signals = new ArrayList<>();
        try (TestDaemon tv = TestDaemon.start(folder)) {
            for (int i = 0; i < alerts; i++) {
                signals.add(tv.signal("\"symbol\":\"AAPL\",\"action\":\"buy\",\"quantity\":1,\"price\":10,"
                        + "\"comment\":\"one, \\\"two\\\"\"").get("signal_id").asLong());
            }
            tv.settle();
        }
        return signals;
    }

    @Test
    void aRunningDaemonBacksItselfUpWhileAlertsKeepComing() throws Exception {
        Path data = folder.resolve("live/data");
        List<Long> acknowledged = new CopyOnWriteArrayList<>();
        List<Long> beforeTheBackup;
        Run backup;
        try (TestDaemon tv = TestDaemon.start(folder.resolve("live"))) {
            AtomicBoolean streaming = new AtomicBoolean(true);
            Thread sender = new Thread(() -> {
                while (streaming.get()) {
                    acknowledged.add(tv.signal("\"symbol\":\"AAPL\",\"action\":\"buy\",\"quantity\":1,"
                            + "\"price\":10").get("signal_id").asLong());
                }
            });
            sender.start();
            TestDaemon.eventually("alerts flowing", () -> acknowledged.size() >= 20);
            beforeTheBackup = List.copyOf(acknowledged);
            backup = tvbridge("db", "backup", "--data-dir", data.toString(), "--api-key", TestDaemon.ADMIN_KEY,
                    "--keep", "3");
            TestDaemon.eventually("alerts after the backup", () -> acknowledged.size() > beforeTheBackup.size() + 5);
            streaming.set(false);
            sender.join();
            assertThat(tv.text("select actor || ' ' || action from audit_log where action = 'db.backup'"))
                    .startsWith("cli:").endsWith(" db.backup");
        }
        assertThat(backup.exitCode()).as(backup.err()).isZero();
        Matcher written = Pattern.compile("backup written by the running daemon: (\\S+) ").matcher(backup.out());
        assertThat(written.find()).as(backup.out()).isTrue();
        Path file = Path.of(written.group(1));
        assertThat(file.getParent()).isEqualTo(data.resolve("backups").toAbsolutePath());

        Path restored = folder.resolve("restored/data");
        Run restore = tvbridge("db", "restore", file.toString(), "--data-dir", restored.toString());
        assertThat(restore.exitCode()).as(restore.err()).isZero();
        try (TestDaemon tv = TestDaemon.start(folder.resolve("restored"))) {
            for (long id : beforeTheBackup) {
                assertThat(tv.count("select count(*) from signals where id = " + id)).as("signal %d", id)
                        .isEqualTo(1);
            }
        }
    }

    @Test
    void aBackupRestoredIntoAnotherDirectoryHoldsEveryAlert() {
        List<Long> signals = daemonWithAlerts(folder.resolve("first"), 3);
        Path data = folder.resolve("first/data");

        Run backup = tvbridge("db", "backup", "--data-dir", data.toString());
        assertThat(backup.exitCode()).as(backup.err()).isZero();
        Matcher written = WRITTEN.matcher(backup.out());
        assertThat(written.find()).as(backup.out()).isTrue();
        Path file = Path.of(written.group(1));
        assertThat(file.getParent()).isEqualTo(data.resolve("backups"));
        assertThat(backup.out()).contains("it holds 3 signals, 3 orders, 3 fills");

        Path second = folder.resolve("second/data");
        Run restore = tvbridge("db", "restore", file.toString(), "--data-dir", second.toString());
        assertThat(restore.exitCode()).as(restore.err()).isZero();
        assertThat(restore.out()).contains("restored " + file + " into " + second)
                .contains("it holds 3 signals").doesNotContain("replaced is kept");

        try (TestDaemon tv = TestDaemon.start(folder.resolve("second"))) {
            for (long id : signals) {
                assertThat(tv.count("select count(*) from signals where id = " + id)).isEqualTo(1);
            }
            long next = tv.signal("\"symbol\":\"MSFT\",\"action\":\"buy\",\"quantity\":1,\"price\":10")
                    .get("signal_id").asLong();
            assertThat(next).isEqualTo(signals.get(2) + 1);
            assertThat(tv.text("select client_order_id from orders where signal_id = " + next))
                    .as("a new prefix").doesNotStartWith(tv.text("select client_order_id from orders where id = 1")
                            .substring(0, 10));
        }
    }

    @Test
    void backupRestoreAndExportRefuseWhileTheDaemonRuns() {
        daemonWithAlerts(folder.resolve("other"), 1);
        Path backupFile = Path.of(WRITTEN.matcher(tvbridge("db", "backup", "--data-dir",
                folder.resolve("other/data").toString()).out()).results().findFirst().orElseThrow().group(1));
        try (TestDaemon tv = TestDaemon.start(folder)) {
            tv.signal("\"symbol\":\"AAPL\",\"action\":\"buy\",\"quantity\":1,\"price\":10");
            String data = tv.dataDirectory.toString();

            Run restore = tvbridge("db", "restore", backupFile.toString(), "--data-dir", data);
            assertThat(restore.exitCode()).isEqualTo(1);
            assertThat(restore.err().strip()).startsWith("tvbridge: the data directory " + data
                    + " is in use by a running tvbridge (pid " + ProcessHandle.current().pid() + ", tvbridge run, since ")
                    .endsWith("; stop it first").doesNotContain("Exception");
            // a running daemon backs itself up through the admin API, which needs the admin key
            Run backup = tvbridge("db", "backup", "--data-dir", data, "--api-key", "not-the-key-0123456789");
            assertThat(backup.exitCode()).isEqualTo(4);
            assertThat(backup.err()).contains("X-API-Key header is wrong");
            Run export = tvbridge("export", "signals", "--data-dir", data);
            assertThat(export.exitCode()).isEqualTo(1);
            assertThat(export.err()).contains("stop it first");

            assertThat(tv.count("select count(*) from signals")).isEqualTo(1);
            assertThat(tv.dataDirectory.resolve("replaced")).doesNotExist();
            assertThat(tv.dataDirectory.resolve("backups")).doesNotExist();
        }
    }

    @Test
    void aSecondDaemonOnTheSameDirectoryStopsWithOneClearLine() {
        try (TestDaemon tv = TestDaemon.start(folder)) {
            assertThatThrownBy(() -> TestDaemon.start(folder))
                    .isInstanceOf(StoreException.class).hasMessageContaining("is in use by a running tvbridge");
            assertThat(tv.get("/ready").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aRestoreOverADatabaseKeepsItAside() {
        daemonWithAlerts(folder.resolve("a"), 2);
        daemonWithAlerts(folder.resolve("b"), 4);
        Path a = folder.resolve("a/data");
        Path b = folder.resolve("b/data");
        Path backup = folder.resolve("a.zip");
        assertThat(tvbridge("db", "backup", "--data-dir", a.toString(), "--to", backup.toString()).exitCode()).isZero();

        Run restore = tvbridge("db", "restore", backup.toString(), "--data-dir", b.toString());

        assertThat(restore.exitCode()).as(restore.err()).isZero();
        Matcher kept = Pattern.compile("the database it replaced is kept at (\\S+)").matcher(restore.out());
        assertThat(kept.find()).as(restore.out()).isTrue();
        assertThat(Path.of(kept.group(1))).exists().hasParent(b.resolve("replaced"));
        Run undo = tvbridge("db", "restore", kept.group(1), "--data-dir", b.toString());
        assertThat(undo.out()).contains("it holds 4 signals");
        Run again = tvbridge("db", "backup", "--data-dir", a.toString(), "--to", backup.toString());
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains("exists already");
    }

    @Test
    void aBackupCanKeepOnlyTheNewestOnes() throws IOException {
        daemonWithAlerts(folder, 1);
        Path backups = Files.createDirectories(folder.resolve("data/backups"));
        Path older = Files.writeString(backups.resolve("tvbridge-20240101T000000Z.zip"), "old");
        Path old = Files.writeString(backups.resolve("tvbridge-20250101T000000Z.zip"), "old");
        Path mine = Files.writeString(backups.resolve("keep-me.zip"), "mine");

        Run backup = tvbridge("db", "backup", "--keep", "2", "--data-dir", folder.resolve("data").toString());

        assertThat(backup.exitCode()).as(backup.err()).isZero();
        assertThat(backup.out()).contains("deleted the older backup " + older).doesNotContain(old.toString());
        assertThat(older).doesNotExist();
        assertThat(old).exists();
        assertThat(mine).exists();
        try (var files = Files.list(backups)) {
            assertThat(files).hasSize(3);
        }
        assertThat(tvbridge("db", "backup", "--keep", "0").err()).contains("--keep must be at least 1");
    }

    @Test
    void exportsAreCsvOrJsonForASpanOfTime() throws IOException {
        daemonWithAlerts(folder, 2);
        String data = folder.resolve("data").toString();

        Run csv = tvbridge("export", "trades", "--data-dir", data);
        assertThat(csv.exitCode()).as(csv.err()).isZero();
        List<String> lines = csv.out().lines().toList();
        assertThat(lines.get(0)).startsWith("filled_at,broker,symbol,side,quantity,price,");
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z,paper,AAPL,buy,1,10,.*");
        assertThat(csv.out()).contains("\r\n");

        Run signals = tvbridge("export", "signals", "--format", "json", "--data-dir", data);
        JsonNode array = new ObjectMapper().readTree(signals.out());
        assertThat(array).hasSize(2);
        assertThat(array.get(0).get("comment").asText()).isEqualTo("one, \"two\"");
        assertThat(array.get(0).get("decision").asText()).isEqualTo("accepted");

        Path file = folder.resolve("orders.csv");
        Run toFile = tvbridge("export", "ORDERS", "--from", "2000-01-01", "--to", "2999-12-31", "--out",
                file.toString(), "--data-dir", data);
        assertThat(toFile.exitCode()).as(toFile.err()).isZero();
        assertThat(toFile.err()).contains("2 orders written to " + file);
        assertThat(Files.readAllLines(file)).hasSize(3);

        Run nothing = tvbridge("export", "trades", "--from", "2999-01-01", "--data-dir", data);
        assertThat(nothing.out().lines()).hasSize(1);
    }

    @Test
    void badExportArgumentsAreExplained() {
        String data = folder.resolve("data").toString();
        Run kind = tvbridge("export", "fills", "--data-dir", data);
        assertThat(kind.exitCode()).isEqualTo(2);
        assertThat(kind.err()).contains("unknown export 'fills'; choose trades, orders, signals");
        Run format = tvbridge("export", "trades", "--format", "xlsx", "--data-dir", data);
        assertThat(format.err()).contains("unknown format 'xlsx'; choose csv, json");
        Run when = tvbridge("export", "trades", "--from", "yesterday", "--data-dir", data);
        assertThat(when.err()).contains("--from must be a date (2025-01-31) or a UTC time");
        Run none = tvbridge("export", "trades", "--data-dir", data);
        assertThat(none.exitCode()).isEqualTo(1);
        assertThat(none.err().strip()).isEqualTo("tvbridge: there is no tvbridge database in " + data);
        assertThat(folder.resolve("data")).doesNotExist();
    }
}

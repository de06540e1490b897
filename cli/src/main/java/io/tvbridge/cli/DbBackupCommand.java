package io.tvbridge.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.tvbridge.core.store.DataDirectoryLock;
import io.tvbridge.core.store.backup.BackupContents;
import io.tvbridge.core.store.backup.BackupFolder;
import io.tvbridge.core.store.backup.DatabaseBackups;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code tvbridge db backup}: a checked copy of the database, of a running daemon or a stopped one. */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = {"Backs up the database into one zip file, then opens a copy of the backup and reads it"
                + " whole to check it.",
                "A running daemon writes the backup itself while alerts keep coming (through the admin API);"
                        + " a stopped daemon's database is copied unchanged (not even migrated)."})
final class DbBackupCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    DataDirectoryOption data;

    @Option(names = "--to", paramLabel = "FILE",
            description = "the backup file to write; it must not exist (default <data-dir>/backups/tvbridge-<UTC time>.zip)")
    Path to;

    @Option(names = "--keep", paramLabel = "N",
            description = "then delete all but the newest N backups in the backup's folder (only files named"
                    + " tvbridge-<UTC time>.zip)")
    Integer keep;

    @Option(names = "--url", description = "the running daemon's address (default: from the data directory)")
    String url;

    @Option(names = "--api-key", description = "the admin API key, for a running daemon (default: ADMIN_API_KEY from"
            + " the environment, .env or the data directory)")
    String apiKey;

    @Option(names = "--account", paramLabel = "NAME", description = "with several accounts (ACCOUNTS): the account"
            + " whose database the running daemon backs up")
    String account;

    @Override
    public Integer call() {
        if (keep != null && keep < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--keep must be at least 1");
        }
        data.requireH2Store("tvbridge db backup");
        Path dataDirectory = data.resolve();
        PrintWriter out = spec.commandLine().getOut();
        if (DataDirectoryLock.heldElsewhere(dataDirectory)) {
            backUpRunning(dataDirectory, out);
        } else {
            backUpStopped(dataDirectory, out);
        }
        out.flush();
        return 0;
    }

    /** A running daemon backs itself up, through the admin API, while alerts keep coming. */
    private void backUpRunning(Path dataDirectory, PrintWriter out) {
        AdminConnection daemon = new AdminConnection();
        daemon.dataDirectory = dataDirectory;
        daemon.url = url;
        daemon.apiKey = apiKey;
        daemon.account = account;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("actor", "cli:" + System.getProperty("user.name", "unknown"));
        if (to != null) {
            body.put("to", to.toAbsolutePath().toString());
        }
        if (keep != null) {
            body.put("keep", keep);
        }
        JsonNode answer = daemon.post("/admin/backup", body);
        out.printf("backup written by the running daemon: %s (%d KiB)%n", answer.get("file").asText(),
                (answer.get("bytes").asLong() + 1023) / 1024);
        out.printf("  it holds %d signals, %d orders, %d fills (schema %d)%n", answer.get("signals").asLong(),
                answer.get("orders").asLong(), answer.get("fills").asLong(), answer.get("schema_version").asInt());
        answer.get("deleted").forEach(old -> out.printf("deleted the older backup %s%n", old.asText()));
    }

    private void backUpStopped(Path dataDirectory, PrintWriter out) {
        Path target = to != null ? to.toAbsolutePath() : BackupFolder.of(dataDirectory).newFile(Clock.systemUTC().instant());
        BackupContents backup = DatabaseBackups.backUpStopped(dataDirectory, target);
        out.printf("backup written: %s (%d KiB)%n", backup.file(), (backup.bytes() + 1023) / 1024);
        out.printf("  it holds %s%n", backup.summary());
        if (keep != null) {
            for (Path old : new BackupFolder(backup.file().getParent()).keepNewest(keep)) {
                out.printf("deleted the older backup %s%n", old);
            }
        }
    }
}

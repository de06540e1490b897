package io.tvbridge.cli;

import io.tvbridge.core.store.backup.BackupContents;
import io.tvbridge.core.store.backup.BackupFolder;
import io.tvbridge.core.store.backup.DatabaseBackups;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tvbridge db backup}: a checked copy of a stopped daemon's database. */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = {"Backs up the database of a stopped daemon into one zip file, then opens a copy of the"
                + " backup and reads it whole to check it.",
                "The database is not changed (not even migrated). The daemon must be stopped."})
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

    @Override
    public Integer call() {
        if (keep != null && keep < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--keep must be at least 1");
        }
        Path dataDirectory = data.resolve();
        Path target = to != null ? to.toAbsolutePath() : BackupFolder.of(dataDirectory).newFile(Clock.systemUTC().instant());
        BackupContents backup = DatabaseBackups.backUpStopped(dataDirectory, target);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("backup written: %s (%d KiB)%n", backup.file(), (backup.bytes() + 1023) / 1024);
        out.printf("  it holds %s%n", backup.summary());
        if (keep != null) {
            for (Path old : new BackupFolder(backup.file().getParent()).keepNewest(keep)) {
                out.printf("deleted the older backup %s%n", old);
            }
        }
        out.flush();
        return 0;
    }
}

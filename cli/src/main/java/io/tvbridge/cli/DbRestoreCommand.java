package io.tvbridge.cli;

import io.tvbridge.core.store.backup.DatabaseRestore;
import io.tvbridge.core.store.backup.RestoreResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code tvbridge db restore FILE}: a backup in place of a stopped daemon's database. */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = {"Puts a backup in place of the database of a stopped daemon.",
                "The backup is copied into the data directory, opened and read whole first; the database it"
                        + " replaces is moved to <data-dir>/replaced/, never deleted (restore that file to undo)."})
final class DbRestoreCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    DataDirectoryOption data;

    @Parameters(paramLabel = "FILE", description = "a zip written by 'tvbridge db backup', or a kept-aside tvbridge.mv.db")
    Path backup;

    @Override
    public Integer call() {
        data.requireH2Store("tvbridge db restore");
        Path dataDirectory = data.resolve();
        RestoreResult result = DatabaseRestore.restore(backup.toAbsolutePath(), dataDirectory, Clock.systemUTC(),
                "cli:db restore");
        PrintWriter out = spec.commandLine().getOut();
        out.printf("restored %s into %s%n", result.restored().file(), dataDirectory);
        out.printf("  it holds %s%n", result.restored().summary());
        result.replacedKeptAt().ifPresent(kept -> out.printf("  the database it replaced is kept at %s%n", kept));
        out.printf("  new orders get client order ids tvb-%s-...: none can repeat an id sent after the backup%n",
                result.installationId());
        out.println("Start tvbridge: it looks up at the broker every order the restored database shows open."
                + " Alerts and fills that came after the backup are not in it.");
        out.flush();
        return 0;
    }
}

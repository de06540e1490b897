package io.tvbridge.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code tvbridge db}: the database of a stopped daemon. */
@Command(name = "db", mixinStandardHelpOptions = true,
        description = "Backs up the database (of a running or a stopped daemon), restores it (stopped), and copies"
                + " it into PostgreSQL (stopped).",
        subcommands = {DbBackupCommand.class, DbRestoreCommand.class, DbMigrateToCommand.class})
final class DbCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}

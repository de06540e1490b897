package io.tvbridge.cli;

import io.tvbridge.core.config.ConfigException;
import io.tvbridge.core.config.PostgresConfig;
import io.tvbridge.core.store.migrate.PostgresMigration;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tvbridge db migrate-to}: a stopped daemon's H2 database copied into an empty PostgreSQL database. */
@Command(name = "migrate-to", mixinStandardHelpOptions = true,
        description = {"Copies the H2 database of a stopped daemon into an empty PostgreSQL database: the schema,"
                + " every table, each checked row for row before the copy is committed, and the paper broker's"
                + " journal file (its account), kept in the database from then on.",
                "The H2 database is only read. Afterwards start tvbridge with DATABASE_URL set to the same URL."})
final class DbMigrateToCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    DataDirectoryOption data;

    @Option(names = "--url", required = true, paramLabel = "URL",
            description = "the PostgreSQL database: postgresql://[user[:password]@]host[:port]/database")
    String url;

    @Option(names = "--user", description = "the database user (default: DATABASE_USER, or the URL's)")
    String user;

    @Option(names = "--password-env", paramLabel = "VAR",
            description = "the environment variable that holds the password (default: DATABASE_PASSWORD from the"
                    + " environment or .env, or the URL's); never give a password on the command line")
    String passwordEnv;

    @Override
    public Integer call() {
        Path dataDirectory = data.resolve();
        PostgresConfig target = PostgresConfig.parse(url, Optional.ofNullable(user), password());
        PrintWriter out = spec.commandLine().getOut();
        out.printf("copying %s into %s as %s%n", dataDirectory, target.name(), target.user());
        out.flush();
        PostgresMigration.Copied copied = PostgresMigration.copy(dataDirectory, target);
        List<PostgresMigration.CopiedTable> tables = copied.tables();
        for (PostgresMigration.CopiedTable table : tables) {
            out.printf("  %-28s %8d rows  verified (sha256 %s)%n", table.name(), table.rows(),
                    table.sha256().substring(0, 16));
        }
        for (PostgresMigration.CopiedJournal journal : copied.journals()) {
            out.printf("  %-28s %8d lines verified (sha256 %s) from %s%n", "journal " + journal.broker() + "/"
                    + journal.name(), journal.lines(), journal.sha256().substring(0, 16), journal.file());
        }
        out.printf("Copied and verified %d tables, %d rows%s. The H2 database in %s is unchanged.%n", tables.size(),
                tables.stream().mapToLong(PostgresMigration.CopiedTable::rows).sum(),
                copied.journals().isEmpty() ? "" : ", and " + copied.journals().size() + " broker journal(s) into"
                        + " broker_journal", dataDirectory);
        out.printf("Start tvbridge with DATABASE_URL=%s (and DATABASE_USER, DATABASE_PASSWORD) and the same data"
                + " directory.%n", target.name());
        out.flush();
        return 0;
    }

    /** From the variable {@code --password-env} names, else DATABASE_PASSWORD as the daemon reads it. */
    private Optional<String> password() {
        if (passwordEnv != null) {
            String value = System.getenv(passwordEnv);
            if (value == null || value.isEmpty()) {
                throw new ConfigException("the environment variable " + passwordEnv + " (--password-env) is not set");
            }
            return Optional.of(value);
        }
        return AdminConnection.localConfig(data.resolve()).text(PostgresConfig.DATABASE_PASSWORD);
    }
}

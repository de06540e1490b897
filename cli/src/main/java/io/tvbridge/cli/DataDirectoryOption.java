package io.tvbridge.cli;

import io.tvbridge.core.config.ConfigException;
import io.tvbridge.core.config.ConfigLoader;
import io.tvbridge.core.config.PostgresConfig;
import io.tvbridge.core.config.TvBridgeConfig;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --data-dir} of the commands that work on a data directory without starting the daemon. */
final class DataDirectoryOption {

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "the data directory (env DATA_DIR, or DATA_DIR in ./.env; default ./data)")
    Path dataDirectory;

    /** The directory the daemon would use with the same settings, relative to the working directory. */
    Path resolve() {
        Map<String, String> options = dataDirectory == null ? Map.of()
                : Map.of(TvBridgeConfig.DATA_DIR, dataDirectory.toString());
        return ConfigLoader.dataDirectory(options, System.getenv(), Path.of("").toAbsolutePath());
    }

    /** The PostgreSQL database the daemon stores in ({@code DATABASE_URL}), or empty for H2 in the data directory. */
    Optional<PostgresConfig> postgres() {
        return PostgresConfig.from(AdminConnection.localConfig(resolve()));
    }

    /**
     * Refuses {@code command}, which works on the H2 database file, when the daemon stores in PostgreSQL.
     *
     * @throws ConfigException naming the database and what to use instead
     */
    void requireH2Store(String command) {
        postgres().ifPresent(postgres -> {
            throw new ConfigException(command + " works on the embedded H2 database, but this tvbridge stores in "
                    + postgres.name() + " (" + PostgresConfig.DATABASE_URL + "): back it up and restore it with"
                    + " PostgreSQL's own tools (pg_dump, pg_restore, the server's backups)");
        });
    }
}

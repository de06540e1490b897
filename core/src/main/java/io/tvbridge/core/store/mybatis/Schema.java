package io.tvbridge.core.store.mybatis;

import io.tvbridge.core.store.StoreException;
import java.util.Arrays;
import javax.sql.DataSource;
import org.apache.ibatis.datasource.unpooled.UnpooledDataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The database schema's version, managed by Flyway. Migrations only move forward: a database
 * written by an older tvbridge is migrated when opened, and one written by a newer tvbridge is
 * refused, since this build would not know what the newer columns and rows mean.
 */
public final class Schema {

    /**
     * @param applied the highest migration the database has (0 for an empty database)
     * @param known   the highest migration this build ships
     */
    public record Version(int applied, int known) {
        public boolean newerThanThisBuild() {
            return applied > known;
        }
    }

    private Schema() {
    }

    /**
     * The schema version of the H2 database in {@code dataDirectory}, which must exist; changes nothing,
     * not even the file's bytes (it is opened read-only).
     */
    public static Version read(java.nio.file.Path dataDirectory) {
        return read(new UnpooledDataSource("org.h2.Driver", MyBatisStore.h2UrlReadOnly(dataDirectory), "sa", ""));
    }

    static Version read(DataSource dataSource) {
        MigrationInfo[] all = flyway(dataSource).info().all();
        return new Version(highest(all, true), highest(all, false));
    }

    /** Migrates to this build's version, after refusing a database written by a newer tvbridge. */
    static MigrateResult migrate(DataSource dataSource) {
        Version version = read(dataSource);
        if (version.newerThanThisBuild()) {
            throw new StoreException("this data directory was written by a newer tvbridge (schema "
                    + version.applied() + ", this build knows up to " + version.known()
                    + "); upgrade tvbridge or restore a backup");
        }
        return flyway(dataSource).migrate();
    }

    private static Flyway flyway(DataSource dataSource) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .javaMigrations(new StandbyIntakeMigration())
                .load();
    }

    /** The highest version among the migrations the database has applied, or among those this build ships. */
    private static int highest(MigrationInfo[] migrations, boolean applied) {
        return Arrays.stream(migrations)
                .filter(m -> m.getVersion() != null)
                .filter(m -> applied ? isApplied(m.getState()) : m.getState().isResolved())
                .mapToInt(m -> m.getVersion().getMajor().intValueExact())
                .max().orElse(0);
    }

    private static boolean isApplied(MigrationState state) {
        return state.isApplied() && !state.isFailed();
    }
}

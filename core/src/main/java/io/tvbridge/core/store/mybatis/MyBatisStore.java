package io.tvbridge.core.store.mybatis;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.tvbridge.core.config.PostgresConfig;
import io.tvbridge.core.store.EngineLease;
import io.tvbridge.core.store.Store;
import io.tvbridge.core.store.StoreException;
import io.tvbridge.core.store.StoreSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;
import javax.sql.DataSource;
import org.apache.ibatis.datasource.pooled.PooledDataSource;
import org.apache.ibatis.datasource.unpooled.UnpooledDataSource;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database behind tvbridge: schema by Flyway, SQL by MyBatis, over a pooled data source. The
 * embedded H2 database in the data directory is the default; PostgreSQL takes the same migrations
 * and mappers.
 */
public final class MyBatisStore implements Store {
    private static final Logger log = LoggerFactory.getLogger(MyBatisStore.class);
    private static final String H2_DRIVER = "org.h2.Driver";
    private static final String POSTGRES_DRIVER = "org.postgresql.Driver";
    /** H2's error when a database opened with IFEXISTS=TRUE does not exist. */
    private static final int H2_DATABASE_NOT_FOUND = 90146;
    /** The same as H2's pool: the engine loop, the senders and the admin API's readers share it. */
    private static final int POOL_SIZE = 16;

    private final DataSource dataSource;
    private final AutoCloseable pool;
    /** Whether H2 serves through its own driver, which alone can make an online backup. */
    private final boolean embeddedH2;
    private final String kind;
    private final String name;
    private final SqlSessionFactory sessions;
    private final Clock clock;

    private MyBatisStore(DataSource dataSource, AutoCloseable pool, boolean embeddedH2, String kind, String name,
                         Clock clock) {
        this.dataSource = dataSource;
        this.pool = pool;
        this.embeddedH2 = embeddedH2;
        this.kind = kind;
        this.name = name;
        this.clock = clock;
        this.sessions = new SqlSessionFactoryBuilder().build(configuration(dataSource, kind));
    }

    /**
     * Opens (creating if needed) the H2 database in {@code dataDirectory} and migrates its schema.
     *
     * <p>{@code WRITE_DELAY=0} makes every commit reach the file before it returns: H2's
     * default delay of half a second loses commits that were already acknowledged when the
     * process is killed. {@code DB_CLOSE_ON_EXIT=FALSE} leaves closing to tvbridge's own
     * shutdown, which drains in-flight work first. {@code MAX_COMPACT_TIME=0} skips the file
     * compaction H2 otherwise runs when the database closes: that step has lost committed rows
     * (seen here with H2 2.3.232 in the recovery tests, and reported upstream), and the store's
     * background housekeeping keeps the file's size in check without it.
     */
    public static MyBatisStore openH2(Path dataDirectory, Clock clock) {
        return open(H2_DRIVER, h2Url(dataDirectory), "sa", "", clock);
    }

    /** The JDBC URL of the H2 database in {@code dataDirectory}. */
    public static String h2Url(Path dataDirectory) {
        return "jdbc:h2:file:" + dataDirectory.toAbsolutePath().resolve("tvbridge")
                + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000;MAX_COMPACT_TIME=0";
    }

    /**
     * The store the configuration names: the PostgreSQL database of {@code DATABASE_URL} when it
     * is set, else the H2 database in {@code dataDirectory}.
     */
    public static MyBatisStore open(Optional<PostgresConfig> postgres, Path dataDirectory, Clock clock) {
        return postgres.map(pg -> openPostgres(pg.jdbcUrl(), pg.user(), pg.password(), pg.name(), clock))
                .orElseGet(() -> openH2(dataDirectory, clock));
    }

    /** Like {@link #h2Url}, for a database that must exist already: H2 then refuses to create an empty one. */
    public static String h2UrlOfExisting(Path dataDirectory) {
        return h2Url(dataDirectory) + ";IFEXISTS=TRUE";
    }

    /** Like {@link #h2UrlOfExisting}, opened read-only: H2 neither changes nor rewrites the file. */
    public static String h2UrlReadOnly(Path dataDirectory) {
        return h2UrlOfExisting(dataDirectory) + ";ACCESS_MODE_DATA=r";
    }

    /**
     * Checks that {@code dataDirectory} holds an H2 database, for the commands that work on an
     * existing one and must not create an empty one.
     *
     * @throws StoreException when it holds none
     */
    public static void requireH2(Path dataDirectory) {
        if (!Files.isRegularFile(dataDirectory.resolve("tvbridge.mv.db"))) {
            throw new StoreException("there is no tvbridge database in " + dataDirectory);
        }
    }

    /** H2 through {@code driver} (its own, or a test's wrapper of it), pooled by MyBatis; see {@link #openH2}. */
    public static MyBatisStore open(String driver, String url, String user, String password, Clock clock) {
        // Flyway gets plain connections: it uses a connection after closing it, which the pool refuses
        migrate(new UnpooledDataSource(driver, url, user, password));
        PooledDataSource dataSource = new PooledDataSource(driver, url, user, password);
        dataSource.setPoolMaximumActiveConnections(POOL_SIZE);
        dataSource.setPoolMaximumIdleConnections(8);
        dataSource.setDefaultAutoCommit(false);
        return new MyBatisStore(dataSource, dataSource::forceCloseAll, H2_DRIVER.equals(driver), "h2", url, clock);
    }

    /**
     * Opens the PostgreSQL database at {@code jdbcUrl} (which carries no credentials) and migrates
     * its schema, pooling connections with HikariCP.
     *
     * @param name how errors and logs name the database ({@code host:port/database}), never with the password
     * @throws StoreException when it cannot be reached or logged into, naming the database but not the password
     */
    public static MyBatisStore openPostgres(String jdbcUrl, String user, String password, String name, Clock clock) {
        UnpooledDataSource plain = new UnpooledDataSource(POSTGRES_DRIVER, jdbcUrl, credentials(user, password));
        // a clear error before Flyway wraps the driver's in its own
        try (Connection connection = plain.getConnection()) {
            log.info("database: PostgreSQL {} ({})", connection.getMetaData().getDatabaseProductVersion(), name);
        } catch (SQLException e) {
            throw new StoreException("cannot connect to PostgreSQL at " + name + " as " + user + ": "
                    + withoutPassword(e.getMessage(), password), e);
        }
        migrate(plain);
        HikariConfig pool = new HikariConfig();
        pool.setPoolName("tvbridge-store");
        pool.setDriverClassName(POSTGRES_DRIVER);
        pool.setJdbcUrl(jdbcUrl);
        pool.setUsername(user);
        pool.setPassword(password);
        pool.setAutoCommit(false);
        pool.setMaximumPoolSize(POOL_SIZE);
        pool.setMinimumIdle(2);
        HikariDataSource dataSource = new HikariDataSource(pool);
        return new MyBatisStore(dataSource, dataSource, false, "postgresql", name, clock);
    }

    private static Properties credentials(String user, String password) {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        return properties;
    }

    /** The driver's messages do not quote the password; this keeps it so whatever a future driver says. */
    private static String withoutPassword(String message, String password) {
        return message == null || password.isEmpty() ? String.valueOf(message) : message.replace(password, "***");
    }

    /** Whether this is the embedded H2 database, which alone has an online backup and a data-directory file. */
    public boolean embedded() {
        return embeddedH2;
    }

    @Override
    public String kind() {
        return kind;
    }

    /** How logs and errors name the database: the H2 URL, or {@code postgresql://host:port/database}. */
    public String name() {
        return name;
    }

    private static void migrate(DataSource dataSource) {
        var result = Schema.migrate(dataSource);
        if (result.migrationsExecuted > 0) {
            log.info("database schema migrated to version {}", result.targetSchemaVersion);
        }
    }

    private static Configuration configuration(DataSource dataSource, String kind) {
        Configuration configuration = new Configuration(
                new Environment("tvbridge", new JdbcTransactionFactory(), dataSource));
        configuration.setDatabaseId(kind);   // before the mappers: it picks the statements that differ by database
        configuration.setMapUnderscoreToCamelCase(true);
        configuration.setArgNameBasedConstructorAutoMapping(true);
        configuration.getTypeHandlerRegistry().register(Instant.class, UtcInstantTypeHandler.class);
        configuration.addMapper(SignalMapper.class);
        configuration.addMapper(OrderMapper.class);
        configuration.addMapper(FillMapper.class);
        configuration.addMapper(PositionMapper.class);
        configuration.addMapper(AuditMapper.class);
        configuration.addMapper(SettingsMapper.class);
        configuration.addMapper(PendingMapper.class);
        configuration.addMapper(ReconciliationMapper.class);
        configuration.addMapper(LeaseMapper.class);
        configuration.addMapper(InboxMapper.class);
        configuration.addMapper(BrokerJournalMapper.class);
        return configuration;
    }

    /**
     * The engine's lease in this database, taken for {@code term} (whole seconds) at a time. Only a
     * database that several daemons can share needs it: the daemon asks for it on PostgreSQL only.
     */
    public EngineLease engineLease(Duration term) {
        return new MyBatisEngineLease(sessions, term);
    }

    @Override
    public StoreSession open() {
        return new MyBatisStoreSession(sessions.openSession(false), clock);
    }

    @Override
    public boolean healthy() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("select 1");
            return true;
        } catch (SQLException | RuntimeException e) {
            log.warn("database check failed: {}", e.getMessage());
            return false;
        }
    }

    /** Backs up the running H2 database through one of the store's own connections; see {@link Store#backupTo}. */
    @Override
    public void backupTo(Path target) {
        if (!embeddedH2) {
            throw new StoreException("an online backup is made of the embedded H2 database only; back up "
                    + name + " with PostgreSQL's own tools (pg_dump, or the server's backups)");
        }
        try (Connection connection = dataSource.getConnection()) {
            backup(connection, target);
        } catch (SQLException e) {
            throw new StoreException("the backup to " + target + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Backs up the H2 database in the data directory of a stopped daemon as it is: it is neither
     * created nor migrated, so the backup can go back to the version that wrote it.
     */
    public static void backupStopped(Path dataDirectory, Path target) {
        try (Connection connection = DriverManager.getConnection(h2UrlOfExisting(dataDirectory), "sa", "")) {
            backup(connection, target);
        } catch (SQLException e) {
            if (e.getErrorCode() == H2_DATABASE_NOT_FOUND) {
                throw new StoreException("there is no tvbridge database in " + dataDirectory, e);
            }
            throw new StoreException("the backup of " + dataDirectory + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * H2's {@code BACKUP TO} copies the database file as of one moment while work goes on. It
     * writes beside the target and moves the finished file into place, so a backup cut short
     * never looks like a whole one.
     */
    private static void backup(Connection connection, Path target) throws SQLException {
        Path file = target.toAbsolutePath().normalize();
        if (Files.exists(file)) {
            throw new StoreException("the backup file " + file + " exists already; choose another name");
        }
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(partial);
            try (Statement statement = connection.createStatement()) {
                statement.execute("BACKUP TO '" + partial.toString().replace("'", "''") + "'");
            }
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the backup " + file + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException e) {
                log.warn("could not delete the unfinished backup {}: {}", partial, e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        try {
            pool.close();
        } catch (Exception e) {
            log.warn("closing the database {} failed: {}", name, e.getMessage());
        }
    }
}

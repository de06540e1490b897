package io.tvbridge.core.store.mybatis;

import io.tvbridge.core.store.Store;
import io.tvbridge.core.store.StoreSession;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import javax.sql.DataSource;
import org.apache.ibatis.datasource.pooled.PooledDataSource;
import org.apache.ibatis.datasource.unpooled.UnpooledDataSource;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The database behind tvbridge: schema by Flyway, SQL by MyBatis, over a pooled data source. */
public final class MyBatisStore implements Store {
    private static final Logger log = LoggerFactory.getLogger(MyBatisStore.class);

    private final PooledDataSource dataSource;
    private final SqlSessionFactory sessions;
    private final Clock clock;

    private MyBatisStore(PooledDataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.sessions = new SqlSessionFactoryBuilder().build(configuration(dataSource));
    }

    /**
     * Opens (creating if needed) the H2 database in {@code dataDirectory} and migrates its schema.
     *
     * <p>{@code WRITE_DELAY=0} makes every commit reach the file before it returns: H2's
     * default delay of half a second loses commits that were already acknowledged when the
     * process is killed. {@code DB_CLOSE_ON_EXIT=FALSE} leaves closing to tvbridge's own
     * shutdown, which drains in-flight work first.
     */
    public static MyBatisStore openH2(Path dataDirectory, Clock clock) {
        return open("org.h2.Driver", h2Url(dataDirectory), "sa", "", clock);
    }

    /** The JDBC URL of the H2 database in {@code dataDirectory}. */
    public static String h2Url(Path dataDirectory) {
        return "jdbc:h2:file:" + dataDirectory.toAbsolutePath().resolve("tvbridge")
                + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000";
    }

    public static MyBatisStore open(String driver, String url, String user, String password, Clock clock) {
        // Flyway gets plain connections: it uses a connection after closing it, which the pool refuses
        migrate(new UnpooledDataSource(driver, url, user, password));
        PooledDataSource dataSource = new PooledDataSource(driver, url, user, password);
        dataSource.setPoolMaximumActiveConnections(16);
        dataSource.setPoolMaximumIdleConnections(8);
        dataSource.setDefaultAutoCommit(false);
        return new MyBatisStore(dataSource, clock);
    }

    private static void migrate(DataSource dataSource) {
        var result = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        if (result.migrationsExecuted > 0) {
            log.info("database schema migrated to version {}", result.targetSchemaVersion);
        }
    }

    private static Configuration configuration(DataSource dataSource) {
        Configuration configuration = new Configuration(
                new Environment("tvbridge", new JdbcTransactionFactory(), dataSource));
        configuration.setMapUnderscoreToCamelCase(true);
        configuration.setArgNameBasedConstructorAutoMapping(true);
        configuration.getTypeHandlerRegistry().register(Instant.class, UtcInstantTypeHandler.class);
        configuration.addMapper(SignalMapper.class);
        configuration.addMapper(OrderMapper.class);
        configuration.addMapper(FillMapper.class);
        configuration.addMapper(PositionMapper.class);
        configuration.addMapper(AuditMapper.class);
        configuration.addMapper(SettingsMapper.class);
        configuration.addMapper(ReconciliationMapper.class);
        return configuration;
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

    @Override
    public void close() {
        dataSource.forceCloseAll();
    }
}

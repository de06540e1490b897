package io.tvbridge.core.store;

import io.tvbridge.core.store.mybatis.MyBatisStore;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The databases the store's tests run on: H2 in file mode in a temp folder, as the daemon uses it
 * by default, and a fresh database on the test JVM's {@link PostgresServer}.
 */
public enum TestDatabase {
    H2 {
        @Override
        public MyBatisStore open(Path folder, Clock clock) {
            return MyBatisStore.openH2(folder, clock);
        }
    },
    POSTGRESQL {
        @Override
        public MyBatisStore open(Path folder, Clock clock) {
            PostgresServer server = PostgresServer.shared();
            return openPostgres(server, server.createDatabase(migratedTemplate(server)), clock);
        }
    };

    /** A database with the current schema, copied for each test: cheaper than migrating every time. */
    private static String template;

    private static synchronized String migratedTemplate(PostgresServer server) {
        if (template == null) {
            String database = server.createDatabase();
            openPostgres(server, database, Clock.systemUTC()).close();
            template = database;
        }
        return template;
    }

    public static MyBatisStore openPostgres(PostgresServer server, String database, Clock clock) {
        return MyBatisStore.openPostgres(server.jdbcUrl(database), PostgresServer.USER, PostgresServer.PASSWORD,
                server.databaseUrl(database), clock);
    }

    /** A new, empty store with the current schema; {@code folder} is the test's own temp folder. */
    public abstract MyBatisStore open(Path folder, Clock clock);
}

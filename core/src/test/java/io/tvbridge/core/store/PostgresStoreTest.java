package io.tvbridge.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tvbridge.core.store.mybatis.MyBatisStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What only PostgreSQL has to prove: credentials kept out of errors, the H2-only parts refused, ids that go on. */
class PostgresStoreTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-05T14:30:00Z"), ZoneOffset.UTC);
    private static PostgresServer server;

    @TempDir
    Path folder;

    @BeforeAll
    static void server() {
        server = PostgresServer.shared();
    }

    @Test
    void aFailedLoginNamesTheDatabaseButNeverThePassword() {
        String database = server.createDatabase();
        String wrong = "wrong-password-0123";
        assertThatThrownBy(() -> MyBatisStore.openPostgres(server.jdbcUrl(database), PostgresServer.USER, wrong,
                server.databaseUrl(database), CLOCK))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("cannot connect to PostgreSQL at " + server.databaseUrl(database))
                .hasMessageContaining("as " + PostgresServer.USER)
                .hasMessageNotContaining(wrong);
    }

    @Test
    void anUnreachableServerNamesHostAndPort() {
        assertThatThrownBy(() -> MyBatisStore.openPostgres("jdbc:postgresql://127.0.0.1:1/nothing?connectTimeout=2",
                PostgresServer.USER, PostgresServer.PASSWORD, "postgresql://127.0.0.1:1/nothing", CLOCK))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("postgresql://127.0.0.1:1/nothing")
                .hasMessageNotContaining(PostgresServer.PASSWORD);
    }

    @Test
    void theOnlineBackupIsRefusedWithTheReason() {
        try (MyBatisStore store = TestDatabase.POSTGRESQL.open(folder, CLOCK)) {
            assertThat(store.kind()).isEqualTo("postgresql");
            assertThat(store.embedded()).isFalse();
            assertThatThrownBy(() -> store.backupTo(folder.resolve("backup.zip")))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("embedded H2 database only").hasMessageContaining("pg_dump");
            assertThat(folder.resolve("backup.zip")).doesNotExist();
        }
    }

    @Test
    void identityIdsGoOnAfterTheStoreIsOpenedAgain() {
        String database = server.createDatabase();
        try (MyBatisStore store = TestDatabase.openPostgres(server, database, CLOCK)) {
            store.inTransaction(s -> {
                s.audit(new AuditEntry(CLOCK.instant(), "test", "first", ""));
                return null;
            });
        }
        try (MyBatisStore store = TestDatabase.openPostgres(server, database, CLOCK)) {
            store.inTransaction(s -> {
                s.audit(new AuditEntry(CLOCK.instant(), "test", "second", ""));
                return null;
            });
            // newest first by id: the second row's id comes after the first's
            List<AuditEntry> newestFirst = store.inTransaction(s -> s.recentAudit(10));
            assertThat(newestFirst).extracting(AuditEntry::action).containsExactly("second", "first");
        }
    }
}

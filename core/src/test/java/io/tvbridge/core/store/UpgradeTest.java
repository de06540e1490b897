package io.tvbridge.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tvbridge.broker.spi.model.ClientOrderId;
import io.tvbridge.core.model.OrderPhase;
import io.tvbridge.core.store.mybatis.MyBatisStore;
import io.tvbridge.core.store.mybatis.Schema;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A database written by an older tvbridge opens with this one, on H2 and on PostgreSQL; one written by a newer
 * tvbridge is refused.
 */
class UpgradeTest {
    private static final Instant T0 = Instant.parse("2025-03-03T15:00:00Z");
    private static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);

    @TempDir
    Path folder;

    /** Where the old database lives: its JDBC URL and credentials, and how the store opens it. */
    private record Database(String url, String user, String password, Supplier<MyBatisStore> open) {
        static Database of(TestDatabase kind, Path folder) {
            if (kind == TestDatabase.H2) {
                Path data = folder.resolve("v1");
                return new Database(MyBatisStore.h2Url(data), "sa", "", () -> MyBatisStore.openH2(data, CLOCK));
            }
            PostgresServer server = PostgresServer.shared();
            String database = server.createDatabase();
            return new Database(server.jdbcUrl(database), PostgresServer.USER, PostgresServer.PASSWORD,
                    () -> TestDatabase.openPostgres(server, database, CLOCK));
        }

        Flyway flyway(String target) {
            return Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration")
                    .target(target).load();
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.class)
    void aDatabaseOfTheFirstSchemaIsMigratedWithItsRowsIntact(TestDatabase kind) throws SQLException {
        Database old = Database.of(kind, folder);
        old.flyway("1").migrate();
        assertThat(old.flyway("1").info().current().getVersion().getVersion()).isEqualTo("1");
        try (Connection connection = DriverManager.getConnection(old.url(), old.user(), old.password());
             Statement sql = connection.createStatement()) {
            // rows as the first version wrote them: its columns only
            sql.execute("insert into signals (id, received_at, alert_id, body_hash, source_address, content_type,"
                    + " payload, action, symbol, exchange, quantity, order_type, price, strategy, alert_time, comment,"
                    + " decision, decided_at, duplicates) values (7, timestamp with time zone '2025-03-03 14:00:00Z',"
                    + " 'old-1', 'h7', '10.0.0.1', 'text/plain', '{\"secret\":\"***\"}', 'BUY', 'AAPL', 'NASDAQ',"
                    + " 3, 'MARKET', 190.5, 'ema', timestamp with time zone '2025-03-03 13:59:59Z', 'from v1',"
                    + " 'ACCEPTED', timestamp with time zone '2025-03-03 14:00:00Z', 2)");
            sql.execute("insert into orders (id, client_order_id, signal_id, broker, account, symbol, exchange,"
                    + " asset_class, side, quantity, order_type, reference_price, time_in_force, outside_rth,"
                    + " multiplier, status, broker_order_id, filled_quantity, average_fill_price, created_at,"
                    + " submitted_at, updated_at) values (4, 'tvb-old-7-1', 7, 'paper', '', 'AAPL', 'NASDAQ', 'STOCK',"
                    + " 'BUY', 3, 'MARKET', 190.5, 'DAY', false, 1, 'FILLED', 'P-1', 3, 190.4,"
                    + " timestamp with time zone '2025-03-03 14:00:00Z', timestamp with time zone '2025-03-03 14:00:01Z',"
                    + " timestamp with time zone '2025-03-03 14:00:02Z')");
            sql.execute("insert into fills (broker, execution_id, client_order_id, symbol, side, quantity, price,"
                    + " commission, commission_currency, filled_at, recorded_at) values ('paper', 'E-1', 'tvb-old-7-1',"
                    + " 'AAPL', 'BUY', 3, 190.4, 1.25, 'USD', timestamp with time zone '2025-03-03 14:00:02Z',"
                    + " timestamp with time zone '2025-03-03 14:00:02Z')");
            sql.execute("insert into positions (broker, account, symbol, quantity, average_cost, realized_pnl,"
                    + " commissions, updated_at) values ('paper', '', 'AAPL', 3, 190.4, 0, 1.25,"
                    + " timestamp with time zone '2025-03-03 14:00:02Z')");
            sql.execute("insert into system_properties (name, property_value) values ('installation.id', 'oldinst')");
            sql.execute("insert into settings (name, setting_value, updated_at, updated_by) values"
                    + " ('max_daily_trades', '7', timestamp with time zone '2025-03-03 12:00:00Z', 'env')");
            sql.execute("insert into audit_log (at, actor, action, details) values"
                    + " (timestamp with time zone '2025-03-03 12:00:00Z', 'env', 'setting.changed', 'max_daily_trades')");
        }

        try (MyBatisStore store = old.open().get()) {
            assertThat(old.flyway("latest").info().pending()).as("every migration applied").isEmpty();
            store.inTransaction(session -> {
                StoredSignal signal = session.findSignal(7).orElseThrow();
                assertThat(signal.alert().alertId()).contains("old-1");
                assertThat(signal.alert().symbol()).contains("AAPL");
                assertThat(signal.alert().quantity()).contains(new BigDecimal("3"));
                assertThat(signal.alert().comment()).contains("from v1");
                assertThat(signal.receivedAt()).isEqualTo(Instant.parse("2025-03-03T14:00:00Z"));
                assertThat(signal.duplicates()).isEqualTo(2);
                assertThat(signal.dryRun()).isFalse();
                assertThat(signal.alert().targetPosition()).isEmpty();

                StoredOrder order = session.findOrder(ClientOrderId.of("tvb-old-7-1")).orElseThrow();
                assertThat(order.signalId()).isEqualTo(7);
                assertThat(order.phase()).isEqualTo(OrderPhase.FILLED);
                assertThat(order.averageFillPrice()).contains(new BigDecimal("190.4"));
                assertThat(order.parent()).isEmpty();
                assertThat(order.opens()).isFalse();

                assertThat(session.fillsOfOrder(order.clientOrderId())).singleElement()
                        .satisfies(fill -> assertThat(fill.commission()).isEqualByComparingTo("1.25"));
                assertThat(session.positions("paper")).singleElement()
                        .satisfies(p -> assertThat(p.quantity()).isEqualByComparingTo("3"));
                assertThat(session.property("installation.id")).contains("oldinst");
                assertThat(session.settings()).containsEntry("max_daily_trades", "7");
                assertThat(session.recentAudit(10)).extracting(AuditEntry::action).containsExactly("setting.changed");
                assertThat(session.maxSignalId()).isEqualTo(7);
                return null;
            });
            // and the new columns work on the old rows
            StoreRows.insertTrade(store, 8, "E-2", T0);
            List<StoredFill> fills = store.inTransaction(s -> s.fillsBetween(TimeRange.ALL));
            assertThat(fills).extracting(f -> f.fill().executionId()).containsExactly("E-1", "E-2");
        }
    }

    @Test
    void aDatabaseWrittenByANewerTvbridgeIsRefusedAndLeftAsItWas() throws Exception {
        Path current = folder.resolve("current");
        try (MyBatisStore store = MyBatisStore.openH2(current, CLOCK)) {
            StoreRows.insertTrade(store, 1, "E-1", T0);
        }
        int known = Schema.read(current).known();
        Path copy = Files.createDirectories(folder.resolve("copy"));
        Files.copy(current.resolve("tvbridge.mv.db"), copy.resolve("tvbridge.mv.db"));
        int future = StoreRows.addFutureMigration(copy);
        long rowsBefore = historyRows(copy);

        assertThatThrownBy(() -> MyBatisStore.openH2(copy, CLOCK))
                .isInstanceOf(StoreException.class)
                .hasMessage("this data directory was written by a newer tvbridge (schema " + future
                        + ", this build knows up to " + known + "); upgrade tvbridge or restore a backup");

        assertThat(Schema.read(copy).applied()).isEqualTo(future);
        assertThat(historyRows(copy)).as("nothing migrated").isEqualTo(rowsBefore);
        try (MyBatisStore store = MyBatisStore.openH2(current, CLOCK)) {
            Optional<StoredSignal> stillThere = store.inTransaction(s -> s.findSignal(1));
            assertThat(stillThere).isPresent();
        }
    }

    private static long historyRows(Path data) throws SQLException {
        try (Connection connection = DriverManager.getConnection(MyBatisStore.h2Url(data), "sa", "");
             Statement sql = connection.createStatement();
             ResultSet rs = sql.executeQuery("select count(*) from \"flyway_schema_history\"")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}

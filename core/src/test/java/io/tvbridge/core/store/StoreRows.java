package io.tvbridge.core.store;

import io.tvbridge.broker.spi.model.ClientOrderId;
import io.tvbridge.broker.spi.model.Fill;
import io.tvbridge.broker.spi.model.InstrumentRef;
import io.tvbridge.broker.spi.model.OrderType;
import io.tvbridge.broker.spi.model.Side;
import io.tvbridge.broker.spi.model.TimeInForce;
import io.tvbridge.broker.spi.model.TrailingStop;
import io.tvbridge.core.alert.Alert;
import io.tvbridge.core.alert.AlertAction;
import io.tvbridge.core.alert.AlertDialect;
import io.tvbridge.core.alert.AlertExits;
import io.tvbridge.core.alert.AlertPrices;
import io.tvbridge.core.alert.AlertSize;
import io.tvbridge.core.alert.AlertTags;
import io.tvbridge.core.model.Decision;
import io.tvbridge.core.model.OrderPrices;
import io.tvbridge.core.model.PlannedOrder;
import io.tvbridge.core.store.mybatis.MyBatisStore;
import io.tvbridge.core.store.mybatis.Schema;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Optional;

/** Rows for store tests: a limit buy of 2.5 NASDAQ:AAPL from strategy "ema", its order and a fill. */
public final class StoreRows {
    private StoreRows() {
    }

    public static Alert alert(String alertId, Instant at) {
        return new Alert(AlertAction.BUY, Optional.of(InstrumentRef.parse("NASDAQ:AAPL")),
                AlertSize.units(Optional.of(new BigDecimal("2.5"))), new AlertPrices(OrderType.LIMIT,
                        Optional.of(new BigDecimal("190.25")), Optional.of(new BigDecimal("190")), Optional.empty(),
                        Optional.empty()),
                AlertExits.atPrices(Optional.of(new BigDecimal("180")), Optional.empty()),
                new AlertTags(Optional.of("ema"), Optional.ofNullable(alertId), Optional.of(at), Optional.of("hi"),
                        Optional.empty(), Optional.empty(), AlertDialect.TVBRIDGE), false);
    }

    public static StoredSignal signal(long id, String alertId, String hash, Instant at) {
        return new StoredSignal(id, at, hash, Optional.of("127.0.0.1"), Optional.of("application/json"), "{}",
                alert(alertId, at), Decision.ACCEPTED, Optional.empty(), at, 0, false);
    }

    /** A signal a standby stored for the trading instance: undecided. */
    public static StoredSignal storedSignal(long id, String alertId, String hash, Instant at) {
        return new StoredSignal(id, at, hash, Optional.of("127.0.0.1"), Optional.of("application/json"), "{}",
                alert(alertId, at), Decision.STORED, Optional.of("stored by instance b"), at, 0, false);
    }

    public static ClientOrderId orderId(long signalId) {
        return ClientOrderId.of("tvb-test-" + signalId + "-1");
    }

    public static StoredOrder order(long id, long signalId, Instant at) {
        return StoredOrder.decided(OrderRef.of(id, orderId(signalId), signalId, "paper", ""), plan(Optional.empty()),
                false, false, at);
    }

    /** An entry with a take-profit at 200 and a stop-loss at 180, which the broker places with it. */
    public static StoredOrder bracketEntry(long id, long signalId, Instant at) {
        return StoredOrder.decided(OrderRef.of(id, orderId(signalId), signalId, "paper", ""),
                plan(Optional.of(new BigDecimal("200"))), false, false, at);
    }

    /** A limit buy of 2.5 AAPL at 190 with a stop-loss at 180, and {@code takeProfit}. */
    private static PlannedOrder plan(Optional<BigDecimal> takeProfit) {
        return new PlannedOrder(InstrumentRef.parse("NASDAQ:AAPL"), Side.BUY, new BigDecimal("2.5"),
                OrderPrices.limit(new BigDecimal("190")), takeProfit, Optional.of(new BigDecimal("180")),
                Optional.of(new BigDecimal("190.25")), TimeInForce.GTC, true);
    }

    /** A close of NASDAQ:SPY by a trailing stop {@code trail} away, as alerted at a price of 500. */
    public static StoredSignal trailingSignal(long id, TrailingStop trail, Instant at) {
        Alert alert = new Alert(AlertAction.CLOSE, Optional.of(InstrumentRef.parse("NASDAQ:SPY")),
                AlertSize.units(Optional.empty()), AlertPrices.trailingStop(Optional.of(new BigDecimal("500")), trail),
                AlertExits.NONE, new AlertTags(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), AlertDialect.TRADERSPOST), false);
        return new StoredSignal(id, at, "hash-" + id, Optional.empty(), Optional.empty(), "{}", alert,
                Decision.ACCEPTED, Optional.empty(), at, 0, false);
    }

    /** The sell of 10 SPY that {@link #trailingSignal} plans: a trailing stop, good till cancelled. */
    public static StoredOrder trailingOrder(long id, long signalId, TrailingStop trail, Instant at) {
        PlannedOrder plan = new PlannedOrder(InstrumentRef.parse("NASDAQ:SPY"), Side.SELL, BigDecimal.TEN,
                new OrderPrices(OrderType.TRAILING_STOP, Optional.empty(), Optional.empty(), Optional.of(trail)),
                Optional.empty(), Optional.empty(), Optional.of(new BigDecimal("500")), TimeInForce.GTC, false);
        return StoredOrder.decided(OrderRef.of(id, orderId(signalId), signalId, "paper", ""), plan, false, false, at);
    }

    public static Fill fill(long signalId, String executionId, Instant at) {
        return new Fill(orderId(signalId), executionId, "AAPL", Side.BUY, new BigDecimal("2.5"),
                new BigDecimal("190"), new BigDecimal("0.35"), "USD", at);
    }

    /** A signal, its order and (when {@code executionId} is given) a fill of it, in one transaction. */
    public static void insertTrade(Store store, long signalId, String executionId, Instant at) {
        store.inTransaction(session -> {
            session.insertSignal(signal(signalId, "a-" + signalId, "hash-" + signalId, at));
            session.insertOrder(order(signalId, signalId, at));
            if (executionId != null) {
                session.insertFill("paper", fill(signalId, executionId, at), BigDecimal.ZERO, at);
            }
            return null;
        });
    }

    /**
     * Makes the database in {@code dataDirectory} look written by a newer tvbridge: one migration
     * past this build's newest in Flyway's history, and a column this build does not know.
     *
     * @return the schema version it now has
     */
    public static int addFutureMigration(Path dataDirectory) throws SQLException {
        int future = Schema.read(dataDirectory).known() + 1;
        try (Connection connection = DriverManager.getConnection(MyBatisStore.h2Url(dataDirectory), "sa", "");
             Statement sql = connection.createStatement()) {
            sql.execute("insert into \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\","
                    + " \"type\", \"script\", \"checksum\", \"installed_by\", \"execution_time\", \"success\")"
                    + " values (" + future + ", '" + future + "', 'from a newer tvbridge', 'SQL', 'V" + future
                    + "__from_a_newer_tvbridge.sql', 0, 'sa', 1, true)");
            sql.execute("alter table signals add column from_the_future varchar(10)");
        }
        return future;
    }
}

package io.tvbridge.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.tvbridge.broker.spi.model.ClientOrderId;
import io.tvbridge.broker.spi.model.Fill;
import io.tvbridge.broker.spi.model.Holding;
import io.tvbridge.core.order.OrderPhase;
import io.tvbridge.core.store.mybatis.MyBatisStore;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The MyBatis mappers against a real H2 file database: every row comes back as it went in. */
class MyBatisStoreTest {
    private static final Instant T0 = Instant.parse("2026-01-05T14:30:00.123Z");

    @TempDir
    Path folder;
    private MyBatisStore store;

    @BeforeEach
    void open() {
        store = MyBatisStore.openH2(folder, Clock.fixed(T0, ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static StoredSignal signal(long id, String alertId, String hash, Instant at) {
        return StoreRows.signal(id, alertId, hash, at);
    }

    private static StoredOrder order(long id, long signalId) {
        return StoreRows.order(id, signalId, T0);
    }

    @Test
    void signalsAndOrdersRoundTrip() {
        store.inTransaction(s -> {
            s.insertSignal(signal(1, "a-1", "hash-1", T0));
            s.insertOrder(order(1, 1));
            return null;
        });
        store.inTransaction(s -> {
            StoredSignal read = s.findSignal(1).orElseThrow();
            assertThat(read).isEqualTo(signal(1, "a-1", "hash-1", T0));
            assertThat(s.findSignalByAlertId("a-1")).contains(read);
            assertThat(s.findSignalByBodyHash("hash-1", T0.minusSeconds(1))).contains(read);
            assertThat(s.findSignalByBodyHash("hash-1", T0.plusSeconds(1))).isEmpty();
            assertThat(s.ordersOfSignal(1)).containsExactly(order(1, 1));
            assertThat(s.maxSignalId()).isEqualTo(1);
            assertThat(s.maxOrderId()).isEqualTo(1);
            return null;
        });
    }

    @Test
    void orderChangesMoveTheRowAndAreKeptAsEvents() {
        ClientOrderId id = ClientOrderId.of("tvb-test-1-1");
        store.inTransaction(s -> {
            s.insertSignal(signal(1, null, "h", T0));
            s.insertOrder(order(1, 1));
            s.markSubmitted(id, new BigDecimal("50"), T0.plusSeconds(1));
            s.updateOrder(new OrderChange(id, OrderPhase.PARTIALLY_FILLED, new BigDecimal("1"),
                    Optional.of(new BigDecimal("189.5")), Optional.of("B-7"), Optional.empty(), T0.plusSeconds(2)));
            return null;
        });
        StoredOrder read = store.inTransaction(s -> s.findOrder(id).orElseThrow());
        assertThat(read.phase()).isEqualTo(OrderPhase.PARTIALLY_FILLED);
        assertThat(read.multiplier()).isEqualByComparingTo("50");
        assertThat(read.brokerOrderId()).contains("B-7");
        assertThat(read.averageFillPrice()).contains(new BigDecimal("189.5"));
        assertThat(read.submittedAt()).contains(T0.plusSeconds(1));
        List<StoredOrder> partial = store.inTransaction(s -> s.ordersInPhases(EnumSet.of(OrderPhase.PARTIALLY_FILLED)));
        assertThat(partial).hasSize(1);
    }

    @Test
    void aFillIsStoredOncePerExecutionId() {
        Fill fill = StoreRows.fill(1, "X1", T0);
        store.inTransaction(s -> {
            s.insertFill("paper", fill, new BigDecimal("12.5"), T0);
            return null;
        });
        boolean again = store.inTransaction(s -> s.isNewFill("paper", fill));
        boolean otherBroker = store.inTransaction(s -> s.isNewFill("ibkr", fill));
        assertThat(again).isFalse();
        assertThat(otherBroker).isTrue();
        store.inTransaction(s -> {
            s.insertFill("ibkr", fill, BigDecimal.ZERO, T0);
            return null;
        });
        BigDecimal realized = store.inTransaction(s -> s.realizedSince(T0.minusSeconds(1)));
        assertThat(realized).isEqualByComparingTo("12.5");
        List<Fill> fills = store.inTransaction(s -> s.fillsOfOrder(fill.clientOrderId()));
        assertThat(fills).contains(fill);
        BigDecimal filled = store.inTransaction(s -> s.filledQuantity(fill.clientOrderId()));
        assertThat(filled).isEqualByComparingTo("5");
    }

    @Test
    void positionsAndPropertiesAreUpserted() {
        ExpectedPosition position = new ExpectedPosition("paper", "", "AAPL",
                new Holding(new BigDecimal("3"), new BigDecimal("101.5"), new BigDecimal("-4")), BigDecimal.ONE,
                new BigDecimal("1"), T0);
        store.inTransaction(s -> {
            s.savePosition(position);
            s.savePosition(new ExpectedPosition("paper", "", "AAPL", Holding.FLAT, BigDecimal.ONE, BigDecimal.TEN, T0));
            s.putProperty("k", "v1");
            s.putProperty("k", "v2");
            return null;
        });
        List<ExpectedPosition> positions = store.inTransaction(s -> s.positions("paper"));
        assertThat(positions).singleElement()
                .satisfies(p -> {
                    assertThat(p.quantity()).isEqualByComparingTo("0");
                    assertThat(p.commissions()).isEqualByComparingTo("10");
                });
        Optional<String> property = store.inTransaction(s -> s.property("k"));
        assertThat(property).contains("v2");
        assertThat(store.healthy()).isTrue();
    }
}

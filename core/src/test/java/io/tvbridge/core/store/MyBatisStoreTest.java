package io.tvbridge.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tvbridge.broker.spi.model.AssetClass;
import io.tvbridge.broker.spi.model.ClientOrderId;
import io.tvbridge.broker.spi.model.Fill;
import io.tvbridge.broker.spi.model.Holding;
import io.tvbridge.broker.spi.model.InstrumentRef;
import io.tvbridge.broker.spi.model.Side;
import io.tvbridge.core.alert.Alert;
import io.tvbridge.core.alert.AlertDialect;
import io.tvbridge.core.alert.AlertTags;
import io.tvbridge.core.alert.CancelScope;
import io.tvbridge.core.model.Decision;
import io.tvbridge.broker.spi.model.TrailingStop;
import io.tvbridge.core.model.OrderPhase;
import io.tvbridge.core.model.PositionDifference;
import io.tvbridge.core.model.Reconciliation;
import io.tvbridge.core.store.mybatis.MyBatisStore;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The MyBatis mappers against real databases, H2 in a file and PostgreSQL: every row comes back as it went in. */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.class)
class MyBatisStoreTest {
    private static final Instant T0 = Instant.parse("2026-01-05T14:30:00.123Z");

    @Parameter
    TestDatabase database;
    @TempDir
    Path folder;
    private MyBatisStore store;

    @BeforeEach
    void open() {
        store = database.open(folder, Clock.fixed(T0, ZoneOffset.UTC));
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
            assertThat(s.signalKeys(T0.minusSeconds(1))).containsExactly(new SignalKey(1, Optional.of("a-1"), "hash-1",
                    T0));
            assertThat(s.ordersOfSignal(1)).containsExactly(order(1, 1));
            assertThat(s.maxSignalId()).isEqualTo(1);
            assertThat(s.maxOrderId()).isEqualTo(1);
            return null;
        });
    }

    @Test
    void signalIdsComeFromTheSequenceAfterTheSignalsAlreadyStoredAndNeverTwice() {
        List<Long> first = store.inTransaction(s -> s.nextSignalIds(3));
        List<Long> second = store.inTransaction(s -> s.nextSignalIds(2));
        assertThat(first).hasSize(3).isSorted().doesNotHaveDuplicates();
        assertThat(second).hasSize(2).isSorted().allMatch(id -> id > first.get(2));
        // an id taken in a transaction rolled back is not handed out again
        assertThatThrownBy(() -> store.inTransaction(s -> {
            s.nextSignalIds(1);
            throw new IllegalStateException("rolled back");
        })).hasMessage("rolled back");
        assertThat(store.inTransaction(s -> s.nextSignalIds(1)).get(0)).isGreaterThan(second.get(1) + 1);
    }

    @Test
    void aSignalStoredForTheTradingInstanceWaitsInTheInboxUntilItIsDecidedOnce() {
        StoredSignal stored = StoreRows.storedSignal(7, "s-7", "hash-7", T0);
        store.inTransaction(s -> {
            s.insertSignal(signal(6, "s-6", "hash-6", T0.minusSeconds(5)));
            s.insertSignal(stored);
            s.addToInbox(7, T0, "b");
            return null;
        });
        store.inTransaction(s -> {
            assertThat(s.inbox(10)).containsExactly(7L);
            assertThat(s.signalsAmong(Set.of(7L, 99L))).containsExactly(stored);
            assertThat(s.inboxState()).isEqualTo(new Inbox(1, Optional.of(T0)));
            assertThat(s.decidedAmong(Set.of(6L, 7L))).extracting(StoredSignal::id).containsExactly(6L);
            // the engine's memory of resends holds decided signals only
            assertThat(s.signalKeys(T0.minusSeconds(60))).extracting(SignalKey::signalId).containsExactly(6L);
            assertThat(s.findSignalByAlertId("s-7")).contains(stored);
            assertThat(s.signalWithBody("hash-7", T0)).contains(7L);
            assertThat(s.signalWithBody("hash-7", T0.plusMillis(1))).isEmpty();
            return null;
        });
        boolean decided = store.inTransaction(s -> s.decideStored(7, Decision.ACCEPTED, Optional.empty(),
                T0.plusSeconds(1), true));
        boolean again = store.inTransaction(s -> s.decideStored(7, Decision.REJECTED, Optional.of("again"),
                T0.plusSeconds(2), false));
        assertThat(decided).isTrue();
        assertThat(again).as("decided once").isFalse();
        store.inTransaction(s -> {
            StoredSignal read = s.findSignal(7).orElseThrow();
            assertThat(read.decision()).isEqualTo(Decision.ACCEPTED);
            assertThat(read.decidedAt()).isEqualTo(T0.plusSeconds(1));
            assertThat(read.dryRun()).isTrue();
            assertThat(s.inbox(10)).isEmpty();
            assertThat(s.inboxState()).isEqualTo(Inbox.EMPTY);
            assertThat(s.decidedAmong(Set.of(6L, 7L))).extracting(StoredSignal::id).containsExactlyInAnyOrder(6L, 7L);
            return null;
        });
    }

    @Test
    void aCancelSignalKeepsWhichOrdersItCancels() {
        Alert cancel = Alert.cancel(InstrumentRef.parse("SPY"), CancelScope.STOP, Optional.of(new BigDecimal("71")),
                new AlertTags(Optional.empty(), Optional.of("c-1"), Optional.of(T0), Optional.empty(), Optional.empty(),
                        Optional.empty(), AlertDialect.TRADERSPOST));
        StoredSignal stored = new StoredSignal(1, T0, "hash-c", Optional.empty(), Optional.of("application/json"), "{}",
                cancel, Decision.ACCEPTED, Optional.of("there are no working stop orders of SPY to cancel"), T0, 0, false);
        store.inTransaction(s -> {
            s.insertSignal(stored);
            return null;
        });
        assertThat(store.inTransaction(s -> s.findSignal(1)).orElseThrow()).isEqualTo(stored);
    }

    @Test
    void aTrailingStopKeepsItsTrailInTheSignalAndTheOrderForAResend() {
        TrailingStop amount = TrailingStop.amount(new BigDecimal("1.25"));
        TrailingStop percent = TrailingStop.percent(new BigDecimal("0.5"));
        store.inTransaction(s -> {
            s.insertSignal(StoreRows.trailingSignal(1, amount, T0));
            s.insertOrder(StoreRows.trailingOrder(1, 1, amount, T0));
            s.insertSignal(StoreRows.trailingSignal(2, percent, T0));
            s.insertOrder(StoreRows.trailingOrder(2, 2, percent, T0));
            return null;
        });
        store.inTransaction(s -> {
            assertThat(s.findSignal(1).orElseThrow()).isEqualTo(StoreRows.trailingSignal(1, amount, T0));
            assertThat(s.findSignal(2).orElseThrow().alert().trail()).contains(percent);
            // what a start after kill -9 reads to send again the orders it does not know the outcome of
            assertThat(s.ordersInPhases(EnumSet.of(OrderPhase.NEW))).containsExactly(
                    StoreRows.trailingOrder(1, 1, amount, T0), StoreRows.trailingOrder(2, 2, percent, T0));
            return null;
        });
    }

    @Test
    void anOrdersProgressIsWrittenWholeAndItsEventsKeptAndNoOtherOrderMoves() {
        ClientOrderId id = ClientOrderId.of("tvb-test-1-1");
        StoredOrder order = order(1, 1);
        StoredOrder other = order(2, 2);
        OrderChange partFill = new OrderChange(id, OrderPhase.PARTIALLY_FILLED, new BigDecimal("1"),
                Optional.of(new BigDecimal("189.5")), Optional.of("B-7"), Optional.empty(), T0.plusSeconds(2));
        StoredOrder progressed = order.submitted(new BigDecimal("50"), T0.plusSeconds(1)).changed(partFill);
        store.inTransaction(s -> {
            s.insertSignal(signal(1, null, "h", T0));
            s.insertSignal(signal(2, null, "h2", T0));
            s.insertOrder(order);
            s.insertOrder(other);
            s.recordOrderEvent(partFill);
            s.saveProgress(id, progressed.progress());
            return null;
        });
        StoredOrder read = store.inTransaction(s -> s.findOrder(id).orElseThrow());
        assertThat(read.progress()).isEqualTo(progressed.progress());
        assertThat(read.multiplier()).isEqualByComparingTo("50");
        assertThat(read.brokerOrderId()).contains("B-7");
        assertThat(read.submittedAt()).contains(T0.plusSeconds(1));
        OrderPhase untouched = store.inTransaction(s -> s.findOrder(other.clientOrderId()).orElseThrow().phase());
        assertThat(untouched).isEqualTo(OrderPhase.NEW);
        List<StoredOrder> partial = store.inTransaction(s -> s.ordersInPhases(EnumSet.of(OrderPhase.PARTIALLY_FILLED)));
        assertThat(partial).extracting(StoredOrder::clientOrderId).containsExactly(id);
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
            s.savePosition(position, false);
            s.savePosition(new ExpectedPosition("paper", "", "AAPL", Holding.FLAT, BigDecimal.ONE, BigDecimal.TEN, T0),
                    true);
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

    private static ListQuery query(String symbol, String strategy, String status, Instant from, Instant to, int limit,
                                   int offset) {
        return new ListQuery(Optional.ofNullable(symbol), Optional.ofNullable(strategy), Optional.ofNullable(status),
                Optional.ofNullable(from), Optional.ofNullable(to), limit, offset);
    }

    @Test
    void listsAreFilteredAndPagedNewestFirst() {
        store.inTransaction(s -> {
            for (int i = 1; i <= 5; i++) {
                s.insertSignal(signal(i, "p-" + i, "h" + i, T0.plusSeconds(i)));
                s.insertOrder(order(i, i));
                s.insertFill("paper", new Fill(ClientOrderId.of("tvb-test-" + i + "-1"), "X" + i, "AAPL", Side.BUY,
                        BigDecimal.ONE, new BigDecimal("190"), BigDecimal.ZERO, "USD", T0.plusSeconds(i)),
                        BigDecimal.valueOf(i - 3), T0);
            }
            s.saveProgress(ClientOrderId.of("tvb-test-2-1"), order(2, 2).changed(new OrderChange(
                    ClientOrderId.of("tvb-test-2-1"), OrderPhase.REJECTED, BigDecimal.ZERO, Optional.empty(),
                    Optional.empty(), Optional.of("no"), T0)).progress());
            return null;
        });
        Page<StoredSignal> signals = store.inTransaction(s -> s.signals(query("AAPL", "EMA", "accepted", null, null, 2,
                1)));
        assertThat(signals.total()).isEqualTo(5);
        assertThat(signals.items()).extracting(StoredSignal::id).containsExactly(4L, 3L);
        Page<StoredSignal> none = store.inTransaction(s -> s.signals(query("MSFT", null, null, null, null, 10, 0)));
        assertThat(none.total()).isZero();

        Page<StoredOrder> rejected = store.inTransaction(s -> s.orders(query(null, "ema", "rejected", null, null, 10,
                0)));
        assertThat(rejected.items()).extracting(StoredOrder::id).containsExactly(2L);
        Page<StoredOrder> inRange = store.inTransaction(s -> s.orders(query(null, null, null, T0, T0.plusSeconds(1), 10,
                0)));
        assertThat(inRange.total()).isEqualTo(5);   // orders are all created at T0

        Page<StoredFill> trades = store.inTransaction(s -> s.fills(query("AAPL", "ema", null, T0.plusSeconds(2),
                T0.plusSeconds(4), 10, 0)));
        assertThat(trades.items()).extracting(f -> f.fill().executionId()).containsExactly("X3", "X2");
        assertThat(trades.items().get(0).strategy()).contains("ema");
        assertThat(trades.items().get(1).realizedPnl()).isEqualByComparingTo("-1");
        List<StoredFill> between = store.inTransaction(s -> s.fillsBetween(new TimeRange(Optional.of(T0), Optional.of(T0.plusSeconds(10)))));
        assertThat(between).hasSize(5);
    }

    @Test
    void theAuditTrailIsReadByActorActionFamilyAndTime() {
        store.inTransaction(s -> {
            s.audit(new AuditEntry(T0, "alice", "trading.kill", "broker looks wrong"));
            s.audit(new AuditEntry(T0.plusSeconds(1), "alice", "settings.changed", "max_daily_trades: 0 -> 5"));
            s.audit(new AuditEntry(T0.plusSeconds(2), "bob", "trading.resume", "checked"));
            return null;
        });
        Page<AuditRecord> trading = store.inTransaction(s -> s.auditLog(new AuditQuery(Optional.empty(),
                Optional.of("trading"), Optional.empty(), Optional.empty(), 10, 0)));
        assertThat(trading.items()).extracting(r -> r.entry().action()).containsExactly("trading.resume", "trading.kill");
        assertThat(trading.items().get(0).id()).isGreaterThan(trading.items().get(1).id());
        Page<AuditRecord> alice = store.inTransaction(s -> s.auditLog(new AuditQuery(Optional.of("alice"),
                Optional.of("settings.changed"), Optional.of(T0), Optional.of(T0.plusSeconds(2)), 10, 0)));
        assertThat(alice.items()).singleElement().satisfies(r -> assertThat(r.entry().details())
                .isEqualTo("max_daily_trades: 0 -> 5"));
    }

    @Test
    void reconciliationsKeepTheirDifferencesAndResolution() {
        Reconciliation mismatch = store.inTransaction(s -> s.insertReconciliation(new Reconciliation(0, T0, "paper",
                "scheduler", Reconciliation.Outcome.MISMATCH, 2, List.of(new PositionDifference("AAPL",
                new BigDecimal("10"), new BigDecimal("12.5"))), "AAPL: expected 10, broker 12.5", Optional.empty(),
                Optional.empty())));
        Reconciliation matched = store.inTransaction(s -> s.insertReconciliation(new Reconciliation(0,
                T0.plusSeconds(60), "paper", "alice", Reconciliation.Outcome.MATCHED, 2, List.of(), "2 positions match",
                Optional.empty(), Optional.empty())));
        assertThat(mismatch.id()).isEqualTo(1);
        assertThat(matched.id()).isEqualTo(2);
        assertThat(mismatch.differences()).containsExactly(new PositionDifference("AAPL", new BigDecimal("10"),
                new BigDecimal("12.5")));

        boolean first = store.inTransaction(s -> s.resolveReconciliation(1, T0.plusSeconds(90), "alice"));
        boolean second = store.inTransaction(s -> s.resolveReconciliation(1, T0.plusSeconds(95), "bob"));
        assertThat(first).isTrue();
        assertThat(second).isFalse();
        Page<Reconciliation> mismatches = store.inTransaction(s -> s.reconciliations(query(null, null, "mismatch",
                null, null, 10, 0)));
        assertThat(mismatches.items()).singleElement().satisfies(r -> {
            assertThat(r.resolvedBy()).contains("alice");
            assertThat(r.resolvedAt()).contains(T0.plusSeconds(90));
            assertThat(r.differences()).hasSize(1);
        });
        assertThat(store.inTransaction(s -> s.reconciliations(ListQuery.latest(1))).items())
                .extracting(Reconciliation::id).containsExactly(2L);
    }
    @Test
    void theDaysCountersComeFromTheStoredRows() {
        StoreRows.insertTrade(store, 1, "E-1", T0);
        StoreRows.insertTrade(store, 2, null, T0.plusSeconds(60));
        store.inTransaction(s -> {
            Fill sale = new Fill(StoreRows.orderId(2), "E-2", "AAPL", Side.SELL, new BigDecimal("1"),
                    new BigDecimal("195.5"), new BigDecimal("0.15"), "USD", T0.plusSeconds(61));
            s.insertFill("paper", sale, new BigDecimal("5.5"), T0.plusSeconds(61));
            return null;
        });
        store.inTransaction(s -> {
            assertThat(s.ordersSince(T0)).isEqualTo(2);
            assertThat(s.ordersSince(T0.plusSeconds(1))).isEqualTo(1);
            assertThat(s.entriesSince(T0)).containsExactly(Map.entry("AAPL", 2L));
            assertThat(s.realizedSince(T0)).isEqualByComparingTo("5.5");
            assertThat(s.commissionsSince(T0)).isEqualByComparingTo("0.50");
            assertThat(s.commissionsSince(T0.plusSeconds(61))).isEqualByComparingTo("0.15");
            assertThat(s.lastFillPrices()).containsOnlyKeys("AAPL");
            assertThat(s.lastFillPrices().get("AAPL")).isEqualByComparingTo("195.5");
            return null;
        });
    }

    @Test
    void aQueuedSignalWaitsUntilItIsReleasedOnce() {
        store.inTransaction(s -> {
            s.insertSignal(signal(1, "q-1", "hash-1", T0));
            s.insertPending(PendingSignal.waiting(1, "AAPL", AssetClass.STOCK, true, T0, T0.plusSeconds(3600)));
            return null;
        });
        store.inTransaction(s -> {
            assertThat(s.pendingSignals(PendingSignal.State.WAITING)).singleElement()
                    .satisfies(p -> assertThat(p.outsideRegularHours()).isTrue());
            assertThat(s.endPending(1, PendingSignal.State.RELEASED, T0.plusSeconds(3600), "open", "decided"))
                    .isTrue();
            assertThat(s.endPending(1, PendingSignal.State.CLEARED, T0.plusSeconds(3601), "alice", "late")).isFalse();
            s.updateDecision(1, Decision.REJECTED, Optional.of("too late"), T0.plusSeconds(3600));
            return null;
        });
        store.inTransaction(s -> {
            assertThat(s.pendingSignals(PendingSignal.State.WAITING)).isEmpty();
            assertThat(s.recentPending(10)).singleElement().satisfies(p -> {
                assertThat(p.state()).isEqualTo(PendingSignal.State.RELEASED);
                assertThat(p.endedAt()).contains(T0.plusSeconds(3600));
                assertThat(p.endedBy()).contains("open");
            });
            StoredSignal decided = s.findSignal(1).orElseThrow();
            assertThat(decided.decision()).isEqualTo(Decision.REJECTED);
            assertThat(decided.reason()).contains("too late");
            return null;
        });
    }

    @Test
    void settingsDuplicatesAndTheNewestRows() {
        store.inTransaction(s -> {
            s.insertSignal(signal(1, "n-1", "hash-1", T0));
            s.insertSignal(signal(2, "n-2", "hash-2", T0.plusSeconds(1)));
            s.recordDuplicate(1, T0.plusSeconds(2));
            s.putSetting("max_daily_trades", "5", T0, "env");
            s.putSetting("max_daily_trades", "7", T0.plusSeconds(3), "alice");
            s.putSetting("dry_run", "true", T0, "env");
            s.audit(new AuditEntry(T0, "alice", "settings.changed", "max_daily_trades"));
            return null;
        });
        store.inTransaction(s -> {
            assertThat(s.findSignal(1).orElseThrow().duplicates()).isEqualTo(1);
            assertThat(s.recentSignals(1)).extracting(StoredSignal::id).containsExactly(2L);
            assertThat(s.settings()).containsExactly(Map.entry("dry_run", "true"),
                    Map.entry("max_daily_trades", "7"));
            assertThat(s.recentAudit(5)).extracting(AuditEntry::actor).containsExactly("alice");
            return null;
        });
    }

    @Test
    void aBrokersJournalKeepsItsLinesInOrderApartFromEveryOtherJournal() {
        String longLine = "event=ended\treason=" + "é".repeat(20_000);
        long last = store.inTransaction(s -> s.appendJournalLines("paper", "paper-journal",
                List.of("event=priced\tsymbol=AAPL\tprice=100", "", longLine), T0));
        assertThat(last).isEqualTo(3);
        store.inTransaction(s -> {
            s.appendJournalLines("paper", "other", List.of("not the paper journal"), T0);
            s.appendJournalLines("ibkr", "paper-journal", List.of("not the paper broker's"), T0);
            return null;
        });
        long next = store.inTransaction(s -> s.appendJournalLines("paper", "paper-journal",
                List.of("ünïcode, 'quoted'"), T0.plusSeconds(1)));
        assertThat(next).isEqualTo(4);
        store.inTransaction(s -> {
            assertThat(s.journalLines("paper", "paper-journal")).containsExactly(
                    "event=priced\tsymbol=AAPL\tprice=100", "", longLine, "ünïcode, 'quoted'");
            assertThat(s.journalSize("paper", "paper-journal")).isEqualTo(4);
            assertThat(s.journalLines("paper", "other")).containsExactly("not the paper journal");
            assertThat(s.journalLines("ibkr", "paper-journal")).containsExactly("not the paper broker's");
            assertThat(s.journalLines("oanda", "paper-journal")).isEmpty();
            assertThat(s.journalSize("oanda", "paper-journal")).isZero();
            return null;
        });
        List<String> rolledBack = store.inTransaction(s -> {
            try (StoreSession aborted = store.open()) {
                aborted.appendJournalLines("paper", "paper-journal", List.of("never committed"), T0);
                aborted.rollback();
            }
            return s.journalLines("paper", "paper-journal");
        });
        assertThat(rolledBack).hasSize(4).doesNotContain("never committed");
    }
}

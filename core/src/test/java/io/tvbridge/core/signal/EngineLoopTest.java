package io.tvbridge.core.signal;

import io.tvbridge.core.model.OrderPhase;
import io.tvbridge.core.model.Outcome;
import static org.assertj.core.api.Assertions.assertThat;

import io.tvbridge.broker.spi.Broker;
import io.tvbridge.broker.spi.BrokerCapability;
import io.tvbridge.broker.spi.BrokerException;
import io.tvbridge.broker.spi.BrokerListener;
import io.tvbridge.broker.spi.model.AccountSnapshot;
import io.tvbridge.broker.spi.model.AssetClass;
import io.tvbridge.broker.spi.model.BrokerHealth;
import io.tvbridge.broker.spi.model.ClientOrderId;
import io.tvbridge.broker.spi.model.ConversionRates;
import io.tvbridge.broker.spi.model.Fill;
import io.tvbridge.broker.spi.model.Instrument;
import io.tvbridge.broker.spi.model.InstrumentRef;
import io.tvbridge.broker.spi.model.OrderAck;
import io.tvbridge.broker.spi.model.OrderRequest;
import io.tvbridge.broker.spi.model.OrderState;
import io.tvbridge.broker.spi.model.OrderStatus;
import io.tvbridge.broker.spi.model.OrderUpdate;
import io.tvbridge.broker.spi.model.Position;
import io.tvbridge.broker.spi.model.Side;
import io.tvbridge.core.account.shadow.ShadowMirror;
import io.tvbridge.core.alert.AlertBody;
import io.tvbridge.core.alert.AlertProblem;
import io.tvbridge.core.alert.AlertReader;
import io.tvbridge.core.calendar.TradingHours;
import io.tvbridge.core.metrics.BridgeMetrics;
import io.tvbridge.core.model.OrderIds;
import io.tvbridge.core.order.BrokerCircuit;
import io.tvbridge.core.order.Ledger;
import io.tvbridge.core.order.LedgerListener;
import io.tvbridge.core.order.OrderSink;
import io.tvbridge.core.order.OrderSubmitter;
import io.tvbridge.core.risk.MarketFacts;
import io.tvbridge.core.risk.RiskEngine;
import io.tvbridge.core.risk.RiskUsage;
import io.tvbridge.core.risk.TradingHalt;
import io.tvbridge.core.routing.BrokerHandle;
import io.tvbridge.core.settings.RiskSettings;
import io.tvbridge.core.store.AuditEntry;
import io.tvbridge.core.store.CountingDriver;
import io.tvbridge.core.store.ListQuery;
import io.tvbridge.core.store.StoredSignal;
import io.tvbridge.core.store.Inbox;
import io.tvbridge.core.model.Decision;
import io.tvbridge.core.store.StoredOrder;
import io.tvbridge.core.store.mybatis.MyBatisStore;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine loop with a real store in a temp folder and a broker that fills at once: what it
 * writes for each alert and each order, counted statement by statement through a counting JDBC
 * driver, and that a restart rebuilds the same account from the rows.
 */
@Timeout(60)
class EngineLoopTest {
    private static final RiskSettings SETTINGS = RiskSettings.of(Map.of("max_signal_age", "0"));

    @TempDir
    Path folder;

    private final Clock clock = Clock.systemUTC();
    private final List<AutoCloseable> running = new ArrayList<>();
    private final AtomicLong received = new AtomicLong();

    @AfterEach
    void stop() throws Exception {
        for (int i = running.size() - 1; i >= 0; i--) {
            running.get(i).close();
        }
    }

    @Test
    void anAlertCostsTwoStatementsBeforeItsAnswerAndAlertsThatArriveTogetherShareACommit() throws Exception {
        List<StoredOrder> handedOver = new CopyOnWriteArrayList<>();
        Engine engine = start(handedOver::add);
        engine.decide("{symbol:WARM, action:buy, quantity:1, price:10}").get(10, TimeUnit.SECONDS);

        CountingDriver.reset();
        Outcome outcome = engine.decide("{symbol:AAPL, action:buy, quantity:3, price:190}").get(10, TimeUnit.SECONDS);
        assertThat(outcome).isInstanceOf(Outcome.Decided.class);
        assertThat(CountingDriver.statements()).as("statements before the answer").hasSize(2)
                .allMatch(sql -> sql.startsWith("insert into"));
        assertThat(CountingDriver.commits()).isEqualTo(1);

        CountingDriver.reset();
        int alerts = 200;
        List<CompletableFuture<Outcome>> answers = new ArrayList<>();
        ExecutorService senders = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<CompletableFuture<Outcome>>> sent = new ArrayList<>();
            for (int i = 0; i < alerts; i++) {
                String alert = "{symbol:S" + (i % 20) + ", action:buy, quantity:1, price:10, alert_id:burst-" + i + "}";
                sent.add(CompletableFuture.supplyAsync(() -> engine.decide(alert), senders));
            }
            for (CompletableFuture<CompletableFuture<Outcome>> future : sent) {
                answers.add(future.get(10, TimeUnit.SECONDS));
            }
        } finally {
            senders.shutdownNow();
        }
        for (CompletableFuture<Outcome> answer : answers) {
            assertThat(answer.get(10, TimeUnit.SECONDS)).isInstanceOf(Outcome.Decided.class);
        }
        assertThat(CountingDriver.statements()).as("statements for %d alerts", alerts).hasSize(2 * alerts);
        assertThat(CountingDriver.commits()).as("commits for %d alerts", alerts).isLessThan(alerts);
        // each answer goes out before its orders are handed over: the last ones may still be on their way
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (handedOver.size() < 2 + alerts && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        assertThat(handedOver).hasSize(2 + alerts);
    }

    @Test
    void aResentAlertIsRecognisedWithoutAStatementBeforeItIsRefused() throws Exception {
        Engine engine = start(order -> { });
        String alert = "{symbol:AAPL, action:buy, quantity:1, price:10, alert_id:once}";
        Outcome first = engine.decide(alert).get(10, TimeUnit.SECONDS);
        Outcome again = engine.decide(alert).get(10, TimeUnit.SECONDS);
        assertThat(again).isInstanceOf(Outcome.Duplicate.class);
        assertThat(((Outcome.Duplicate) again).signalId()).isEqualTo(((Outcome.Decided) first).signalId());

        stop();
        running.clear();
        Engine restarted = start(order -> { });
        assertThat(restarted.decide(alert).get(10, TimeUnit.SECONDS)).isInstanceOf(Outcome.Duplicate.class);
    }

    @Test
    void aMarketOrderFromAlertToRecordedFillAndPositionTakesAtMostEightStatements() throws Exception {
        Engine engine = startWithBroker();
        engine.trade("{symbol:WARM, action:buy, quantity:1, price:10}");

        CountingDriver.reset();
        engine.trade("{symbol:AAPL, action:buy, quantity:3, price:190}");
        List<String> statements = CountingDriver.statements();
        assertThat(statements).as("the whole life of a market order: %s", statements).hasSizeLessThanOrEqualTo(8)
                .noneMatch(sql -> sql.startsWith("select"));

        CountingDriver.reset();
        engine.trade("{symbol:AAPL, action:buy, quantity:2, price:191}");
        assertThat(CountingDriver.statements()).as("adding to a held position").hasSizeLessThanOrEqualTo(8)
                .noneMatch(sql -> sql.startsWith("select"));
    }

    @Test
    void eachOrderRowIsWrittenInItsLatestStateAndABracketsChildrenAreMarkedSentWithTheirEntry() throws Exception {
        Engine engine = startWithBroker();
        engine.trade("{symbol:AAPL, action:buy, quantity:3, price:190, take_profit:200, stop_loss:180}");

        List<StoredOrder> orders = engine.store().inTransaction(s -> s.ordersOfSignal(1));
        assertThat(orders).extracting(StoredOrder::phase)
                .as("the entry filled; its take-profit and stop-loss sent with it, waiting at the venue")
                .containsExactly(OrderPhase.FILLED, OrderPhase.SUBMITTED, OrderPhase.SUBMITTED);
        assertThat(orders).allSatisfy(order -> assertThat(order.submittedAt()).isPresent());
        StoredOrder entry = orders.get(0);
        assertThat(entry.filledQuantity()).isEqualByComparingTo("3");
        assertThat(entry.averageFillPrice()).isPresent();
        RiskUsage usage = engine.stage().usage().get(10, TimeUnit.SECONDS);
        assertThat(usage.orders()).isEqualTo(1);
    }

    @Test
    void aRestartRebuildsTheSameAccountFromTheRows() throws Exception {
        Engine engine = startWithBroker();
        engine.trade("{symbol:AAPL, action:buy, quantity:3, price:190}");
        engine.trade("{symbol:MSFT, action:sell, quantity:2, price:400}");
        engine.trade("{symbol:AAPL, action:sell, quantity:1, price:195}");
        RiskUsage before = engine.stage().usage().get(10, TimeUnit.SECONDS);
        assertThat(before.openPositions()).isEqualTo(2);
        assertThat(before.orders()).isEqualTo(3);

        stop();
        running.clear();
        Engine restarted = startWithBroker();
        RiskUsage after = restarted.stage().usage().get(10, TimeUnit.SECONDS);
        assertThat(after.openPositions()).isEqualTo(before.openPositions());
        assertThat(after.orders()).isEqualTo(before.orders());
        assertThat(after.realized()).isEqualByComparingTo(before.realized());
        assertThat(after.grossExposure()).isEqualByComparingTo(before.grossExposure());
        // the account it rebuilt is the one it decides with: a close sells what is held
        Outcome close = restarted.decide("{symbol:AAPL, action:close}").get(10, TimeUnit.SECONDS);
        assertThat(close).isInstanceOf(Outcome.Decided.class);
        assertThat(((Outcome.Decided) close).orders()).hasSize(1);
    }

    @Test
    void aFillReportedTwiceIsCountedOnce() throws Exception {
        Engine engine = startWithBroker();
        engine.broker().reportTwice = true;
        engine.trade("{symbol:AAPL, action:buy, quantity:3, price:190}");
        engine.trade("{symbol:AAPL, action:buy, quantity:2, price:190}");
        RiskUsage usage = engine.stage().usage().get(10, TimeUnit.SECONDS);
        assertThat(usage.grossExposure()).isEqualByComparingTo("950");
        long fills = engine.store().inTransaction(s -> s.fills(new ListQuery(Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 100, 0)).total());
        assertThat(fills).isEqualTo(2);
    }

    @Test
    void aListenerThatFailsKeepsNeitherTheOtherListenersNorTheAnswersWaiting() throws Exception {
        Engine engine = startWithBroker();
        engine.ledger().addListener(new LedgerListener() {
            @Override
            public void orderChanged(StoredOrder order) {
                throw new IllegalStateException("a listener stopping before the engine");
            }
        });
        engine.trade("{symbol:AAPL, action:buy, quantity:3, price:190}");
        Outcome next = engine.decide("{symbol:AAPL, action:close}").get(10, TimeUnit.SECONDS);
        assertThat(((Outcome.Decided) next).orders()).hasSize(1);
    }

    @Test
    void anAlertAStandbyStoredIsDecidedInItsOwnRowOnceAndItsResendIsADuplicate() throws Exception {
        List<StoredOrder> handedOver = new CopyOnWriteArrayList<>();
        Engine engine = start(handedOver::add);
        StandbyIntake standby = new StandbyIntake(engine.store(), "b", () -> SETTINGS, Duration.ofMinutes(5), clock);
        running.add(standby);
        String json = "{\"symbol\": \"AAPL\", \"action\": \"buy\", \"quantity\": \"3\", \"price\": \"190\","
                + " \"alert_id\": \"from-b\"}";
        SignalCandidate candidate = new SignalCandidate(AlertReader.read(AlertBody.parse(
                json.getBytes(StandardCharsets.UTF_8))), SignalService.sha256(json), json, Optional.empty(),
                Optional.empty(), Instant.now());

        CompletableFuture<Outcome> answer = standby.decide(candidate);
        List<Long> inbox = List.of();
        for (long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10); inbox.isEmpty() && System.nanoTime() < until;
             Thread.sleep(5)) {
            inbox = engine.store().inTransaction(s -> s.inbox(10));   // stored by the standby's own thread
        }
        assertThat(inbox).hasSize(1);
        long id = inbox.get(0);
        assertThat(engine.store().inTransaction(s -> s.findSignal(id)).orElseThrow().decision())
                .isEqualTo(Decision.STORED);
        running.add(InboxFeed.start(engine.store(), engine.stage(), ref -> { }));

        Outcome decided = answer.get(10, TimeUnit.SECONDS);
        assertThat(decided).isInstanceOf(Outcome.Decided.class);
        assertThat(((Outcome.Decided) decided).signalId()).isEqualTo(id);
        assertThat(((Outcome.Decided) decided).decision()).as("the standby answers with the leader's decision")
                .isEqualTo(Decision.ACCEPTED);
        assertThat(((Outcome.Decided) decided).orders()).hasSize(1);
        assertThat(handedOver).hasSize(1);
        Inbox left = engine.store().inTransaction(s -> s.inboxState());
        assertThat(left).isEqualTo(Inbox.EMPTY);

        // handed over again (a look at the inbox that overlapped the commit): not decided twice
        StoredSignal row = engine.store().inTransaction(s -> s.findSignal(id)).orElseThrow();
        assertThat(engine.stage().decideStored(row).get(10, TimeUnit.SECONDS)).isInstanceOf(Outcome.Duplicate.class);
        // sent again, to the standby or to the trading instance: a resend of that signal
        assertThat(standby.decide(candidate).get(10, TimeUnit.SECONDS)).isInstanceOf(Outcome.Duplicate.class);
        Outcome resent = engine.stage().decide(candidate).get(10, TimeUnit.SECONDS);
        assertThat(resent).isInstanceOf(Outcome.Duplicate.class);
        assertThat(((Outcome.Duplicate) resent).signalId()).isEqualTo(id);
        assertThat(handedOver).as("one order for the alert").hasSize(1);
        List<StoredOrder> orders = engine.store().inTransaction(s -> s.ordersOfSignal(id));
        assertThat(orders).hasSize(1);
    }

    // --- the engine, wired as the daemon wires it ---

    @Test
    void aShadowCopiesEachOrderItsLeaderDecidesOnceAtItsPriceAndNoneWhileItsKillSwitchIsOn() throws Exception {
        List<StoredOrder> shadowSent = new CopyOnWriteArrayList<>();
        Engine leader = start(order -> { }, folder.resolve("live"));
        Engine shadow = start(shadowSent::add, folder.resolve("shadow"));
        ShadowMirror mirror = new ShadowMirror("live", "shadow", shadow.stage());
        long before = signalId(leader.decide("{symbol:MSFT, action:buy, quantity:2, price:410.25}").get(10,
                TimeUnit.SECONDS));
        // decided before the shadow followed (a kill -9 between the leader's commit and the copy): caught up
        assertThat(mirror.catchUp(leader.store(), shadow.store(), Instant.EPOCH)).isEqualTo(1);
        assertThat(mirror.catchUp(leader.store(), shadow.store(), Instant.EPOCH)).as("copied already").isZero();
        leader.stage().addListener(mirror);

        long signalId = signalId(leader.decide("{symbol:AAPL, action:buy, quantity:3, price:190.5, strategy:ema}")
                .get(10, TimeUnit.SECONDS));
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (shadowSent.size() < 2 && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        assertThat(shadowSent).extracting(StoredOrder::symbol).containsExactly("MSFT", "AAPL");
        StoredOrder copy = shadowSent.get(1);
        assertThat(copy.side()).isEqualTo(Side.BUY);
        assertThat(copy.quantity()).isEqualByComparingTo("3");
        assertThat(copy.referencePrice()).hasValue(new BigDecimal("190.5"));
        StoredSignal copied = shadow.store().inTransaction(session -> session.findSignalByAlertId(
                Mirror.alertId("live", signalId))).orElseThrow();
        assertThat(copied.decision()).isEqualTo(Decision.ACCEPTED);
        assertThat(copied.alert().strategy()).hasValue("ema");
        Optional<StoredSignal> first = shadow.store().inTransaction(session -> session.findSignalByAlertId(
                Mirror.alertId("live", before)));
        assertThat(first).isPresent();
        assertThat(mirror.catchUp(leader.store(), shadow.store(), Instant.EPOCH)).isZero();

        Instant now = Instant.now();
        shadow.stage().changeHalt(halt -> halt.killed(new TradingHalt.Switch("test", "shadow stopped", now)),
                new AuditEntry(now, "test", "trading.kill", "shadow stopped"), session -> { }).get(10, TimeUnit.SECONDS);
        long third = signalId(leader.decide("{symbol:AAPL, action:sell, quantity:3, price:191}").get(10,
                TimeUnit.SECONDS));
        until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        Optional<StoredSignal> refused = Optional.empty();
        while (refused.isEmpty() && System.nanoTime() < until) {
            refused = shadow.store().inTransaction(session -> session.findSignalByAlertId(Mirror.alertId("live",
                    third)));
            Thread.sleep(10);
        }
        assertThat(refused).hasValueSatisfying(signal -> {
            assertThat(signal.decision()).isEqualTo(Decision.REJECTED);
            assertThat(signal.reason()).hasValueSatisfying(reason -> assertThat(reason)
                    .contains("kill switch of this shadow account is on").contains("shadow stopped"));
        });
        assertThat(shadowSent).hasSize(2);
    }

    private static long signalId(Outcome outcome) {
        assertThat(outcome).isInstanceOf(Outcome.Decided.class);
        assertThat(((Outcome.Decided) outcome).decision()).isEqualTo(Decision.ACCEPTED);
        return ((Outcome.Decided) outcome).signalId();
    }

    private record Engine(DecisionStage stage, Ledger ledger, FillingBroker broker, MyBatisStore store,
                          AtomicLong received) {
        CompletableFuture<Outcome> decide(String table) {
            String json = table.replaceAll("([a-z_]+):\\s*([^,}]+)", "\"$1\": \"$2\"");
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            try {
                return stage.decide(new SignalCandidate(AlertReader.read(AlertBody.parse(body)),
                        SignalService.sha256(json + received.incrementAndGet()), json, Optional.empty(),
                        Optional.empty(), Instant.now()));
            } catch (AlertProblem e) {
                throw new AssertionError(e);
            }
        }

        /** Decides the alert and waits until its order is filled and every report of it recorded. */
        void trade(String table) throws Exception {
            Outcome outcome = decide(table).get(10, TimeUnit.SECONDS);
            assertThat(outcome).isInstanceOf(Outcome.Decided.class);
            for (ClientOrderId id : ((Outcome.Decided) outcome).orders()) {
                broker.ended(id).get(10, TimeUnit.SECONDS);
            }
            ledger.flush().get(10, TimeUnit.SECONDS);
        }
    }

    private Engine start(java.util.function.Consumer<StoredOrder> submitter) {
        return start(submitter, folder);
    }

    private Engine start(java.util.function.Consumer<StoredOrder> submitter, Path in) {
        MyBatisStore store = openStore(in);
        Ledger ledger = new Ledger("test", "", clock);
        FillingBroker broker = new FillingBroker(ledger);
        BrokerHandle handle = new BrokerHandle("test", "1", "", broker);
        DecisionStage stage = new DecisionStage(store, handle, ledger, new OrderPlanner("test",
                broker.capabilities()), RiskEngine.standard(), new OrderIds("engine"), Duration.ofSeconds(60),
                SETTINGS, TradingHalt.NONE, Optional::empty, new TradingHours(true), clock, new OrderSink() {
                    @Override
                    public void submit(StoredOrder order) {
                        submitter.accept(order);
                    }

                    @Override
                    public void cancel(StoredOrder order) {
                        throw new AssertionError("no cancel is decided here: " + order.clientOrderId());
                    }
                });
        running.add(stage);
        return new Engine(stage, ledger, broker, store, received);
    }

    private Engine startWithBroker() {
        MyBatisStore store = openStore();
        Ledger ledger = new Ledger("test", "", clock);
        FillingBroker broker = new FillingBroker(ledger);
        running.add(broker);
        BrokerHandle handle = new BrokerHandle("test", "1", "", broker);
        OrderSubmitter submitter = new OrderSubmitter(handle, store, ledger, new BrokerCircuit("test", 5,
                Duration.ofMinutes(1), clock), SETTINGS, clock, BridgeMetrics.NONE);
        ledger.addListener(submitter);
        ledger.addListener(broker);
        DecisionStage stage = new DecisionStage(store, handle, ledger, new OrderPlanner("test",
                broker.capabilities()), RiskEngine.standard(), new OrderIds("engine"), Duration.ofSeconds(60),
                SETTINGS, TradingHalt.NONE, Optional::empty, new TradingHours(true), clock, submitter);
        running.add(stage);
        running.add(submitter);
        // what the account watcher would hand over: a dollar account, and the stocks it trades resolved in dollars
        stage.marketFacts(new MarketFacts(Optional.of(ConversionRates.none("USD", clock.instant())), Map.of(
                "AAPL", Instrument.simple("AAPL", AssetClass.STOCK, "NASDAQ", "USD"),
                "MSFT", Instrument.simple("MSFT", AssetClass.STOCK, "NASDAQ", "USD")), Map.of())).join();
        submitter.recover();
        return new Engine(stage, ledger, broker, store, received);
    }

    private MyBatisStore openStore() {
        return openStore(folder);
    }

    private MyBatisStore openStore(Path in) {
        try {
            Class.forName(CountingDriver.class.getName());
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
        MyBatisStore store = MyBatisStore.open(CountingDriver.class.getName(),
                CountingDriver.PREFIX + MyBatisStore.h2Url(in), "sa", "", clock);
        running.add(store);
        return store;
    }

    /**
     * A broker that takes every order and fills it at once at the order's reference price, its
     * reports coming from its own thread as a real venue's would: the fill, then the update.
     */
    private static final class FillingBroker implements Broker, LedgerListener {
        private final BrokerListener listener;
        private final ExecutorService venue = Executors.newSingleThreadExecutor();
        private final Map<ClientOrderId, CompletableFuture<Void>> ended = new ConcurrentHashMap<>();
        private final AtomicLong executions = new AtomicLong();
        /** Whether each fill is reported twice, as a venue's report and a lookup after a reconnect may both do. */
        volatile boolean reportTwice;

        FillingBroker(BrokerListener listener) {
            this.listener = listener;
        }

        /** Completes once the ledger recorded the end of the order. */
        CompletableFuture<Void> ended(ClientOrderId id) {
            return ended.computeIfAbsent(id, key -> new CompletableFuture<>());
        }

        @Override
        public void orderEnded(StoredOrder order) {
            ended(order.clientOrderId()).complete(null);
        }

        @Override
        public Set<BrokerCapability> capabilities() {
            return EnumSet.allOf(BrokerCapability.class);
        }

        @Override
        public void connect() {
        }

        @Override
        public BrokerHealth health() {
            return new BrokerHealth(true, Optional.empty(), Optional.empty(), "filling", Map.of());
        }

        @Override
        public Instrument resolve(InstrumentRef ref) {
            return Instrument.simple(ref.symbol(), AssetClass.STOCK, "TEST", "USD");
        }

        @Override
        public OrderAck submit(OrderRequest request) {
            Instant now = Instant.now();
            BigDecimal price = request.referencePrice().orElse(BigDecimal.TEN);
            venue.execute(() -> {
                Fill fill = new Fill(request.clientOrderId(), "X" + executions.incrementAndGet(),
                        request.instrument().symbol(), request.side(), request.quantity(), price, BigDecimal.ZERO,
                        "USD", Instant.now());
                listener.onFill(fill);
                if (reportTwice) {
                    listener.onFill(fill);
                }
                listener.onOrderUpdate(new OrderUpdate(request.clientOrderId(), Optional.of("B1"), OrderStatus.FILLED,
                        request.quantity(), Optional.of(price), Optional.empty(), Instant.now()));
            });
            return new OrderAck(request.clientOrderId(), "B1", OrderStatus.ACCEPTED, false, now);
        }

        @Override
        public void cancel(ClientOrderId clientOrderId) throws BrokerException {
            throw new BrokerException(BrokerException.Kind.INVALID_REQUEST, "every order is filled at once");
        }

        @Override
        public List<OrderState> openOrders() {
            return List.of();
        }

        @Override
        public Optional<OrderState> lookup(ClientOrderId clientOrderId) {
            return Optional.empty();
        }

        @Override
        public List<Fill> executions(ClientOrderId clientOrderId) {
            return List.of();
        }

        @Override
        public List<Position> positions() {
            return List.of();
        }

        @Override
        public AccountSnapshot account() {
            BigDecimal money = new BigDecimal("1000000");
            return new AccountSnapshot("T1", "USD", money, money, money, BigDecimal.ZERO, BigDecimal.ZERO,
                    BigDecimal.ZERO, Instant.now());
        }

        @Override
        public void close() {
            venue.shutdownNow();
        }
    }
}

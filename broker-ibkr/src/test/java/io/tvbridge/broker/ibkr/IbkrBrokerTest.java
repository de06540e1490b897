package io.tvbridge.broker.ibkr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tvbridge.broker.ibkr.fake.Behaviour;
import io.tvbridge.broker.ibkr.fake.FakeTwsServer;
import io.tvbridge.broker.spi.Broker;
import io.tvbridge.broker.spi.BrokerConfig;
import io.tvbridge.broker.spi.BrokerException;
import io.tvbridge.broker.spi.model.ClientOrderId;
import io.tvbridge.broker.spi.model.ConnectionEvent;
import io.tvbridge.broker.spi.model.ConversionRates;
import io.tvbridge.broker.spi.model.Fill;
import io.tvbridge.broker.spi.model.Instrument;
import io.tvbridge.broker.spi.model.InstrumentRef;
import io.tvbridge.broker.spi.model.OrderAck;
import io.tvbridge.broker.spi.model.OrderRequest;
import io.tvbridge.broker.spi.model.OrderStatus;
import io.tvbridge.broker.spi.model.OrderType;
import io.tvbridge.broker.spi.model.OrderUpdate;
import io.tvbridge.broker.spi.model.Side;
import io.tvbridge.broker.spi.model.TimeInForce;
import io.tvbridge.broker.spi.tck.MutableClock;
import io.tvbridge.broker.spi.tck.RecordingBrokerListener;
import io.tvbridge.broker.spi.tck.TestBrokerContext;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The IBKR broker against a fake TWS: what the kit does not cover. */
@Timeout(60)
class IbkrBrokerTest {
    /** The fake's day (its expiries are computed from it). */
    private static final Instant TODAY = Instant.parse("2026-01-15T14:30:00Z");

    @TempDir
    Path state;
    private final MutableClock clock = new MutableClock(TODAY);
    private final List<Broker> brokers = new ArrayList<>();
    private FakeTwsServer tws;

    @BeforeEach
    void startTws() {
        tws = FakeTwsServer.start().clock(clock);
    }

    @AfterEach
    void stopAll() {
        brokers.forEach(Broker::close);
        tws.close();
    }

    private Broker connect(RecordingBrokerListener events, Map<String, String> extra) throws Exception {
        Map<String, String> config = new HashMap<>(Map.of("port", Integer.toString(tws.port()), "client-id", "7",
                "connect-timeout", "5", "request-timeout", "5", "max-reconnect-pause", "1"));
        config.putAll(extra);
        IbkrBrokerFactory factory = new IbkrBrokerFactory();
        Broker broker = factory.create(new BrokerConfig("ibkr", config, factory.configKeys()),
                new TestBrokerContext(clock, events, state));
        brokers.add(broker);
        broker.connect();
        return broker;
    }

    /**
     * A broker connected to the fake once the resynchronisation after its connect has asked for the
     * open orders: TWS answers that with a silent order too, which would acknowledge it.
     */
    private Broker connectAndResynchronised(Map<String, String> extra) throws Exception {
        Broker broker = connect(new RecordingBrokerListener(), extra);
        tws.await(message -> message.get(0).equals("7"), Duration.ofSeconds(5));   // REQ_EXECUTIONS comes after
        return broker;
    }

    private static OrderRequest market(String id, Instrument instrument, Side side, String quantity) {
        return OrderRequest.market(ClientOrderId.of(id), instrument, side, new BigDecimal(quantity));
    }

    private static void eventually(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out: " + what);
            }
            Thread.sleep(20);
        }
    }

    @Test
    void partialFillsAreSummedAndRepeatedStatusesFolded() throws Exception {
        RecordingBrokerListener events = new RecordingBrokerListener();
        Broker broker = connect(events, Map.of());
        Instrument ibm = broker.resolve(InstrumentRef.parse("NYSE:IBM"));
        tws.onNextOrder(Behaviour.partial(3));
        broker.submit(market("p-1", ibm, Side.BUY, "90"));

        events.await(OrderUpdate.class, u -> u.status() == OrderStatus.FILLED);
        List<Fill> fills = events.all(Fill.class);
        assertThat(fills).hasSize(3).allSatisfy(f -> assertThat(f.commission()).isPositive());
        assertThat(fills.stream().map(Fill::quantity).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("90");
        List<OrderUpdate> updates = events.all(OrderUpdate.class);
        assertThat(updates).extracting(OrderUpdate::status).containsExactly(OrderStatus.ACCEPTED,
                OrderStatus.PARTIALLY_FILLED, OrderStatus.PARTIALLY_FILLED, OrderStatus.FILLED);
        assertThat(updates).extracting(OrderUpdate::filledQuantity).extracting(BigDecimal::intValue)
                .containsExactly(0, 30, 60, 90);
        assertThat(events.events().indexOf(fills.get(2))).isLessThan(events.events().indexOf(updates.get(3)));
    }

    @Test
    void ordersTravelWithOurIdAsOrderRefAndPricesOnTheTick() throws Exception {
        Broker broker = connect(new RecordingBrokerListener(), Map.of());
        Instrument aapl = broker.resolve(InstrumentRef.parse("NASDAQ:AAPL"));
        assertThat(aapl.tickSize()).isEqualByComparingTo("0.01");
        assertThat(aapl.venueSymbol()).isEqualTo("265598");
        tws.onNextOrder(Behaviour.rest());
        broker.submit(OrderRequest.limit(ClientOrderId.of("tvb-abc-1-1"), aapl, Side.BUY, BigDecimal.TEN,
                new BigDecimal("150.004")));
        var placed = tws.placedOrders().get(0);
        assertThat(placed.order().orderRef()).isEqualTo("tvb-abc-1-1");
        assertThat(placed.order().lmtPrice()).isEqualByComparingTo("150");
        assertThat(placed.order().account()).isEqualTo("DU1234567");
        assertThat(placed.contract().conId()).isEqualTo(265598);
    }

    @Test
    void aBracketIsThreeOrdersReleasedTogetherAndItsExitsReportUnderTheirOwnIds() throws Exception {
        RecordingBrokerListener events = new RecordingBrokerListener();
        Broker broker = connect(events, Map.of());
        Instrument ibm = broker.resolve(InstrumentRef.parse("IBM"));
        OrderRequest bracket = new OrderRequest(ClientOrderId.of("br-1"), ibm, Side.BUY, BigDecimal.TEN,
                OrderType.MARKET, Optional.empty(), Optional.empty(), Optional.empty(), TimeInForce.DAY, false,
                Optional.empty(), Optional.of(new BigDecimal("160")), Optional.of(new BigDecimal("140")),
                Optional.of(new BigDecimal("150.24")));
        broker.submit(bracket);
        assertThat(tws.placedOrders()).extracting(p -> p.order().orderRef() + " " + p.order().transmit() + " "
                + p.order().parentId()).containsExactly("br-1 false 0", "br-1.tp false 1", "br-1.sl true 1");
        events.await(OrderUpdate.class, u -> u.clientOrderId().value().equals("br-1") && u.status() == OrderStatus.FILLED);
        tws.price("IBM", new BigDecimal("161"));
        events.await(Fill.class, f -> f.clientOrderId().value().equals("br-1.tp"));
        events.await(OrderUpdate.class, u -> u.clientOrderId().value().equals("br-1.sl")
                && u.status() == OrderStatus.CANCELLED);
    }

    @Test
    void anOrderWaitingForTwsDoesNotHoldUpAnotherThatTwsAnswers() throws Exception {
        Broker broker = connectAndResynchronised(Map.of("request-timeout", "2"));
        Instrument aapl = broker.resolve(InstrumentRef.parse("NASDAQ:AAPL"));
        Instrument msft = broker.resolve(InstrumentRef.parse("MSFT"));
        tws.onNextOrder(Behaviour.silent());

        CompletableFuture<OrderAck> unanswered = broker.submitAsync(market("quiet-1", aapl, Side.BUY, "1"));
        CompletableFuture<OrderAck> answered = broker.submitAsync(market("busy-1", msft, Side.BUY, "1"));

        assertThat(answered.get(5, TimeUnit.SECONDS).status()).isEqualTo(OrderStatus.ACCEPTED);
        assertThat(unanswered).as("TWS has not answered quiet-1 yet").isNotDone();
        assertThat(tws.placedOrders()).extracting(p -> p.order().orderRef()).containsExactly("quiet-1", "busy-1");
        assertThatThrownBy(() -> unanswered.get(5, TimeUnit.SECONDS)).cause()
                .isInstanceOfSatisfying(BrokerException.class, e -> {
                    assertThat(e.kind()).isEqualTo(BrokerException.Kind.TIMEOUT);
                    assertThat(e.outcomeUnknown()).isTrue();
                });
        assertThat(broker.lookup(ClientOrderId.of("quiet-1"))).as("it did reach TWS, which reports it open")
                .hasValueSatisfying(s -> assertThat(s.status().isTerminal()).isFalse());
    }

    @Test
    void anOrderStillWaitingForTwsIsNotPlacedTwice() throws Exception {
        Broker broker = connectAndResynchronised(Map.of());
        Instrument ibm = broker.resolve(InstrumentRef.parse("IBM"));
        tws.onNextOrder(Behaviour.silent());
        CompletableFuture<OrderAck> first = broker.submitAsync(market("once-1", ibm, Side.BUY, "1"));

        OrderAck again = broker.submitAsync(market("once-1", ibm, Side.BUY, "1")).get(5, TimeUnit.SECONDS);

        assertThat(again.alreadyKnown()).isTrue();
        assertThat(first).isNotDone();
        // an order written after both: once TWS has read it, it has read whatever the second call wrote
        broker.submitAsync(market("after-1", ibm, Side.BUY, "1")).get(5, TimeUnit.SECONDS);
        assertThat(tws.placedOrders()).extracting(p -> p.order().orderRef()).containsExactly("once-1", "after-1");
    }

    @Test
    void aConnectionLostBeforeTwsAnswersLeavesTheOutcomeUnknown() throws Exception {
        Broker broker = connectAndResynchronised(Map.of());
        Instrument ibm = broker.resolve(InstrumentRef.parse("IBM"));
        tws.onNextOrder(Behaviour.silent());
        CompletableFuture<OrderAck> answer = broker.submitAsync(market("cut-1", ibm, Side.BUY, "1"));
        tws.await(message -> message.contains("cut-1"), Duration.ofSeconds(5));

        tws.dropConnections();

        assertThatThrownBy(() -> answer.get(5, TimeUnit.SECONDS)).cause()
                .isInstanceOfSatisfying(BrokerException.class, e -> {
                    assertThat(e.kind()).isEqualTo(BrokerException.Kind.UNAVAILABLE);
                    assertThat(e.outcomeUnknown()).isTrue();
                });
    }

    @Test
    void aReconnectFindsOrdersStillWorkingAndTheirLaterFills() throws Exception {
        RecordingBrokerListener events = new RecordingBrokerListener();
        Broker broker = connect(events, Map.of());
        Instrument msft = broker.resolve(InstrumentRef.parse("MSFT"));
        tws.onNextOrder(Behaviour.rest());
        broker.submit(OrderRequest.limit(ClientOrderId.of("w-1"), msft, Side.BUY, BigDecimal.ONE,
                new BigDecimal("400")));
        tws.dropConnections();
        events.await(ConnectionEvent.class, e -> !e.connected());
        eventually("reconnected", () -> broker.health().connected());
        assertThat(broker.openOrders()).extracting(o -> o.clientOrderId().value()).containsExactly("w-1");

        int orderId = tws.placedOrders().get(0).orderId();
        tws.fill(orderId, BigDecimal.ONE, new BigDecimal("399.5"));
        Fill fill = events.await(Fill.class, f -> f.clientOrderId().value().equals("w-1"));
        assertThat(fill.price()).isEqualByComparingTo("399.5");
    }

    @Test
    void anOrderLostWithItsConnectionIsNotFoundAndCanBeSentOnce() throws Exception {
        RecordingBrokerListener events = new RecordingBrokerListener();
        Broker broker = connect(events, Map.of());
        Instrument ibm = broker.resolve(InstrumentRef.parse("IBM"));
        tws.onNextOrder(Behaviour.lost());
        assertThatThrownBy(() -> broker.submit(market("lost-1", ibm, Side.BUY, "4")))
                .isInstanceOfSatisfying(BrokerException.class, e -> assertThat(e.outcomeUnknown()).isTrue());
        eventually("reconnected", () -> broker.health().connected() && tws.connections() == 1);

        assertThat(broker.lookup(ClientOrderId.of("lost-1"))).as("TWS never read it").isEmpty();
        OrderAck ack = broker.submit(market("lost-1", ibm, Side.BUY, "4"));
        assertThat(ack.alreadyKnown()).isFalse();
        events.await(OrderUpdate.class, u -> u.clientOrderId().value().equals("lost-1")
                && u.status() == OrderStatus.FILLED);
        assertThat(tws.placedOrders()).extracting(p -> p.order().orderRef()).containsExactly("lost-1");
    }

    @Test
    void aNewRunAfterAGatewayRestartKeepsOrdersApartWhenIdsAreReused() throws Exception {
        RecordingBrokerListener first = new RecordingBrokerListener();
        Broker before = connect(first, Map.of());
        Instrument ibm = before.resolve(InstrumentRef.parse("IBM"));
        before.submit(market("run1-a", ibm, Side.BUY, "5"));
        first.await(OrderUpdate.class, u -> u.status() == OrderStatus.FILLED);
        tws.onNextOrder(Behaviour.rest());
        before.submit(OrderRequest.limit(ClientOrderId.of("run1-rest"), ibm, Side.BUY, BigDecimal.ONE,
                new BigDecimal("100")));
        before.close();
        tws.restartGateway();

        RecordingBrokerListener second = new RecordingBrokerListener();
        Broker after = connect(second, Map.of());
        eventually("connected", () -> after.health().connected());
        after.submit(market("run2-b", ibm, Side.SELL, "2"));
        second.await(OrderUpdate.class, u -> u.clientOrderId().value().equals("run2-b")
                && u.status() == OrderStatus.FILLED);
        assertThat(tws.placedOrders().get(2).orderId()).as("TWS handed out an id again")
                .isEqualTo(tws.placedOrders().get(0).orderId());

        assertThat(after.lookup(ClientOrderId.of("run1-a"))).hasValueSatisfying(s -> {
            assertThat(s.status()).isEqualTo(OrderStatus.FILLED);
            assertThat(s.filledQuantity()).isEqualByComparingTo("5");
        });
        assertThat(after.lookup(ClientOrderId.of("run2-b"))).hasValueSatisfying(s ->
                assertThat(s.filledQuantity()).isEqualByComparingTo("2"));
        assertThat(after.openOrders()).extracting(o -> o.clientOrderId().value()).containsExactly("run1-rest");
        assertThat(after.executions(ClientOrderId.of("run2-b"))).singleElement()
                .satisfies(f -> assertThat(f.side()).isEqualTo(Side.SELL));
        assertThat(second.all(Fill.class)).filteredOn(f -> f.clientOrderId().value().equals("run2-b")).hasSize(1);
    }

    @Test
    void aReadOnlyApiRefusesOrdersWithTheFix() throws Exception {
        tws.readOnly(true);
        Broker broker = connect(new RecordingBrokerListener(), Map.of());
        Instrument ibm = broker.resolve(InstrumentRef.parse("IBM"));
        assertThatThrownBy(() -> broker.submit(market("ro-1", ibm, Side.BUY, "1")))
                .isInstanceOfSatisfying(BrokerException.class, e -> {
                    assertThat(e.kind()).isEqualTo(BrokerException.Kind.REJECTED);
                    assertThat(e.getMessage()).contains("IB 321").contains("untick 'Read-Only API'");
                });
        assertThat(broker.health().connected()).isFalse();
        assertThat(broker.health().summary()).contains("read-only");
        assertThatThrownBy(() -> broker.submit(market("ro-2", ibm, Side.BUY, "1")))
                .hasMessageContaining("Read-Only");

        Broker tolerant = connect(new RecordingBrokerListener(), Map.of("readonly-ok", "true", "client-id", "8"));
        Instrument again = tolerant.resolve(InstrumentRef.parse("IBM"));
        assertThatThrownBy(() -> tolerant.submit(market("ro-3", again, Side.BUY, "1"))).hasMessageContaining("321");
        assertThat(tolerant.health().connected()).isTrue();
    }

    @Test
    void severalAccountsNeedIbkrAccount() throws Exception {
        tws.accounts("DU111", "DU222");
        Broker unset = connect(new RecordingBrokerListener(), Map.of());
        assertThat(unset.health().connected()).isFalse();
        assertThat(unset.health().summary()).contains("set IBKR_ACCOUNT").contains("DU111, DU222");
        Instrument ibm = unset.resolve(InstrumentRef.parse("IBM"));
        assertThatThrownBy(() -> unset.submit(market("acc-1", ibm, Side.BUY, "1"))).hasMessageContaining("IBKR_ACCOUNT");

        Broker chosen = connect(new RecordingBrokerListener(), Map.of("account", "DU222", "client-id", "9"));
        chosen.submit(market("acc-2", chosen.resolve(InstrumentRef.parse("IBM")), Side.BUY, "1"));
        assertThat(tws.placedOrders()).singleElement().satisfies(p -> assertThat(p.order().account()).isEqualTo("DU222"));
    }

    @Test
    void anUnknownErrorCodeOnAnOrderMakesTheBrokerAskWhereItStands() throws Exception {
        Broker broker = connect(new RecordingBrokerListener(), Map.of());
        Instrument ibm = broker.resolve(InstrumentRef.parse("IBM"));
        tws.onNextOrder(Behaviour.rest());
        broker.submit(OrderRequest.limit(ClientOrderId.of("u-1"), ibm, Side.BUY, BigDecimal.ONE, new BigDecimal("100")));
        BooleanSupplier asked = () -> tws.received().stream().filter(f -> f.get(0).equals("16")).count() >= 2;
        assertThat(asked.getAsBoolean()).as("only the resync after connecting asked for open orders").isFalse();
        tws.sendError(tws.placedOrders().get(0).orderId(), 9999, "something IB has not documented");
        eventually("REQ_ALL_OPEN_ORDERS after the unknown code", asked);
        assertThat(broker.lookup(ClientOrderId.of("u-1"))).hasValueSatisfying(
                s -> assertThat(s.status()).isEqualTo(OrderStatus.ACCEPTED));
    }

    @Test
    void aContinuousFutureResolvesToTheFrontContractBeforeItsRoll() throws Exception {
        Broker broker = connect(new RecordingBrokerListener(), Map.of());
        Instrument front = broker.resolve(InstrumentRef.parse("CME_MINI:ES1!"));
        assertThat(front.symbol()).isEqualTo("ESH2026");
        assertThat(front.multiplier()).isEqualByComparingTo("50");
        assertThat(front.tickSize()).isEqualByComparingTo("0.25");
        assertThat(broker.resolve(InstrumentRef.parse("ES2!")).symbol()).isEqualTo("ESM2026");

        Broker rolling = connect(new RecordingBrokerListener(), Map.of("roll-days", "70", "client-id", "8"));
        assertThat(rolling.resolve(InstrumentRef.parse("ES1!")).symbol()).as("within 70 days of March: June")
                .isEqualTo("ESM2026");
        int contractRequests = (int) tws.received().stream().filter(f -> f.get(0).equals("9")).count();
        rolling.resolve(InstrumentRef.parse("ES1!"));
        assertThat(tws.received().stream().filter(f -> f.get(0).equals("9")).count()).as("cached")
                .isEqualTo(contractRequests);
    }

    @Test
    void anUnknownSymbolIsRefusedWithIbsReason() throws Exception {
        Broker broker = connect(new RecordingBrokerListener(), Map.of());
        assertThatThrownBy(() -> broker.resolve(InstrumentRef.parse("NOSUCH")))
                .isInstanceOfSatisfying(BrokerException.class, e -> {
                    assertThat(e.kind()).isEqualTo(BrokerException.Kind.REJECTED);
                    assertThat(e.getMessage()).contains("IB 200").contains("IBKR_SYMBOL_MAP");
                });
    }

    @Test
    void aServerOutsideTheSupportedVersionsIsRefusedClearly() throws Exception {
        tws.serverVersion(170);
        Broker broker = connect(new RecordingBrokerListener(), Map.of("connect-timeout", "1"));
        eventually("the refusal is reported", () -> broker.health().details().getOrDefault("last_problem", "")
                .contains("outside the supported 176..193"));
        assertThat(broker.health().connected()).isFalse();
    }

    @Test
    void conversionRatesAreTheLedgersExchangeRatesIntoTheBaseCurrency() throws Exception {
        tws.exchangeRate("JPY", "0.0066003").exchangeRate("GBP", "1.27395");
        Broker broker = connect(new RecordingBrokerListener(), Map.of());

        ConversionRates rates = broker.conversionRates("USD", Set.of("EUR", "JPY"));

        assertThat(rates.accountCurrency()).isEqualTo("USD");
        assertThat(rates.factors()).containsOnly(Map.entry("EUR", new BigDecimal("1.0812")),
                Map.entry("JPY", new BigDecimal("0.0066003")), Map.entry("GBP", new BigDecimal("1.27395")));
        assertThat(rates.factor("USD")).contains(BigDecimal.ONE);
        assertThat(rates.factor("CHF")).as("a currency the ledger does not hold has no rate").isEmpty();
        assertThat(rates.asOf()).isEqualTo(TODAY);
        List<String> request = tws.await(message -> message.get(0).equals("62"), Duration.ofSeconds(5));
        assertThat(request).as("REQ_ACCOUNT_SUMMARY asks for the ledger of every currency").contains("$LEDGER:ALL");
    }

    @Test
    void positionsAndTheAccountComeFromTws() throws Exception {
        RecordingBrokerListener events = new RecordingBrokerListener();
        Broker broker = connect(events, Map.of());
        broker.submit(market("pos-1", broker.resolve(InstrumentRef.parse("ES1!")), Side.BUY, "2"));
        events.await(OrderUpdate.class, u -> u.status() == OrderStatus.FILLED);
        assertThat(broker.positions()).singleElement().satisfies(p -> {
            assertThat(p.symbol()).isEqualTo("ESH2026");
            assertThat(p.quantity()).isEqualByComparingTo("2");
            assertThat(p.averageCost()).as("per contract, not times the multiplier").isEqualByComparingTo("6000.25");
        });
        var account = broker.account();
        assertThat(account.accountId()).isEqualTo("DU1234567");
        assertThat(account.equity()).isEqualByComparingTo("100523.45");
        assertThat(account.buyingPower()).isPositive();
        assertThat(broker.health().details()).containsKeys("server_version", "accounts", "last_message_age_ms");
    }
}

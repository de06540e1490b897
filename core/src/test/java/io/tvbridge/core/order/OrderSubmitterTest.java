package io.tvbridge.core.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.tvbridge.broker.spi.BrokerException;
import io.tvbridge.broker.spi.model.ClientOrderId;
import io.tvbridge.broker.spi.model.InstrumentRef;
import io.tvbridge.broker.spi.model.OrderStatus;
import io.tvbridge.broker.spi.model.OrderUpdate;
import io.tvbridge.broker.spi.model.Side;
import io.tvbridge.broker.spi.model.TimeInForce;
import io.tvbridge.broker.spi.tck.RecordingBrokerListener;
import io.tvbridge.core.metrics.BridgeMetrics;
import io.tvbridge.core.model.OrderPhase;
import io.tvbridge.core.model.OrderPrices;
import io.tvbridge.core.model.PlannedOrder;
import io.tvbridge.core.routing.BrokerHandle;
import io.tvbridge.core.settings.RiskSettings;
import io.tvbridge.core.store.OrderProgress;
import io.tvbridge.core.store.OrderRef;
import io.tvbridge.core.store.StoreRows;
import io.tvbridge.core.store.StoredOrder;
import io.tvbridge.core.store.mybatis.MyBatisStore;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sender against a broker whose acknowledgements the test gives: orders of different symbols
 * are in flight together, while a symbol's next order waits for the answer to the one before.
 */
@Timeout(30)
class OrderSubmitterTest {
    private static final Instant T0 = Instant.parse("2026-01-05T14:30:00Z");

    @TempDir
    Path folder;
    private final Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
    private final RecordingBroker broker = new RecordingBroker();
    private final RecordingBrokerListener ledger = new RecordingBrokerListener();
    /** The orders the sender announced as sent, in order. */
    private final List<ClientOrderId> marked = new CopyOnWriteArrayList<>();
    /** The broker's answers go to the recording listener, the marks of sent orders to {@link #marked}. */
    private final SendReports reports = new SendReports() {
        @Override
        public void submitted(List<Ledger.Marked> orders) {
            orders.forEach(order -> marked.add(order.clientOrderId()));
        }

        @Override
        public void onOrderUpdate(OrderUpdate update) {
            ledger.onOrderUpdate(update);
        }

        @Override
        public void onFill(io.tvbridge.broker.spi.model.Fill fill) {
            ledger.onFill(fill);
        }

        @Override
        public void onConnection(io.tvbridge.broker.spi.model.ConnectionEvent event) {
            ledger.onConnection(event);
        }
    };
    private final List<AutoCloseable> opened = new ArrayList<>();
    private MyBatisStore store;
    private long nextId = 1;

    @AfterEach
    void closeAll() throws Exception {
        broker.acknowledgeAll();
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
    }

    /** A sender with pace and cap as {@code settings} say (the pace off unless they say otherwise). */
    private OrderSubmitter sender(Map<String, String> settings) {
        store = MyBatisStore.openH2(folder, clock);
        opened.add(store);
        Map<String, String> values = new HashMap<>(Map.of("max_orders_per_second", "0"));
        values.putAll(settings);
        OrderSubmitter sender = new OrderSubmitter(new BrokerHandle("recording", "1", "", broker), store, reports,
                new BrokerCircuit("recording", 5, Duration.ofSeconds(30), clock), RiskSettings.of(values), clock,
                BridgeMetrics.NONE);
        opened.add(sender);
        return sender;
    }

    /** A market order of 1 {@code symbol}, stored as decided (NEW). */
    private StoredOrder order(String symbol, Side side, boolean opens) {
        long id = nextId++;
        PlannedOrder plan = new PlannedOrder(InstrumentRef.parse("NASDAQ:" + symbol), side, BigDecimal.ONE,
                OrderPrices.market(), Optional.empty(), Optional.empty(), Optional.empty(), TimeInForce.DAY, opens);
        StoredOrder order = StoredOrder.decided(OrderRef.of(id, ClientOrderId.of("tvb-test-" + id + "-1"), id,
                "recording", ""), plan, false, false, T0);
        store.inTransaction(session -> {
            session.insertSignal(StoreRows.signal(id, "a-" + id, "hash-" + id, T0));
            session.insertOrder(order);
            return null;
        });
        return order;
    }

    private StoredOrder entry(String symbol) {
        return order(symbol, Side.BUY, true);
    }

    /** Entries of 1 of each of {@code symbols}, stored and handed to {@code sender} in that order. */
    private List<StoredOrder> submitEntries(OrderSubmitter sender, String... symbols) {
        List<StoredOrder> orders = Arrays.stream(symbols).map(this::entry).toList();
        orders.forEach(sender::submit);
        return orders;
    }

    /** An entry of 1 {@code symbol} handed to {@code sender}, once the broker has it. */
    private StoredOrder sentEntry(OrderSubmitter sender, String symbol) throws InterruptedException {
        StoredOrder order = entry(symbol);
        sender.submit(order);
        broker.awaitCalls(calls -> calls.contains(sent(order)));
        return order;
    }

    private StoredOrder stored(StoredOrder order) {
        return store.inTransaction(session -> session.findOrder(order.clientOrderId())).orElseThrow();
    }

    private static String sent(StoredOrder order) {
        return "submit " + order.clientOrderId();
    }

    private OrderUpdate awaitUpdate(StoredOrder order, OrderStatus status) throws InterruptedException {
        return ledger.await(OrderUpdate.class, u -> u.clientOrderId().equals(order.clientOrderId())
                && u.status() == status, Duration.ofSeconds(10));
    }

    @Test
    void ordersOfDifferentSymbolsAreInFlightTogetherWhileASymbolsNextWaitsForTheAnswer() throws Exception {
        OrderSubmitter sender = sender(Map.of());
        List<StoredOrder> orders = submitEntries(sender, "AAPL", "MSFT", "AAPL", "IBM");
        StoredOrder aapl1 = orders.get(0);
        StoredOrder msft = orders.get(1);
        StoredOrder aapl2 = orders.get(2);
        StoredOrder ibm = orders.get(3);

        // IBM came after AAPL's second order: that it left first shows the second waits for the first's answer
        assertThat(broker.awaitCalls(calls -> calls.size() == 3))
                .containsExactly(sent(aapl1), sent(msft), sent(ibm));
        assertThat(sender.pending()).isEqualTo(4);

        broker.acknowledge(msft.clientOrderId());
        awaitUpdate(msft, OrderStatus.ACCEPTED);
        assertThat(broker.calls()).as("MSFT's answer frees only MSFT's lane").hasSize(3);

        broker.acknowledge(aapl1.clientOrderId());
        assertThat(broker.awaitCalls(calls -> calls.size() == 4)).last().isEqualTo(sent(aapl2));
        assertThat(ledger.all(OrderUpdate.class)).extracting(OrderUpdate::clientOrderId)
                .as("AAPL's first order is accepted before its second is sent")
                .containsExactly(msft.clientOrderId(), aapl1.clientOrderId());

        broker.acknowledge(aapl2.clientOrderId());
        broker.acknowledge(ibm.clientOrderId());
        awaitUpdate(aapl2, OrderStatus.ACCEPTED);
        awaitUpdate(ibm, OrderStatus.ACCEPTED);
        assertThat(broker.calls()).hasSize(4);
    }

    @Test
    void theEngineIsToldOfAnOrderBeforeItIsHandedToTheBrokerAndNothingWaitsForACommit() throws Exception {
        List<ClientOrderId> markedAtSend = new ArrayList<>();
        broker.beforeSend(request -> markedAtSend.add(marked.contains(request.clientOrderId())
                ? request.clientOrderId() : ClientOrderId.of("not-marked-" + request.clientOrderId().value())));
        OrderSubmitter sender = sender(Map.of());
        List<StoredOrder> orders = submitEntries(sender, "AAPL", "MSFT");

        broker.awaitCalls(calls -> calls.size() == 2);
        assertThat(markedAtSend).containsExactly(orders.get(0).clientOrderId(), orders.get(1).clientOrderId());
        assertThat(orders).as("the sender writes nothing: the engine marks them in its own commit")
                .allSatisfy(order -> assertThat(stored(order).phase()).isEqualTo(OrderPhase.NEW));
    }

    @Test
    void atAStartAnOrderLeftNewIsLookedUpAndNotSentAgainWhenTheBrokerHasIt() throws Exception {
        OrderSubmitter first = sender(Map.of());
        StoredOrder aapl = entry("AAPL");
        StoredOrder msft = entry("MSFT");
        broker.knows(aapl.clientOrderId(), OrderStatus.ACCEPTED);   // sent just before a crash

        first.recover();

        awaitUpdate(aapl, OrderStatus.ACCEPTED);
        List<String> calls = broker.awaitCalls(c -> c.contains(sent(msft)));
        assertThat(calls).containsExactlyInAnyOrder("lookup " + aapl.clientOrderId(),
                "lookup " + msft.clientOrderId(), sent(msft));
        assertThat(calls.indexOf("lookup " + msft.clientOrderId())).as("MSFT is looked up before it is sent")
                .isLessThan(calls.indexOf(sent(msft)));
        assertThat(marked).as("both are announced to the engine before the look-up decides")
                .contains(aapl.clientOrderId(), msft.clientOrderId());
    }

    @Test
    void aCancelFollowsItsOrdersSendInTheSymbolsLane() throws Exception {
        OrderSubmitter sender = sender(Map.of());
        StoredOrder aapl = entry("AAPL");
        sender.submit(aapl);
        sender.cancel(aapl);

        List<String> calls = broker.awaitCalls(c -> c.contains(sent(aapl)));
        assertThat(calls).as("the cancel waits for the answer to the send").doesNotContain("cancel " + aapl.clientOrderId());
        broker.acknowledgeAll();
        assertThat(broker.awaitCalls(c -> c.contains("cancel " + aapl.clientOrderId())))
                .containsSubsequence(sent(aapl), "cancel " + aapl.clientOrderId());
    }

    @Test
    void atAStartACancelAskedForIsSentAgainAndAnOrderThatNeverWentIsNotSent() throws Exception {
        OrderSubmitter first = sender(Map.of());
        StoredOrder aapl = cancelRequested(entry("AAPL"));
        StoredOrder msft = cancelRequested(entry("MSFT"));
        broker.knows(aapl.clientOrderId(), OrderStatus.ACCEPTED);   // sent, then a crash before its cancel went

        first.recover();

        OrderUpdate notSent = awaitUpdate(msft, OrderStatus.CANCELLED);
        assertThat(notSent.reason()).hasValueSatisfying(reason -> assertThat(reason).contains("it was not sent"));
        List<String> calls = broker.awaitCalls(c -> c.contains("cancel " + aapl.clientOrderId()));
        assertThat(calls).doesNotContain(sent(aapl), sent(msft), "cancel " + msft.clientOrderId());
        assertThat(calls).containsSubsequence("lookup " + aapl.clientOrderId(), "cancel " + aapl.clientOrderId());
    }

    /** {@code order} as the store holds it once a cancel alert asked for its cancel. */
    private StoredOrder cancelRequested(StoredOrder order) {
        StoredOrder asked = order.with(order.progress().cancelRequested(T0));
        store.inTransaction(session -> {
            session.saveProgress(asked.clientOrderId(), asked.progress());
            return null;
        });
        return stored(asked);
    }

    @Test
    void aRefusalRejectsTheOrderWithItsReasonAndFreesItsSymbol() throws Exception {
        List<StoredOrder> orders = submitEntries(sender(Map.of()), "AAPL", "AAPL");
        StoredOrder first = orders.get(0);
        StoredOrder second = orders.get(1);
        broker.awaitCalls(calls -> calls.size() == 1);

        broker.fail(first.clientOrderId(), new BrokerException(BrokerException.Kind.REJECTED, "no shorting today"));

        assertThat(awaitUpdate(first, OrderStatus.REJECTED).reason()).contains("no shorting today");
        assertThat(broker.awaitCalls(calls -> calls.size() == 2)).containsExactly(sent(first), sent(second));
    }

    @Test
    void anUnknownOutcomeIsLookedUpBeforeTheOrderIsSentAgainWhileOtherSymbolsGoOn() throws Exception {
        OrderSubmitter sender = sender(Map.of());
        List<StoredOrder> orders = submitEntries(sender, "AAPL", "AAPL");
        StoredOrder aapl = orders.get(0);
        StoredOrder aaplNext = orders.get(1);
        broker.awaitCalls(calls -> calls.size() == 1);

        broker.fail(aapl.clientOrderId(), new BrokerException(BrokerException.Kind.TIMEOUT, "no answer in time"));
        StoredOrder msft = entry("MSFT");
        sender.submit(msft);
        broker.awaitCalls(calls -> calls.contains(sent(msft)));
        broker.acknowledge(msft.clientOrderId());
        awaitUpdate(msft, OrderStatus.ACCEPTED);

        // the venue never got it (lookup finds nothing), so it goes again, after the pause for a retry
        List<String> calls = broker.awaitCalls(c -> c.size() == 4);
        assertThat(calls).containsExactly(sent(aapl), sent(msft), "lookup " + aapl.clientOrderId(), sent(aapl));
        broker.acknowledge(aapl.clientOrderId());
        awaitUpdate(aapl, OrderStatus.ACCEPTED);
        assertThat(broker.awaitCalls(c -> c.size() == 5)).last().isEqualTo(sent(aaplNext));
    }

    @Test
    void anOrderTheVenueGotDespiteAnUnknownOutcomeIsNotSentAgain() throws Exception {
        OrderSubmitter sender = sender(Map.of());
        StoredOrder aapl = sentEntry(sender, "AAPL");
        broker.knows(aapl.clientOrderId(), OrderStatus.ACCEPTED);

        broker.fail(aapl.clientOrderId(), new BrokerException(BrokerException.Kind.UNAVAILABLE, "connection lost"));

        awaitUpdate(aapl, OrderStatus.ACCEPTED);
        assertThat(broker.calls()).containsExactly(sent(aapl), "lookup " + aapl.clientOrderId());
    }

    @Test
    void ordersInFlightCountAgainstTheCapOnOutstandingOrdersButExitsDoNot() throws Exception {
        OrderSubmitter sender = sender(Map.of("max_outstanding_orders", "1"));
        StoredOrder aapl = sentEntry(sender, "AAPL");
        StoredOrder msft = entry("MSFT");
        StoredOrder ibmExit = order("IBM", Side.SELL, false);
        sender.submit(msft);
        sender.submit(ibmExit);

        assertThat(broker.awaitCalls(calls -> calls.size() == 2)).containsExactly(sent(aapl), sent(ibmExit));
        broker.acknowledge(aapl.clientOrderId());
        awaitUpdate(aapl, OrderStatus.ACCEPTED);
        assertThat(sender.outstanding()).as("AAPL and the exit work at the broker").isEqualTo(2);
        assertThat(broker.calls()).hasSize(2);

        sender.orderChanged(withPhase(aapl, OrderPhase.FILLED));
        sender.orderChanged(withPhase(ibmExit, OrderPhase.FILLED));
        assertThat(broker.awaitCalls(calls -> calls.size() == 3)).last().isEqualTo(sent(msft));
    }

    @Test
    void closingWaitsForTheAnswersOfOrdersInFlight() throws Exception {
        OrderSubmitter sender = sender(Map.of());
        StoredOrder aapl = sentEntry(sender, "AAPL");

        CompletableFuture<Void> closed = CompletableFuture.runAsync(() -> sender.close(Duration.ofSeconds(10)));
        broker.acknowledge(aapl.clientOrderId());
        closed.get();

        assertThat(ledger.all(OrderUpdate.class)).extracting(OrderUpdate::status).containsExactly(OrderStatus.ACCEPTED);
        assertThat(sender.pending()).isZero();
    }

    private static StoredOrder withPhase(StoredOrder o, OrderPhase phase) {
        OrderProgress p = o.progress();
        return o.with(new OrderProgress(phase, p.multiplier(), p.brokerOrderId(), p.filledQuantity(),
                p.averageFillPrice(), p.reason(), p.submittedAt(), p.updatedAt(), p.cancelRequestedAt()));
    }
}

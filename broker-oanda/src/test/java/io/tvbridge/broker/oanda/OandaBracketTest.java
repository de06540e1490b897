package io.tvbridge.broker.oanda;

import static org.assertj.core.api.Assertions.assertThat;

import io.tvbridge.broker.oanda.fake.FakeOandaServer;
import io.tvbridge.broker.oanda.fake.OandaFixtures;
import io.tvbridge.broker.spi.Broker;
import io.tvbridge.broker.spi.BrokerConfig;
import io.tvbridge.broker.spi.BrokerException;
import io.tvbridge.broker.spi.model.ClientOrderId;
import io.tvbridge.broker.spi.model.Fill;
import io.tvbridge.broker.spi.model.InstrumentRef;
import io.tvbridge.broker.spi.model.OrderRequest;
import io.tvbridge.broker.spi.model.OrderState;
import io.tvbridge.broker.spi.model.OrderStatus;
import io.tvbridge.broker.spi.model.OrderType;
import io.tvbridge.broker.spi.model.OrderUpdate;
import io.tvbridge.broker.spi.model.Side;
import io.tvbridge.broker.spi.model.TimeInForce;
import io.tvbridge.broker.spi.tck.RecordingBrokerListener;
import io.tvbridge.broker.spi.tck.TestBrokerContext;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Take-profit and stop-loss on fill against the stateful fake account: OANDA attaches them to the
 * trade, and the broker reports them as orders of their own, {@code <entry>.tp} and
 * {@code <entry>.sl}, across a restart too.
 */
@Timeout(60)
class OandaBracketTest {
    private static final ClientOrderId ENTRY = ClientOrderId.of("tvb-bracket-1-1");
    private static final ClientOrderId TAKE_PROFIT = ClientOrderId.of("tvb-bracket-1-1.tp");
    private static final ClientOrderId STOP_LOSS = ClientOrderId.of("tvb-bracket-1-1.sl");

    @TempDir
    Path state;
    private final FakeOandaServer oanda = new FakeOandaServer();
    private final List<Broker> brokers = new ArrayList<>();

    @AfterEach
    void stop() {
        brokers.forEach(Broker::close);
        oanda.close();
    }

    private Broker connect(RecordingBrokerListener events) throws BrokerException {
        Map<String, String> config = Map.of("token", FakeOandaServer.TOKEN, "account-id", OandaFixtures.ACCOUNT,
                "api-url", oanda.url(), "stream-url", oanda.url(), "poll-interval", "0.05", "request-timeout", "2");
        Broker broker = new OandaBrokerFactory().create(new BrokerConfig("oanda", config, OandaConfig.KEYS),
                new TestBrokerContext(Clock.systemUTC(), events, state));
        brokers.add(broker);
        broker.connect();
        return broker;
    }

    private void buyWithBracket(Broker broker) throws BrokerException {
        oanda.account().setPrice("EURUSD", new BigDecimal("1.10000"));
        broker.submit(new OrderRequest(ENTRY, broker.resolve(InstrumentRef.parse("FX:EURUSD")), Side.BUY,
                new BigDecimal("1000"), OrderType.MARKET, Optional.empty(), Optional.empty(), Optional.empty(),
                TimeInForce.DAY, false, Optional.empty(), Optional.of(new BigDecimal("1.10500")),
                Optional.of(new BigDecimal("1.09500")), Optional.empty()));
    }

    private static OrderUpdate await(RecordingBrokerListener events, ClientOrderId id, OrderStatus status)
            throws InterruptedException {
        return events.await(OrderUpdate.class, u -> u.clientOrderId().equals(id) && u.status() == status);
    }

    @Test
    void theTakeProfitFillsAndTheStopLossIsCancelledWithTheTrade() throws Exception {
        RecordingBrokerListener events = new RecordingBrokerListener();
        Broker broker = connect(events);
        buyWithBracket(broker);
        await(events, ENTRY, OrderStatus.FILLED);
        await(events, TAKE_PROFIT, OrderStatus.ACCEPTED);
        await(events, STOP_LOSS, OrderStatus.ACCEPTED);
        assertThat(broker.openOrders()).extracting(OrderState::clientOrderId)
                .containsExactlyInAnyOrder(TAKE_PROFIT, STOP_LOSS);

        oanda.account().setPrice("EURUSD", new BigDecimal("1.10600"));   // the bid passes the take-profit

        await(events, TAKE_PROFIT, OrderStatus.FILLED);
        OrderUpdate cancelled = await(events, STOP_LOSS, OrderStatus.CANCELLED);
        assertThat(cancelled.reason()).contains("LINKED_TRADE_CLOSED (the trade it was attached to was closed)");
        Fill exit = events.await(Fill.class, f -> f.clientOrderId().equals(TAKE_PROFIT));
        assertThat(exit.side()).isEqualTo(Side.SELL);
        assertThat(exit.quantity()).isEqualByComparingTo("1000");
        assertThat(exit.price()).isEqualByComparingTo("1.10590");
        assertThat(broker.positions()).isEmpty();
        assertThat(broker.openOrders()).isEmpty();
    }

    @Test
    void aNewBrokerKnowsTheExitsOfATradeOpenedBeforeItStarted() throws Exception {
        RecordingBrokerListener before = new RecordingBrokerListener();
        Broker first = connect(before);
        buyWithBracket(first);
        await(before, STOP_LOSS, OrderStatus.ACCEPTED);
        first.close();

        RecordingBrokerListener after = new RecordingBrokerListener();
        Broker restarted = connect(after);
        assertThat(restarted.lookup(STOP_LOSS)).hasValueSatisfying(order -> {
            assertThat(order.status()).isEqualTo(OrderStatus.ACCEPTED);
            assertThat(order.side()).isEqualTo(Side.SELL);
            assertThat(order.quantity()).isEqualByComparingTo("1000");
            assertThat(order.stopPrice()).contains(new BigDecimal("1.09500"));
            assertThat(order.symbol()).isEqualTo("EURUSD");
        });

        oanda.account().setPrice("EURUSD", new BigDecimal("1.09400"));   // the bid falls through the stop

        await(after, STOP_LOSS, OrderStatus.FILLED);
        await(after, TAKE_PROFIT, OrderStatus.CANCELLED);
        assertThat(after.all(Fill.class)).singleElement().satisfies(fill -> {
            assertThat(fill.clientOrderId()).isEqualTo(STOP_LOSS);
            assertThat(fill.quantity()).isEqualByComparingTo("1000");
        });
        assertThat(restarted.executions(STOP_LOSS)).extracting(Fill::clientOrderId).containsExactly(STOP_LOSS);
    }
}

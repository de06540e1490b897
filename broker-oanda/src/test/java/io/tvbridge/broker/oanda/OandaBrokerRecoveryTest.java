package io.tvbridge.broker.oanda;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.tvbridge.broker.oanda.OandaStubs.ACCOUNT;
import static io.tvbridge.broker.oanda.OandaStubs.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.http.Fault;
import io.tvbridge.broker.spi.BrokerException;
import io.tvbridge.broker.spi.model.ClientOrderId;
import io.tvbridge.broker.spi.model.ConnectionEvent;
import io.tvbridge.broker.spi.model.Fill;
import io.tvbridge.broker.spi.model.InstrumentRef;
import io.tvbridge.broker.spi.model.OrderAck;
import io.tvbridge.broker.spi.model.OrderRequest;
import io.tvbridge.broker.spi.model.OrderStatus;
import io.tvbridge.broker.spi.model.OrderUpdate;
import io.tvbridge.broker.spi.model.Side;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Refused credentials, rate limits, failures, and orders whose answer was lost. */
@Timeout(30)
class OandaBrokerRecoveryTest {
    private static final ClientOrderId ID = ClientOrderId.of("tvb-test-1");

    @TempDir
    Path state;
    private OandaStubs oanda;
    private final List<String> logged = new ArrayList<>();
    private final Handler recorder = new Handler() {
        @Override
        public void publish(LogRecord record) {
            synchronized (logged) {
                logged.add(new SimpleFormatter().formatMessage(record)
                        + (record.getThrown() == null ? "" : " " + record.getThrown()));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void start() {
        oanda = new OandaStubs(state);
        Logger.getLogger("io.tvbridge.broker.oanda").addHandler(recorder);
        Logger.getLogger("io.tvbridge.broker.oanda").setLevel(Level.ALL);
    }

    @AfterEach
    void stop() {
        oanda.close();
        Logger.getLogger("io.tvbridge.broker.oanda").removeHandler(recorder);
        synchronized (logged) {
            assertThat(logged).as("no log line shows the token").noneMatch(line -> line.contains(OandaStubs.TOKEN));
        }
    }

    private OrderRequest buy(OandaBroker broker) throws BrokerException {
        return OrderRequest.market(ID, broker.resolve(InstrumentRef.parse("EURUSD")), Side.BUY, new BigDecimal("10000"));
    }

    @Test
    void aTokenOandaRefusesAtStartIsAnAuthenticationErrorNamingOandaToken() throws BrokerException {
        oanda.answer(get(ACCOUNT + "/summary"), 401, "error-unauthorized");
        OandaBroker broker = oanda.broker();

        BrokerException refused = catchThrowableOfType(BrokerException.class, broker::connect);

        assertThat(refused.kind()).isEqualTo(BrokerException.Kind.AUTHENTICATION);
        assertThat(refused.getMessage()).contains("OANDA_TOKEN").contains("401")
                .contains("Insufficient authorization to perform request.").doesNotContain(OandaStubs.TOKEN);
        assertThat(broker.health().connected()).isFalse();
        assertThat(broker.toString() + broker.health()).doesNotContain(OandaStubs.TOKEN);
    }

    @Test
    void anAccountTheTokenMayNotUseIsAnAuthenticationErrorNamingOandaAccountId() throws BrokerException {
        String other = "101-004-8765432-009";
        oanda.answer(get("/v3/accounts/" + other + "/summary"), 403, "error-forbidden");
        oanda.answer(get("/v3/accounts"), 200, "accounts");
        OandaBroker broker = oanda.broker("account-id", other);

        BrokerException refused = catchThrowableOfType(BrokerException.class, broker::connect);

        assertThat(refused.kind()).isEqualTo(BrokerException.Kind.AUTHENTICATION);
        assertThat(refused.getMessage()).contains("OANDA_ACCOUNT_ID " + other)
                .contains("it may use: 101-004-8765432-001, 101-004-8765432-002");
    }

    @Test
    void anUnreachableOandaAtStartIsRetriedInTheBackground() throws Exception {
        oanda.wireMock.stubFor(get(ACCOUNT + "/summary").inScenario("start").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        oanda.wireMock.stubFor(get(ACCOUNT + "/summary").inScenario("start").whenScenarioStateIs("up")
                .willReturn(json(200, "summary")));
        OandaBroker broker = oanda.broker("retries", "0");

        broker.connect();   // returns: the broker keeps trying

        oanda.events.await(ConnectionEvent.class, ConnectionEvent::connected);
        assertThat(oanda.events.all(ConnectionEvent.class)).extracting(ConnectionEvent::connected)
                .containsExactly(false, true);
        assertThat(broker.health().connected()).isTrue();
    }

    @Test
    void aRateLimitedOrderIsSentAgainAfterRetryAfterAndPlacedOnce() throws Exception {
        OandaBroker broker = oanda.connected();
        oanda.wireMock.stubFor(post(ACCOUNT + "/orders").inScenario("rate").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2")).willSetStateTo("calm"));
        oanda.wireMock.stubFor(post(ACCOUNT + "/orders").inScenario("rate").whenScenarioStateIs("calm")
                .willReturn(json(201, "order-market-filled")));

        OrderAck ack = broker.submit(buy(broker));

        assertThat(ack.status()).isEqualTo(OrderStatus.FILLED);
        oanda.wireMock.verify(2, postRequestedFor(urlEqualTo(ACCOUNT + "/orders")));
        assertThat(oanda.pauses).containsExactly(Duration.ofSeconds(2));
    }

    @Test
    void aFailingReadIsTriedAgainWithGrowingPauses() throws Exception {
        OandaBroker broker = oanda.connected();
        oanda.wireMock.stubFor(get(ACCOUNT + "/summary").inScenario("flaky").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("second"));
        oanda.wireMock.stubFor(get(ACCOUNT + "/summary").inScenario("flaky").whenScenarioStateIs("second")
                .willReturn(aResponse().withStatus(502)).willSetStateTo("healthy"));
        oanda.wireMock.stubFor(get(ACCOUNT + "/summary").inScenario("flaky").whenScenarioStateIs("healthy")
                .willReturn(json(200, "summary")));

        assertThat(broker.account().currency()).isEqualTo("USD");

        assertThat(oanda.pauses).hasSize(2);
        assertThat(oanda.pauses.get(0)).isBetween(Duration.ofMillis(200), Duration.ofMillis(300));
        assertThat(oanda.pauses.get(1)).isBetween(Duration.ofMillis(400), Duration.ofMillis(600));
    }

    @Test
    void aReadThatKeepsFailingSaysOandaIsUnavailable() throws Exception {
        OandaBroker broker = oanda.connected();
        oanda.wireMock.stubFor(get(ACCOUNT + "/summary").willReturn(aResponse().withStatus(503)));
        BrokerException failed = catchThrowableOfType(BrokerException.class, broker::account);
        assertThat(failed.kind()).isEqualTo(BrokerException.Kind.UNAVAILABLE);
        assertThat(failed.retryable()).isTrue();
        oanda.wireMock.verify(1 + 2 + 1, getRequestedFor(urlEqualTo(ACCOUNT + "/summary")));
    }

    @Test
    void anOrderWhoseAnswerTimedOutIsFoundInTheTransactionsAndNotSentAgain() throws Exception {
        OandaBroker broker = oanda.connected("poll-interval", "60");
        awaitPolls(1);   // the poller's first look, at start; the next is a minute away
        oanda.wireMock.stubFor(post(ACCOUNT + "/orders").willReturn(json(201, "order-market-filled")
                .withFixedDelay(3_000)));
        oanda.history("6409", "transactions-since-market-fill");

        OrderAck ack = broker.submit(buy(broker));

        assertThat(ack.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(ack.brokerOrderId()).isEqualTo("6410");
        oanda.wireMock.verify(1, postRequestedFor(urlEqualTo(ACCOUNT + "/orders")));
        oanda.wireMock.verify(2, getRequestedFor(urlEqualTo(ACCOUNT + "/transactions/sinceid?id=6409")));
        oanda.events.await(OrderUpdate.class, u -> u.status() == OrderStatus.FILLED);
        assertThat(oanda.events.all(Fill.class)).as("one fill, whoever read it first").singleElement()
                .satisfies(fill -> assertThat(fill.executionId()).isEqualTo("6411"));
    }

    private void awaitPolls(int count) throws InterruptedException {
        while (oanda.wireMock.findAll(getRequestedFor(urlPathEqualTo(ACCOUNT + "/transactions/sinceid"))).size()
                < count) {
            Thread.sleep(10);
        }
    }

    @Test
    void anOrderWhoseAnswerWasLostAndThatNeverArrivedIsSentAgain() throws Exception {
        OandaBroker broker = oanda.connected();
        oanda.wireMock.stubFor(post(ACCOUNT + "/orders").inScenario("lost").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("retry"));
        oanda.wireMock.stubFor(post(ACCOUNT + "/orders").inScenario("lost").whenScenarioStateIs("retry")
                .willReturn(json(201, "order-market-filled")));

        OrderAck ack = broker.submit(buy(broker));

        assertThat(ack.status()).isEqualTo(OrderStatus.FILLED);
        oanda.wireMock.verify(2, postRequestedFor(urlEqualTo(ACCOUNT + "/orders")));
        oanda.wireMock.verify(getRequestedFor(urlPathEqualTo(ACCOUNT + "/transactions/sinceid")));
    }

    @Test
    void whenTheOutcomeCannotBeLearnedSubmitSaysTimeoutAndALaterLookupFindsTheOrder() throws Exception {
        OandaBroker broker = oanda.connected();
        oanda.wireMock.stubFor(post(ACCOUNT + "/orders").willReturn(json(201, "order-market-filled")
                .withFixedDelay(3_000)));
        oanda.wireMock.stubFor(get(urlPathEqualTo(ACCOUNT + "/transactions/sinceid")).atPriority(1)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        BrokerException unknown = catchThrowableOfType(BrokerException.class, () -> broker.submit(buy(broker)));

        assertThat(unknown.kind()).isEqualTo(BrokerException.Kind.TIMEOUT);
        assertThat(unknown.outcomeUnknown()).isTrue();
        assertThat(unknown.getMessage()).contains("outcome of order tvb-test-1 is unknown");
        oanda.wireMock.verify(1, postRequestedFor(urlEqualTo(ACCOUNT + "/orders")));

        // OANDA answers again: the order is there, filled
        oanda.wireMock.resetScenarios();
        oanda.wireMock.removeStub(oanda.wireMock.getStubMappings().stream()
                .filter(stub -> stub.getPriority() != null && stub.getPriority() == 1).findFirst().orElseThrow());
        oanda.answer(get(ACCOUNT + "/orders/@tvb-test-1"), 200, "order-lookup-filled");
        oanda.answer(get(ACCOUNT + "/transactions/6411"), 200, "transaction-6411-fill");
        assertThat(broker.lookup(ID)).hasValueSatisfying(order -> {
            assertThat(order.status()).isEqualTo(OrderStatus.FILLED);
            assertThat(order.filledQuantity()).isEqualByComparingTo("10000");
            assertThat(order.averageFillPrice()).contains(new BigDecimal("1.08452"));
            assertThat(order.brokerOrderId()).isEqualTo("6410");
        });
        assertThat(broker.executions(ID)).extracting(Fill::executionId).containsExactly("6411");
        oanda.wireMock.verify(1, postRequestedFor(urlEqualTo(ACCOUNT + "/orders")));
    }

    @Test
    void aLostConnectionIsReportedAndSoIsItsReturn() throws Exception {
        OandaBroker broker = oanda.connected();
        oanda.events.await(ConnectionEvent.class, ConnectionEvent::connected);
        oanda.wireMock.stubFor(get(urlPathEqualTo(ACCOUNT + "/transactions/sinceid")).atPriority(1)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        oanda.events.await(ConnectionEvent.class, event -> !event.connected());
        assertThat(broker.health().connected()).isFalse();
        assertThat(broker.health().details().get("last_error")).contains("sinceid");

        oanda.wireMock.removeStub(oanda.wireMock.getStubMappings().stream()
                .filter(stub -> stub.getPriority() != null && stub.getPriority() == 1).findFirst().orElseThrow());
        oanda.events.await(ConnectionEvent.class, event -> event.connected()
                && oanda.events.all(ConnectionEvent.class).size() == 3);
        assertThat(oanda.events.all(ConnectionEvent.class)).extracting(ConnectionEvent::connected)
                .containsExactly(true, false, true);
        assertThat(broker.health().details()).doesNotContainKey("last_error")
                .containsEntry("environment", "practice").containsEntry("currency", "USD")
                .containsKey("last_call_latency_ms");
    }
}

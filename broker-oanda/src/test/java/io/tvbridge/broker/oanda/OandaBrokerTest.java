package io.tvbridge.broker.oanda;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.tvbridge.broker.oanda.OandaStubs.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tvbridge.broker.oanda.fake.OandaFixtures;
import io.tvbridge.broker.spi.BrokerException;
import io.tvbridge.broker.spi.model.AccountSnapshot;
import io.tvbridge.broker.spi.model.AssetClass;
import io.tvbridge.broker.spi.model.ClientOrderId;
import io.tvbridge.broker.spi.model.ConversionRates;
import io.tvbridge.broker.spi.model.Fill;
import io.tvbridge.broker.spi.model.Instrument;
import io.tvbridge.broker.spi.model.InstrumentRef;
import io.tvbridge.broker.spi.model.OrderAck;
import io.tvbridge.broker.spi.model.OrderRequest;
import io.tvbridge.broker.spi.model.OrderStatus;
import io.tvbridge.broker.spi.model.OrderType;
import io.tvbridge.broker.spi.model.OrderUpdate;
import io.tvbridge.broker.spi.model.Position;
import io.tvbridge.broker.spi.model.Side;
import io.tvbridge.broker.spi.model.TimeInForce;
import io.tvbridge.broker.spi.model.TrailingStop;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Each kind of order, its exact JSON, and what OANDA's recorded answers turn into. */
@Timeout(30)
class OandaBrokerTest {
    private static final Instant FILLED_AT = Instant.parse("2025-03-12T14:03:27.318246911Z");

    @TempDir
    Path state;
    private OandaStubs oanda;
    private OandaBroker broker;

    @BeforeEach
    void connect() throws BrokerException {
        oanda = new OandaStubs(state);
        broker = oanda.connected();
    }

    @AfterEach
    void stop() {
        oanda.close();
    }

    private Instrument instrument(String symbol) throws BrokerException {
        return broker.resolve(InstrumentRef.parse(symbol));
    }

    private OrderRequest order(String id, String symbol, Side side, String quantity, OrderType type,
                               Optional<BigDecimal> price, Optional<BigDecimal> takeProfit,
                               Optional<BigDecimal> stopLoss, Optional<TrailingStop> trailing) throws BrokerException {
        return new OrderRequest(ClientOrderId.of(id), instrument(symbol), side, new BigDecimal(quantity), type,
                type == OrderType.LIMIT ? price : Optional.empty(), type == OrderType.STOP ? price : Optional.empty(),
                trailing, type == OrderType.MARKET ? TimeInForce.DAY : TimeInForce.GTC, false, Optional.empty(),
                takeProfit, stopLoss, Optional.empty());
    }

    private OrderRequest market(String id, String symbol, Side side, String quantity) throws BrokerException {
        return order(id, symbol, side, quantity, OrderType.MARKET, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    /** The resting gold sell of the recorded replies: 2 units at 2935.5, with a take-profit when asked. */
    private OrderRequest goldLimitSell(Optional<BigDecimal> takeProfit) throws BrokerException {
        return order("tvb-test-2", "XAUUSD", Side.SELL, "2", OrderType.LIMIT, Optional.of(new BigDecimal("2935.5")),
                takeProfit, Optional.empty(), Optional.empty());
    }

    @Test
    void conversionRatesAreOandasHomeConversionFactorsFromThePricing() throws Exception {
        oanda.wireMock.stubFor(get(urlPathEqualTo(OandaStubs.ACCOUNT + "/pricing"))
                .withQueryParam("instruments", equalTo("GBP_JPY"))
                .withQueryParam("includeHomeConversions", equalTo("true"))
                .willReturn(OandaStubs.json(200, "pricing-home-conversions")));

        Instrument pair = instrument("GBPJPY");
        assertThat(pair.currency()).isEqualTo("JPY");
        assertThat(pair.marginRate()).contains(new BigDecimal("0.0333"));
        ConversionRates rates = broker.conversionRates("USD", Set.of("JPY", "USD"));

        assertThat(rates.accountCurrency()).isEqualTo("USD");
        assertThat(rates.factor("JPY")).contains(new BigDecimal("0.00660036"));
        assertThat(rates.factor("GBP")).as("OANDA lists the pair's other currency too").contains(
                new BigDecimal("1.27395"));
        assertThat(rates.factor("USD")).contains(BigDecimal.ONE);
        assertThat(rates.asOf()).isEqualTo(OandaStubs.CLOCK.instant());
        oanda.wireMock.verify(1, getRequestedFor(urlPathEqualTo(OandaStubs.ACCOUNT + "/pricing")));
    }

    @Test
    void aCurrencyNoInstrumentIsPricedInGetsNoFactorAndNoCall() throws Exception {
        ConversionRates rates = broker.conversionRates("USD", Set.of("USD", "CHF"));
        assertThat(rates.factors()).isEmpty();
        assertThat(rates.factor("CHF")).isEmpty();
        oanda.wireMock.verify(0, getRequestedFor(urlPathEqualTo(OandaStubs.ACCOUNT + "/pricing")));
    }

    @Test
    void aMarketOrderWithExitsOnFillIsSentAsOandasJsonAndItsFillIsReported() throws Exception {
        oanda.answer(post(ACCOUNT + "/orders"), 201, "order-market-filled");

        OrderAck ack = broker.submit(order("tvb-test-1", "FX:EURUSD", Side.BUY, "10000", OrderType.MARKET,
                Optional.empty(), Optional.of(new BigDecimal("1.092")), Optional.of(new BigDecimal("1.08")),
                Optional.empty()));

        oanda.wireMock.verify(postRequestedFor(urlEqualTo(ACCOUNT + "/orders"))
                .withHeader("Authorization", equalTo("Bearer " + OandaStubs.TOKEN))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("Accept-Datetime-Format", equalTo("RFC3339"))
                .withRequestBody(equalToJson("""
                        {"order": {"type": "MARKET", "instrument": "EUR_USD", "units": "10000", "timeInForce": "FOK",
                         "positionFill": "DEFAULT", "clientExtensions": {"id": "tvb-test-1", "tag": "tvbridge"},
                         "tradeClientExtensions": {"id": "tvb-test-1", "tag": "tvbridge"},
                         "takeProfitOnFill": {"price": "1.09200", "timeInForce": "GTC",
                                              "clientExtensions": {"id": "tvb-test-1.tp", "tag": "tvbridge"}},
                         "stopLossOnFill": {"price": "1.08000", "timeInForce": "GTC",
                                            "clientExtensions": {"id": "tvb-test-1.sl", "tag": "tvbridge"}}}}""")));
        assertEquals(new OrderAck(ClientOrderId.of("tvb-test-1"), "6410", OrderStatus.FILLED, false,
                OandaStubs.CLOCK.instant()), ack);
        oanda.events.await(OrderUpdate.class, u -> u.status() == OrderStatus.FILLED);
        assertEquals(List.of(
                new Fill(ClientOrderId.of("tvb-test-1"), "6411", "EURUSD", Side.BUY, new BigDecimal("10000"),
                        new BigDecimal("1.08452"), new BigDecimal("0.0000"), "USD", FILLED_AT),
                new OrderUpdate(ClientOrderId.of("tvb-test-1"), Optional.of("6410"), OrderStatus.FILLED,
                        new BigDecimal("10000"), Optional.of(new BigDecimal("1.08452")), Optional.empty(), FILLED_AT)),
                oanda.orderEvents());
    }

    @Test
    void aLimitSellRestsAsNegativeUnitsAndItsLaterFillArrivesFromTheTransactions() throws Exception {
        oanda.answer(post(ACCOUNT + "/orders"), 201, "order-limit-pending");

        OrderAck ack = broker.submit(order("tvb-test-2", "OANDA:XAUUSD", Side.SELL, "2", OrderType.LIMIT,
                Optional.of(new BigDecimal("2935.5")), Optional.of(new BigDecimal("2890")), Optional.empty(),
                Optional.empty()));

        oanda.wireMock.verify(postRequestedFor(urlEqualTo(ACCOUNT + "/orders")).withRequestBody(equalToJson("""
                {"order": {"type": "LIMIT", "instrument": "XAU_USD", "units": "-2", "price": "2935.500",
                 "timeInForce": "GTC", "positionFill": "DEFAULT",
                 "clientExtensions": {"id": "tvb-test-2", "tag": "tvbridge"},
                 "tradeClientExtensions": {"id": "tvb-test-2", "tag": "tvbridge"},
                 "takeProfitOnFill": {"price": "2890.000", "timeInForce": "GTC",
                                      "clientExtensions": {"id": "tvb-test-2.tp", "tag": "tvbridge"}}}}""")));
        assertThat(ack.status()).isEqualTo(OrderStatus.ACCEPTED);
        assertThat(ack.brokerOrderId()).isEqualTo("6420");

        oanda.history("6409", "transactions-limit-filled");   // the market reaches the limit later
        oanda.events.await(OrderUpdate.class, u -> u.clientOrderId().value().equals("tvb-test-2.tp"));
        Instant filledAt = Instant.parse("2025-03-13T10:12:44.120034551Z");
        assertEquals(List.of(
                new OrderUpdate(ClientOrderId.of("tvb-test-2"), Optional.of("6420"), OrderStatus.ACCEPTED,
                        BigDecimal.ZERO, Optional.empty(), Optional.empty(),
                        Instant.parse("2025-03-13T08:41:05.551029400Z")),
                new Fill(ClientOrderId.of("tvb-test-2"), "6421", "XAUUSD", Side.SELL, new BigDecimal("2"),
                        new BigDecimal("2935.610"), new BigDecimal("0.0000"), "USD", filledAt),
                new OrderUpdate(ClientOrderId.of("tvb-test-2"), Optional.of("6420"), OrderStatus.FILLED,
                        new BigDecimal("2"), Optional.of(new BigDecimal("2935.61")), Optional.empty(), filledAt),
                new OrderUpdate(ClientOrderId.of("tvb-test-2.tp"), Optional.of("6422"), OrderStatus.ACCEPTED,
                        BigDecimal.ZERO, Optional.empty(), Optional.empty(), filledAt)),
                oanda.orderEvents());
        assertThat(broker.health().details()).containsEntry("last_transaction_id", "6423");
    }

    @Test
    void aTakeProfitAttachedOnFillIsReportedAsAnOrderOfItsOwn() throws Exception {
        oanda.answer(post(ACCOUNT + "/orders"), 201, "order-limit-pending");
        broker.submit(goldLimitSell(Optional.of(new BigDecimal("2890"))));
        oanda.history("6409", "transactions-limit-filled");
        ClientOrderId takeProfit = ClientOrderId.of("tvb-test-2.tp");
        oanda.events.await(OrderUpdate.class, u -> u.clientOrderId().equals(takeProfit));
        assertThat(broker.lookup(takeProfit)).hasValueSatisfying(order -> {
            assertThat(order.side()).isEqualTo(Side.BUY);
            assertThat(order.quantity()).isEqualByComparingTo("2");
            assertThat(order.type()).isEqualTo(OrderType.LIMIT);
            assertThat(order.limitPrice()).contains(new BigDecimal("2890.000"));
        });

        oanda.history("6423", "transactions-take-profit-filled");   // gold falls to the take-profit
        OrderUpdate filled = oanda.events.await(OrderUpdate.class, u -> u.clientOrderId().equals(takeProfit)
                && u.status() == OrderStatus.FILLED);
        Instant closedAt = Instant.parse("2025-03-14T07:31:09.774120006Z");
        assertThat(oanda.events.all(Fill.class)).contains(new Fill(takeProfit, "6424", "XAUUSD", Side.BUY,
                new BigDecimal("2"), new BigDecimal("2890.000"), new BigDecimal("0.0000"), "USD", closedAt));
        assertThat(filled.filledQuantity()).isEqualByComparingTo("2");
    }

    @Test
    void aTransactionOnTheStreamMakesTheBrokerReadTheHistoryAtOnce() throws Exception {
        OandaBroker listening = oanda.connected("poll-interval", "60");
        oanda.answer(post(ACCOUNT + "/orders"), 201, "order-limit-pending");
        listening.submit(goldLimitSell(Optional.empty()));
        oanda.history("6409", "transactions-limit-filled");

        // the next poll is a minute away, but the stream tells of the fill
        oanda.wireMock.stubFor(get(ACCOUNT + "/transactions/stream").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/octet-stream")
                .withBody(OandaFixtures.lines("transactions-stream"))));

        Fill fill = oanda.events.await(Fill.class, f -> f.executionId().equals("6421"));
        assertThat(fill.side()).isEqualTo(Side.SELL);
        oanda.wireMock.verify(getRequestedFor(urlEqualTo(ACCOUNT + "/transactions/stream"))
                .withHeader("Authorization", equalTo("Bearer " + OandaStubs.TOKEN)));
    }

    @Test
    void aStopOrderCarriesATrailingStopForTheTradeItOpens() throws Exception {
        oanda.answer(post(ACCOUNT + "/orders"), 201, "order-stop-pending");

        OrderAck ack = broker.submit(order("tvb-test-5", "EUR/USD", Side.BUY, "25000", OrderType.STOP,
                Optional.of(new BigDecimal("1.09")), Optional.empty(), Optional.empty(),
                Optional.of(TrailingStop.amount(new BigDecimal("0.0015")))));

        oanda.wireMock.verify(postRequestedFor(urlEqualTo(ACCOUNT + "/orders")).withRequestBody(equalToJson("""
                {"order": {"type": "STOP", "instrument": "EUR_USD", "units": "25000", "price": "1.09000",
                 "timeInForce": "GTC", "positionFill": "DEFAULT",
                 "clientExtensions": {"id": "tvb-test-5", "tag": "tvbridge"},
                 "tradeClientExtensions": {"id": "tvb-test-5", "tag": "tvbridge"},
                 "trailingStopLossOnFill": {"distance": "0.00150", "timeInForce": "GTC",
                                            "clientExtensions": {"id": "tvb-test-5.ts", "tag": "tvbridge"}}}}""")));
        assertThat(ack.status()).isEqualTo(OrderStatus.ACCEPTED);
        assertThat(broker.lookup(ClientOrderId.of("tvb-test-5"))).hasValueSatisfying(order -> {
            assertThat(order.type()).isEqualTo(OrderType.STOP);
            assertThat(order.stopPrice()).contains(new BigDecimal("1.09000"));
            assertThat(order.quantity()).isEqualByComparingTo("25000");
        });
    }

    @Test
    void positionFillIsTheConfiguredOne() throws Exception {
        OandaBroker reducing = oanda.connected("position-fill", "reduce-first");
        oanda.answer(post(ACCOUNT + "/orders"), 201, "order-market-filled");
        reducing.submit(market("tvb-test-1", "EURUSD", Side.BUY, "10000"));
        oanda.wireMock.verify(postRequestedFor(urlEqualTo(ACCOUNT + "/orders")).withRequestBody(
                equalToJson("{\"order\": {\"positionFill\": \"REDUCE_FIRST\"}}", false, true)));
    }

    @Test
    void aMarketOrderThatOandaTakesThenCancelsIsRejectedWithTheCancelReason() throws Exception {
        oanda.answer(post(ACCOUNT + "/orders"), 201, "order-market-halted");

        OrderAck ack = broker.submit(market("tvb-test-3", "EURUSD", Side.SELL, "5000"));

        oanda.wireMock.verify(postRequestedFor(urlEqualTo(ACCOUNT + "/orders")).withRequestBody(
                equalToJson("{\"order\": {\"units\": \"-5000\", \"timeInForce\": \"FOK\"}}", false, true)));
        assertThat(ack.status()).as("201 is not a fill").isEqualTo(OrderStatus.REJECTED);
        assertThat(ack.brokerOrderId()).isEqualTo("6430");
        oanda.events.await(OrderUpdate.class, u -> u.status() == OrderStatus.REJECTED);
        assertEquals(List.of(new OrderUpdate(ClientOrderId.of("tvb-test-3"), Optional.of("6430"), OrderStatus.REJECTED,
                        BigDecimal.ZERO, Optional.empty(), Optional.of("MARKET_HALTED (the market is closed or halted)"),
                        Instant.parse("2025-03-15T10:12:03.114922311Z"))),
                oanda.orderEvents());
    }

    @Test
    void aRejectTransactionIsARejectionWithOandasReason() throws Exception {
        oanda.answer(post(ACCOUNT + "/orders"), 400, "order-rejected-not-tradeable");

        BrokerException rejected = catchThrowableOfType(BrokerException.class,
                () -> broker.submit(market("tvb-test-4", "SPX500USD", Side.BUY, "10")));

        assertThat(rejected.kind()).isEqualTo(BrokerException.Kind.REJECTED);
        assertThat(rejected.getMessage()).contains("INSTRUMENT_NOT_TRADEABLE")
                .contains("The Instrument specified is not tradeable by the Account");
        assertThat(broker.lookup(ClientOrderId.of("tvb-test-4"))).hasValueSatisfying(order ->
                assertThat(order.status()).isEqualTo(OrderStatus.REJECTED));
    }

    @Test
    void anErrorWithoutATransactionIsARejectionWithOandasMessage() throws Exception {
        oanda.answer(post(ACCOUNT + "/orders"), 400, "error-bad-instrument");
        BrokerException rejected = catchThrowableOfType(BrokerException.class,
                () -> broker.submit(market("tvb-test-6", "EURUSD", Side.BUY, "10")));
        assertThat(rejected.kind()).isEqualTo(BrokerException.Kind.REJECTED);
        assertThat(rejected.getMessage()).contains("Invalid value specified for 'instrument'");
    }

    @Test
    void anOrderBelowTheInstrumentsMinimumIsRefusedBeforeItIsSent() throws Exception {
        BrokerException refused = catchThrowableOfType(BrokerException.class,
                () -> broker.submit(market("tvb-test-7", "SPX500USD", Side.BUY, "0.05")));
        assertThat(refused.kind()).isEqualTo(BrokerException.Kind.REJECTED);
        assertThat(refused.getMessage()).contains("0.05 units is below OANDA's minimum of 0.1 for SPX500_USD");
        oanda.wireMock.verify(0, postRequestedFor(urlEqualTo(ACCOUNT + "/orders")));
    }

    @Test
    void aClientOrderIdOandaAlreadyKnowsPlacesNothing() throws Exception {
        oanda.answer(get(ACCOUNT + "/orders/@tvb-test-1"), 200, "order-lookup-filled");
        oanda.answer(get(ACCOUNT + "/transactions/6411"), 200, "transaction-6411-fill");

        OrderAck ack = broker.submit(market("tvb-test-1", "EURUSD", Side.BUY, "10000"));

        assertThat(ack.alreadyKnown()).isTrue();
        assertThat(ack.brokerOrderId()).isEqualTo("6410");
        assertThat(ack.status()).isEqualTo(OrderStatus.FILLED);
        oanda.wireMock.verify(0, postRequestedFor(urlEqualTo(ACCOUNT + "/orders")));
        assertEquals(List.of(new Fill(ClientOrderId.of("tvb-test-1"), "6411", "EURUSD", Side.BUY,
                new BigDecimal("10000"), new BigDecimal("1.08452"), new BigDecimal("0.0000"), "USD", FILLED_AT)),
                broker.executions(ClientOrderId.of("tvb-test-1")));
    }

    @Test
    void cancellingARestingOrderSendsTheCancelAndReportsIt() throws Exception {
        oanda.answer(post(ACCOUNT + "/orders"), 201, "order-limit-pending");
        oanda.answer(put(ACCOUNT + "/orders/6420/cancel"), 200, "cancel-limit");
        broker.submit(goldLimitSell(Optional.empty()));

        broker.cancel(ClientOrderId.of("tvb-test-2"));

        oanda.wireMock.verify(putRequestedFor(urlEqualTo(ACCOUNT + "/orders/6420/cancel")));
        OrderUpdate cancelled = oanda.events.await(OrderUpdate.class, u -> u.status() == OrderStatus.CANCELLED);
        assertThat(cancelled.reason()).contains("CLIENT_REQUEST (cancelled on request)");
        broker.cancel(ClientOrderId.of("tvb-test-2"));   // already cancelled: nothing to do, no error
        oanda.wireMock.verify(1, putRequestedFor(urlEqualTo(ACCOUNT + "/orders/6420/cancel")));
    }

    @Test
    void cancellingAnOrderThatHasJustFilledIsNotAnError() throws Exception {
        oanda.answer(post(ACCOUNT + "/orders"), 201, "order-limit-pending");
        oanda.wireMock.stubFor(put(ACCOUNT + "/orders/6420/cancel").willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody("""
                {"orderCancelRejectTransaction": {"id": "6424", "accountID": "101-004-8765432-001",
                  "userID": 8765432, "batchID": "6424", "time": "2025-03-13T10:12:45.001002003Z",
                  "type": "ORDER_CANCEL_REJECT", "orderID": "6420", "rejectReason": "ORDER_DOESNT_EXIST"},
                 "relatedTransactionIDs": ["6424"], "lastTransactionID": "6424",
                 "errorCode": "ORDER_DOESNT_EXIST", "errorMessage": "The Order specified does not exist"}""")));
        oanda.wireMock.stubFor(get(ACCOUNT + "/orders/6420").willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("""
                {"order": {"id": "6420", "createTime": "2025-03-13T08:41:05.551029400Z", "state": "FILLED",
                  "type": "LIMIT", "instrument": "XAU_USD", "units": "-2", "price": "2935.500",
                  "timeInForce": "GTC", "clientExtensions": {"id": "tvb-test-2", "tag": "tvbridge"},
                  "fillingTransactionID": "6421", "filledTime": "2025-03-13T10:12:44.120034551Z"},
                 "lastTransactionID": "6424"}""")));
        broker.submit(goldLimitSell(Optional.empty()));

        broker.cancel(ClientOrderId.of("tvb-test-2"));   // the fill comes with the next poll

        oanda.wireMock.verify(putRequestedFor(urlEqualTo(ACCOUNT + "/orders/6420/cancel")));
    }

    @Test
    void twoSendsOfOneOrderAtOncePlaceItOnce() throws Exception {
        oanda.wireMock.stubFor(post(ACCOUNT + "/orders").willReturn(OandaStubs.json(201, "order-market-filled")
                .withFixedDelay(300)));
        OrderRequest request = market("tvb-test-1", "EURUSD", Side.BUY, "10000");
        ExecutorService senders = Executors.newFixedThreadPool(2);
        try {
            Future<OrderAck> first = senders.submit(() -> broker.submit(request));
            Future<OrderAck> second = senders.submit(() -> broker.submit(request));
            List<OrderAck> acks = List.of(first.get(), second.get());
            assertThat(acks).extracting(OrderAck::brokerOrderId).containsOnly("6410");
            assertThat(acks).extracting(OrderAck::alreadyKnown).containsExactlyInAnyOrder(true, false);
        } finally {
            senders.shutdownNow();
        }
        oanda.wireMock.verify(1, postRequestedFor(urlEqualTo(ACCOUNT + "/orders")));
    }

    @Test
    void cancellingAnOrderOandaDoesNotKnowIsAnInvalidRequest() {
        BrokerException unknown = catchThrowableOfType(BrokerException.class,
                () -> broker.cancel(ClientOrderId.of("tvb-never-sent")));
        assertThat(unknown.kind()).isEqualTo(BrokerException.Kind.INVALID_REQUEST);
    }

    @Test
    void positionsAreNettedPerInstrumentUnderTheAlertsSymbols() throws Exception {
        oanda.answer(get(ACCOUNT + "/openPositions"), 200, "open-positions");
        assertEquals(List.of(
                new Position("EURUSD", AssetClass.FOREX, new BigDecimal("10000"), new BigDecimal("1.08452"), "USD",
                        Optional.empty(), Optional.of(new BigDecimal("8.2000")), Optional.of(new BigDecimal("-12.5400"))),
                new Position("XAUUSD", AssetClass.CFD, new BigDecimal("-2"), new BigDecimal("2935.610"), "USD",
                        Optional.empty(), Optional.of(new BigDecimal("-0.3600")), Optional.of(new BigDecimal("0.0000")))),
                broker.positions());
    }

    @Test
    void theAccountComesFromTheSummary() throws Exception {
        assertEquals(new AccountSnapshot("101-004-8765432-001", "USD", new BigDecimal("100000.0000"),
                new BigDecimal("100008.2000"), new BigDecimal("99646.7820"), new BigDecimal("8.2000"),
                new BigDecimal("-12.5400"), new BigDecimal("361.4180"), OandaStubs.CLOCK.instant()), broker.account());
    }

    @Test
    void closingAPositionClosesTheSideHeldAndReportsTheFill() throws Exception {
        oanda.answer(get(ACCOUNT + "/openPositions"), 200, "open-positions");
        oanda.answer(put(ACCOUNT + "/positions/EUR_USD/close"), 200, "position-close-eurusd");

        OrderAck ack = broker.closePosition(ClientOrderId.of("tvb-close-1"), InstrumentRef.parse("FX:EURUSD"));

        oanda.wireMock.verify(putRequestedFor(urlEqualTo(ACCOUNT + "/positions/EUR_USD/close"))
                .withRequestBody(equalToJson("""
                        {"longUnits": "ALL", "longClientExtensions": {"id": "tvb-close-1", "tag": "tvbridge"},
                         "shortUnits": "NONE"}""")));
        assertThat(ack.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(ack.brokerOrderId()).isEqualTo("6450");
        Fill fill = oanda.events.await(Fill.class, f -> f.clientOrderId().value().equals("tvb-close-1"));
        assertThat(fill.side()).isEqualTo(Side.SELL);
        assertThat(fill.quantity()).isEqualByComparingTo("10000");
        assertThat(fill.price()).isEqualByComparingTo("1.08528");
    }

    @Test
    void aSymbolTheAccountDoesNotOfferIsRejectedWithWhatItOffers() {
        BrokerException unknown = catchThrowableOfType(BrokerException.class,
                () -> broker.resolve(InstrumentRef.parse("NASDAQ:AAPL")));
        assertThat(unknown.kind()).isEqualTo(BrokerException.Kind.REJECTED);
        assertThat(unknown.getMessage()).contains("NASDAQ:AAPL").contains("EURUSD");
        oanda.wireMock.verify(1, getRequestedFor(urlEqualTo(ACCOUNT + "/instruments")));
    }
}

package io.tvbridge.broker.oanda.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tvbridge.broker.oanda.codec.OandaTransaction.Kind;
import io.tvbridge.broker.oanda.fake.OandaFixtures;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OandaDecoderTest {

    private static OandaReply reply(String fixture) {
        return OandaDecoder.reply(OandaJson.parse(fixture, OandaFixtures.json(fixture)));
    }

    static Stream<Arguments> orderReplies() {
        return Stream.of(
                Arguments.of("order-market-filled", List.of(Kind.ORDER_CREATED, Kind.ORDER_FILLED), "6413",
                        Optional.empty()),
                Arguments.of("order-limit-pending", List.of(Kind.ORDER_CREATED), "6420", Optional.empty()),
                Arguments.of("order-market-halted", List.of(Kind.ORDER_CREATED, Kind.ORDER_CANCELLED), "6431",
                        Optional.empty()),
                Arguments.of("order-rejected-not-tradeable", List.of(Kind.ORDER_REJECTED), "6440",
                        Optional.of("INSTRUMENT_NOT_TRADEABLE: The Instrument specified is not tradeable by the Account")),
                Arguments.of("error-bad-instrument", List.of(), "", Optional.of("Invalid value specified for 'instrument'")),
                Arguments.of("position-close-eurusd", List.of(Kind.ORDER_CREATED, Kind.ORDER_FILLED), "6453",
                        Optional.empty()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("orderReplies")
    void readsEveryTransactionOfAReplyInOrder(String fixture, List<Kind> kinds, String lastTransactionId,
                                              Optional<String> error) {
        OandaReply reply = reply(fixture);
        assertThat(reply.transactions()).extracting(OandaTransaction::kind).containsExactlyElementsOf(kinds);
        assertThat(reply.lastTransactionId().orElse("")).isEqualTo(lastTransactionId);
        assertThat(reply.error()).isEqualTo(error);
    }

    @Test
    void aFillCarriesItsOrderClientIdVolumeWeightedPriceAndTime() {
        OandaTransaction fill = reply("order-market-filled").first(Kind.ORDER_FILLED).orElseThrow();
        assertThat(fill).isEqualTo(new OandaTransaction("6411", "ORDER_FILL", Kind.ORDER_FILLED, Optional.of("6410"),
                Optional.of("tvb-test-1"), Optional.empty(), Optional.of("EUR_USD"), Optional.of(new BigDecimal("10000")),
                Optional.of(new BigDecimal("1.08452")), Optional.empty(), new BigDecimal("0.0000"),
                Instant.parse("2025-03-12T14:03:27.318246911Z")));
    }

    @Test
    void aCreatedOrderIsItsOwnTransactionWithTheOrderTypeAndPrice() {
        OandaTransaction created = reply("order-limit-pending").first(Kind.ORDER_CREATED).orElseThrow();
        assertThat(created.orderId()).contains("6420");
        assertThat(created.orderType()).contains("LIMIT");
        assertThat(created.units()).contains(new BigDecimal("-2"));
        assertThat(created.price()).contains(new BigDecimal("2935.500"));
        assertThat(created.clientOrderId()).contains("tvb-test-2");
    }

    @Test
    void cancelsAndRejectionsCarryTheirReason() {
        assertThat(reply("order-market-halted").first(Kind.ORDER_CANCELLED).orElseThrow().reason())
                .contains("MARKET_HALTED");
        OandaTransaction rejected = reply("order-rejected-not-tradeable").first(Kind.ORDER_REJECTED).orElseThrow();
        assertThat(rejected.reason()).contains("INSTRUMENT_NOT_TRADEABLE");
        assertThat(rejected.orderType()).contains("MARKET");
        assertThat(rejected.orderId()).isEmpty();
    }

    @Test
    void aPositionCloseFillIsFoundThroughItsOrderWhenItHasNoClientId() {
        OandaReply close = reply("position-close-eurusd");
        assertThat(close.first(Kind.ORDER_CREATED).orElseThrow().clientOrderId()).contains("tvb-close-1");
        OandaTransaction fill = close.first(Kind.ORDER_FILLED).orElseThrow();
        assertThat(fill.clientOrderId()).isEmpty();
        assertThat(fill.orderId()).contains("6450");
    }

    @Test
    void transactionsSinceAnIdComeOldestFirstWithUnknownTypesAsOther() {
        List<OandaTransaction> transactions = OandaDecoder.transactions(
                OandaJson.parse("since", OandaFixtures.json("transactions-limit-filled")));
        assertThat(transactions).extracting(OandaTransaction::type)
                .containsExactly("ORDER_FILL", "TAKE_PROFIT_ORDER", "DAILY_FINANCING");
        assertThat(transactions).extracting(OandaTransaction::kind)
                .containsExactly(Kind.ORDER_FILLED, Kind.EXIT_ORDER_CREATED, Kind.OTHER);
        OandaTransaction takeProfit = transactions.get(1);
        assertThat(takeProfit.clientOrderId()).as("its own id, not its trade's").contains("tvb-test-2.tp");
        assertThat(takeProfit.orderId()).contains("6422");
        assertThat(takeProfit.orderType()).contains("TAKE_PROFIT");
        assertThat(takeProfit.price()).contains(new BigDecimal("2890.000"));
    }

    @Test
    void anOrderAttachedToATradeIsReadWithItsTrade() {
        String reply = """
                {"order": {"id": "6422", "createTime": "2025-03-13T10:12:44.120034551Z", "type": "TAKE_PROFIT",
                  "tradeID": "6421", "clientTradeID": "tvb-test-2", "price": "2890.000", "timeInForce": "GTC",
                  "triggerCondition": "DEFAULT", "state": "PENDING",
                  "clientExtensions": {"id": "tvb-test-2.tp", "tag": "tvbridge"}},
                 "lastTransactionID": "6423"}""";
        OandaExitOrder exit = OandaDecoder.exitOrder(OandaJson.parse("order", reply)).orElseThrow();
        OandaTrade trade = OandaDecoder.trade(OandaJson.parse("trade", """
                {"trade": {"id": "6421", "instrument": "XAU_USD", "price": "2935.610", "state": "OPEN",
                  "initialUnits": "-2", "currentUnits": "-2", "clientExtensions": {"id": "tvb-test-2"}}}"""));
        OandaOrder order = exit.on(trade);
        assertThat(order.instrument()).isEqualTo("XAU_USD");
        assertThat(order.units()).as("closing a short trade buys").isEqualByComparingTo("2");
        assertThat(order.price()).contains(new BigDecimal("2890.000"));
        assertThat(order.clientOrderId()).contains("tvb-test-2.tp");
        assertThat(OandaDecoder.exitOrder(OandaJson.parse("order", OandaFixtures.json("order-lookup-filled"))))
                .as("an entry order is not attached to a trade").isEmpty();
    }

    @Test
    void readsTheAccountSummary() {
        assertThat(OandaDecoder.summary(OandaJson.parse("summary", OandaFixtures.json("summary"))))
                .isEqualTo(new OandaAccountSummary(OandaFixtures.ACCOUNT, "USD", new BigDecimal("100000.0000"),
                        new BigDecimal("100008.2000"), new BigDecimal("8.2000"), new BigDecimal("-12.5400"),
                        new BigDecimal("361.4180"), new BigDecimal("99646.7820"), false, "6409"));
    }

    @Test
    void readsInstrumentsWithIntegerPrecisionAndStringSizes() {
        List<OandaInstrumentSpec> specs = OandaDecoder.instruments(
                OandaJson.parse("instruments", OandaFixtures.json("instruments")));
        assertThat(specs).extracting(OandaInstrumentSpec::name).containsExactly("EUR_USD", "XAU_USD", "SPX500_USD",
                "GBP_JPY");
        assertThat(specs.get(0)).isEqualTo(new OandaInstrumentSpec("EUR_USD", "CURRENCY", "EUR/USD", 5, 0,
                new BigDecimal("1"), new BigDecimal("100000000"), new BigDecimal("0.00050"), new BigDecimal("1.00000"),
                Optional.of(new BigDecimal("0.0333"))));
        assertThat(specs.get(1).quoteCurrency()).isEqualTo("USD");
        assertThat(specs.get(1).baseCurrency()).isEqualTo("XAU");
        assertThat(specs.get(1).marginRate()).contains(new BigDecimal("0.05"));
    }

    @Test
    void readsTheHomeConversionFactorsThatValuePositions() {
        assertThat(OandaDecoder.homeConversions(OandaJson.parse("pricing",
                OandaFixtures.json("pricing-home-conversions")))).containsExactlyEntriesOf(new TreeMap<>(
                Map.of("GBP", new BigDecimal("1.27395"), "JPY", new BigDecimal("0.00660036"),
                        "USD", new BigDecimal("1"))));
        assertThat(OandaDecoder.homeConversions(OandaJson.parse("pricing", OandaFixtures.json("pricing-f16"))))
                .as("a pricing reply without homeConversions gives no factor").isEmpty();
    }

    @Test
    void readsPositionsAsLongAndShortSides() {
        List<OandaPosition> positions = OandaDecoder.positions(
                OandaJson.parse("positions", OandaFixtures.json("open-positions")));
        assertThat(positions).hasSize(2);
        assertThat(positions.get(0).netUnits()).isEqualByComparingTo("10000");
        assertThat(positions.get(0).netAveragePrice()).contains(new BigDecimal("1.08452"));
        assertThat(positions.get(1).netUnits()).isEqualByComparingTo("-2");
        assertThat(positions.get(1).netAveragePrice()).contains(new BigDecimal("2935.610"));
    }

    @Test
    void readsAnOrderWithItsFillingTransaction() {
        OandaOrder order = OandaDecoder.order(OandaJson.parse("order", OandaFixtures.json("order-lookup-filled")));
        assertThat(order.state()).isEqualTo("FILLED");
        assertThat(order.clientOrderId()).contains("tvb-test-1");
        assertThat(order.fillingTransactionId()).contains("6411");
        assertThat(order.closedTime()).contains(Instant.parse("2025-03-12T14:03:27.318246911Z"));
    }

    @Test
    void pendingOrdersLeaveOutOrdersAttachedToTrades() {
        String pending = """
                {"orders": [
                  {"id": "6412", "createTime": "2025-03-12T14:03:27.318246911Z", "type": "TAKE_PROFIT",
                   "tradeID": "6411", "price": "1.09200", "timeInForce": "GTC", "state": "PENDING"},
                  {"id": "6420", "createTime": "2025-03-13T08:41:05.551029400Z", "type": "LIMIT", "state": "PENDING",
                   "instrument": "XAU_USD", "units": "-2", "price": "2935.500", "timeInForce": "GTC",
                   "clientExtensions": {"id": "tvb-test-2", "tag": "tvbridge"}}
                ], "lastTransactionID": "6420"}""";
        assertThat(OandaDecoder.entryOrders(OandaJson.parse("pending", pending))).singleElement()
                .satisfies(order -> assertThat(order.id()).isEqualTo("6420"));
    }

    @Test
    void decimalsAreReadFromStringsAndFromNumbers() {
        String prices = """
                {"transactions": [{"id": "7", "type": "ORDER_FILL", "orderID": "6", "units": 3, "price": "1.5",
                 "commission": "-0.25", "time": "2025-03-12T14:03:27Z", "fullPrice": {"bids": [{"liquidity": 250}]}}],
                 "lastTransactionID": "7"}""";
        OandaTransaction fill = OandaDecoder.transactions(OandaJson.parse("fill", prices)).get(0);
        assertThat(fill.units()).contains(new BigDecimal("3"));
        assertThat(fill.price()).contains(new BigDecimal("1.5"));
        assertThat(fill.commission()).as("commission is a cost, kept positive").isEqualByComparingTo("0.25");
    }

    @Test
    void aReplyMissingWhatTheBridgeNeedsIsAProtocolErrorNamingTheField() {
        assertThatThrownBy(() -> OandaDecoder.summary(OandaJson.parse("summary", "{\"account\": {\"id\": \"1\"}}")))
                .isInstanceOf(OandaProtocolException.class).hasMessageContaining("currency");
        assertThatThrownBy(() -> OandaJson.parse("summary", "<html>bad gateway</html>"))
                .isInstanceOf(OandaProtocolException.class).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> OandaDecoder.transactions(OandaJson.parse("since",
                "{\"transactions\": [{\"id\": \"x1\", \"type\": \"ORDER_FILL\", \"time\": \"2025-03-12T14:03:27Z\"}]}")))
                .isInstanceOf(OandaProtocolException.class).hasMessageContaining("x1");
    }
}

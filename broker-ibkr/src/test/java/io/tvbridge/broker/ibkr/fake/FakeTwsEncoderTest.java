package io.tvbridge.broker.ibkr.fake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tvbridge.broker.ibkr.codec.IbCommissionReport;
import io.tvbridge.broker.ibkr.codec.IbContract;
import io.tvbridge.broker.ibkr.codec.IbContractDetails;
import io.tvbridge.broker.ibkr.codec.IbDecoder;
import io.tvbridge.broker.ibkr.codec.IbExecution;
import io.tvbridge.broker.ibkr.codec.IbOrder;
import io.tvbridge.broker.ibkr.codec.IbOrderState;
import io.tvbridge.broker.ibkr.codec.IbOrderStatus;
import io.tvbridge.broker.ibkr.codec.TwsValues;
import io.tvbridge.broker.ibkr.codec.TwsVectors;
import io.tvbridge.broker.ibkr.codec.TwsWire;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the fake sends is what the real decoder reads: each message encoded at 193 decodes to
 * the values it was built from, and every incoming golden vector, decoded and encoded again by
 * the fake at its server version, gives the vector's fields exactly.
 */
class FakeTwsEncoderTest {
    private static final IbContract MSFT = new IbContract(272093, "MSFT", "STK", "", "", BigDecimal.ZERO, "", "",
            "SMART", "", "USD", "MSFT", "NMS", false, "", "", "", "");
    private static final IbContract ES = new IbContract(620202603, "ES", "FUT", "20260320", "", BigDecimal.ZERO, "",
            "50", "CME", "", "USD", "ESH6", "ES", false, "", "", "", "");

    static BigDecimal d(String text) {
        return TwsValues.parseDecimal(text);
    }

    private static IbOrder order(int orderId, String action, String quantity, String type, String limit, String aux) {
        return new IbOrder(orderId, 7, 3000000001L + orderId, action, d(quantity), type, d(limit), d(aux), "GTC", "",
                3, "DU1234567", "tv-" + orderId, true, 0, false, null, null, BigDecimal.ZERO, "", "", false);
    }

    private static IbContractDetails details(IbContract contract, String minTick, List<IbContractDetails.TagValue> ids,
                                             List<IbContractDetails.IneligibilityReason> reasons) {
        return new IbContractDetails(contract, "NMS", d(minTick), "LMT,MKT,STP", "SMART,NASDAQ", 1, 0,
                "MICROSOFT CORP \u00e9", "", "Technology", "Software", "Software", "US/Eastern",
                "20260115:0400-20260115:2000", "20260115:0930-20260115:1600", "", null, ids, 1, "", "", "26,26", "",
                "COMMON", d("0.0001"), d("0.0001"), d("100"), reasons);
    }

    private static Arguments row(String name, Function<FakeTwsEncoder, List<String>> encode, IbEvent... expected) {
        return Arguments.of(name, encode, List.of(expected));
    }

    static Stream<Arguments> messages() {
        IbOrderStatus held = new IbOrderStatus(1009, "PreSubmitted", d("0"), d("100"), d("0"), 3000001009L, 1007,
                d("0"), 7, "child", d("0"));
        IbOrderStatus fractional = new IbOrderStatus(1013, "Filled", d("0.5"), d("0"), d("187.42"), 1852001013L, 0,
                d("187.42"), 7, "", d("0"));
        IbOrder market = order(1, "BUY", "100", "MKT", "0", "0");
        IbOrder trail = new IbOrder(5, 7, 3000000005L, "SELL", d("40"), "TRAIL", d("0"), d("2.5"), "GTC", "", 3,
                "DU1234567", "tv-5", true, 0, false, d("128.5"), null, BigDecimal.ZERO, "", "", false);
        IbOrder child = new IbOrder(9, 7, 3000000009L, "SELL", d("2"), "STP", d("0"), d("5990.25"), "DAY", "oca-1", 1,
                "DU1234567", "tv-8", true, 8, true, null, d("1.5"), d("25000"), "20260115 09:30:00 US/Eastern",
                "20260116 16:00:00 US/Eastern", true);
        IbContract executed = new IbContract(265598, "AAPL", "STK", "", "", BigDecimal.ZERO, "", "", "NASDAQ", "",
                "USD", "AAPL", "NMS", false, "", "", "", "");
        IbExecution fill = new IbExecution(1001, "0000e0d5.67000001.01.01", "20260115 09:30:01 US/Eastern",
                "DU1234567", "ISLAND", "BOT", d("0.5"), d("187.35"), 3000001001L, 7, 0, d("100.5"), d("187.3512"),
                "tv-alert-0001", "", null, "", 2, false);
        return Stream.of(
                row("nextValidId", e -> e.nextValidId(1001), IbEvent.of("nextValidId", 1001)),
                row("managedAccounts", e -> e.managedAccounts(List.of("DU1234567", "DU7654321")),
                        IbEvent.of("managedAccounts", List.of("DU1234567", "DU7654321"))),
                row("notice, escaped", e -> e.error(-1, 2104, "Market data farm connection is OK:S\u00e3o Paulo", ""),
                        IbEvent.of("error", -1, 2104, "Market data farm connection is OK:S\u00e3o Paulo", "")),
                row("rejection with JSON", e -> e.error(1003, 201, "Order rejected - reason:funds\nline 2",
                        "{\"rejectCode\":\"IBDBUYTX\"}"), IbEvent.of("error", 1003, 201,
                        "Order rejected - reason:funds\nline 2", "{\"rejectCode\":\"IBDBUYTX\"}")),
                row("held child status", e -> e.orderStatus(held), IbEvent.of("orderStatus", held)),
                row("fractional fill status", e -> e.orderStatus(fractional), IbEvent.of("orderStatus", fractional)),
                row("market order", e -> e.openOrder(MSFT, market, new IbOrderState("Submitted", null, null, null, "",
                        "")), IbEvent.of("openOrder", MSFT, market, new IbOrderState("Submitted", null, null, null, "",
                        ""))),
                row("trailing stop", e -> e.openOrder(MSFT, trail, new IbOrderState("PreSubmitted", null, null, null,
                        "", "")), IbEvent.of("openOrder", MSFT, trail, new IbOrderState("PreSubmitted", null, null,
                        null, "", ""))),
                row("what-if futures child", e -> e.openOrder(ES, child, new IbOrderState("PreSubmitted", d("2.25"),
                        d("2.25"), d("2.5"), "USD", "Warning: \u00fcber")), IbEvent.of("openOrder", ES, child,
                        new IbOrderState("PreSubmitted", d("2.25"), d("2.25"), d("2.5"), "USD", "Warning: \u00fcber"))),
                row("openOrderEnd", FakeTwsEncoder::openOrderEnd, IbEvent.of("openOrderEnd")),
                row("execution", e -> e.execution(9101, executed, fill), IbEvent.of("execution", 9101, executed, fill)),
                row("executionsEnd", e -> e.executionsEnd(9101), IbEvent.of("executionsEnd", 9101)),
                row("commission, opening", e -> e.commissionReport(new IbCommissionReport("x.01.01", d("1"), "USD",
                        null, null, 0)), IbEvent.of("commissionReport", new IbCommissionReport("x.01.01", d("1"),
                        "USD", null, null, 0))),
                row("commission, closing", e -> e.commissionReport(new IbCommissionReport("x.02.01", d("1.05"), "USD",
                        d("245.5"), d("0.04"), 20260115)), IbEvent.of("commissionReport", new IbCommissionReport(
                        "x.02.01", d("1.05"), "USD", d("245.5"), d("0.04"), 20260115))),
                row("stock details", e -> e.contractDetails(9301, details(MSFT.withPrimaryExch("NASDAQ"), "0.01",
                        List.of(new IbContractDetails.TagValue("ISIN", "US5949181045")), List.of())),
                        IbEvent.of("contractDetails", 9301, details(MSFT.withPrimaryExch("NASDAQ"), "0.01",
                        List.of(new IbContractDetails.TagValue("ISIN", "US5949181045")), List.of()))),
                row("details with a tiny tick and a reason", e -> e.contractDetails(1, details(new IbContract(12087792,
                        "EUR", "CASH", "20260320", "20260320", BigDecimal.ZERO, "", "", "IDEALPRO", "", "USD",
                        "EUR.USD", "EUR.USD", false, "", "", "", ""), "0.00005", List.of(),
                        List.of(new IbContractDetails.IneligibilityReason("1", "no permission")))),
                        IbEvent.of("contractDetails", 1, details(new IbContract(12087792, "EUR", "CASH", "20260320",
                        "20260320", BigDecimal.ZERO, "", "", "IDEALPRO", "", "USD", "EUR.USD", "EUR.USD", false, "",
                        "", "", ""), "0.00005", List.of(),
                        List.of(new IbContractDetails.IneligibilityReason("1", "no permission"))))),
                row("contractDetailsEnd", e -> e.contractDetailsEnd(9301), IbEvent.of("contractDetailsEnd", 9301)),
                row("short futures position", e -> e.position("DU1234567", ES, d("-2"), d("300012.5")),
                        IbEvent.of("position", "DU1234567", ES, d("-2"), d("300012.5"))),
                row("fractional position", e -> e.position("DU1234567", executed, d("100.5"), d("187.3512")),
                        IbEvent.of("position", "DU1234567", executed, d("100.5"), d("187.3512"))),
                row("positionEnd", FakeTwsEncoder::positionEnd, IbEvent.of("positionEnd")),
                row("accountSummary", e -> e.accountSummary(9201, "DU1234567", "BuyingPower", "402093.80", "USD"),
                        IbEvent.of("accountSummary", 9201, "DU1234567", "BuyingPower", "402093.80", "USD")),
                row("accountSummaryEnd", e -> e.accountSummaryEnd(9201), IbEvent.of("accountSummaryEnd", 9201)),
                row("currentTime", e -> e.currentTime(1768487400L), IbEvent.of("currentTime", 1768487400L)),
                row("tick price with its size", e -> e.tickPrice(9401, 68, d("187.35"), d("100"), 0),
                        IbEvent.of("tickPrice", 9401, 68, d("187.35"), 0), IbEvent.of("tickSize", 9401, 71, d("100"))),
                row("tickSize", e -> e.tickSize(9401, 8, d("1234567")), IbEvent.of("tickSize", 9401, 8, d("1234567"))),
                row("tickString", e -> e.tickString(9401, 45, "1768487402"),
                        IbEvent.of("tickString", 9401, 45, "1768487402")),
                row("tickGeneric", e -> e.tickGeneric(9401, 49, d("0")), IbEvent.of("tickGeneric", 9401, 49, d("0"))),
                row("tickSnapshotEnd", e -> e.tickSnapshotEnd(9401), IbEvent.of("tickSnapshotEnd", 9401)),
                row("marketDataType", e -> e.marketDataType(9401, 3), IbEvent.of("marketDataType", 9401, 3)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    void theDecoderReadsBackWhatTheFakeWrote(String name, Function<FakeTwsEncoder, List<String>> encode,
                                             List<IbEvent> expected) throws Exception {
        List<String> fields = encode.apply(new FakeTwsEncoder(193));
        List<String> framed = TwsWire.readFrame(new ByteArrayInputStream(TwsWire.frame(fields)));
        RecordingIbListener listener = new RecordingIbListener();

        assertTrue(new IbDecoder(193).decode(framed, listener), "every field consumed");
        assertEquals(expected, listener.drain());
    }

    static Stream<TwsVectors.Case> incoming() {
        return TwsVectors.cases("in");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("incoming")
    void reencodesEveryIncomingVectorFieldForField(TwsVectors.Case vector) throws Exception {
        List<String> fields = TwsWire.readFrame(new ByteArrayInputStream(vector.bytes()));
        if (vector.name().equals("handshake_server_version")) {
            assertEquals(fields, FakeTwsEncoder.serverHello(Integer.parseInt(fields.get(0)), fields.get(1)));
            return;
        }
        RecordingIbListener listener = new RecordingIbListener();
        new IbDecoder(vector.serverVersion()).decode(fields, listener);

        assertEquals(fields, encode(new FakeTwsEncoder(vector.serverVersion()), listener.drain()));
    }

    @Test
    void speaksOnlyTheVersionsOfTheCodec() {
        assertThrows(IllegalArgumentException.class, () -> new FakeTwsEncoder(175));
        assertThrows(IllegalArgumentException.class, () -> new FakeTwsEncoder(194));
    }

    /** The fields of the one frame these events were decoded from (a price tick carries its size tick). */
    @SuppressWarnings("unchecked")
    private static List<String> encode(FakeTwsEncoder e, List<IbEvent> events) {
        IbEvent event = events.get(0);
        List<Object> a = event.args();
        return switch (event.name()) {
            case "nextValidId" -> e.nextValidId((Integer) a.get(0));
            case "managedAccounts" -> e.managedAccounts((List<String>) a.get(0));
            case "orderStatus" -> e.orderStatus((IbOrderStatus) a.get(0));
            case "openOrder" -> e.openOrder((IbContract) a.get(0), (IbOrder) a.get(1), (IbOrderState) a.get(2));
            case "openOrderEnd" -> e.openOrderEnd();
            case "execution" -> e.execution((Integer) a.get(0), (IbContract) a.get(1), (IbExecution) a.get(2));
            case "executionsEnd" -> e.executionsEnd((Integer) a.get(0));
            case "commissionReport" -> e.commissionReport((IbCommissionReport) a.get(0));
            case "error" -> e.error((Integer) a.get(0), (Integer) a.get(1), (String) a.get(2), (String) a.get(3));
            case "contractDetails" -> e.contractDetails((Integer) a.get(0), (IbContractDetails) a.get(1));
            case "contractDetailsEnd" -> e.contractDetailsEnd((Integer) a.get(0));
            case "position" -> e.position((String) a.get(0), (IbContract) a.get(1), (BigDecimal) a.get(2),
                    (BigDecimal) a.get(3));
            case "positionEnd" -> e.positionEnd();
            case "accountSummary" -> e.accountSummary((Integer) a.get(0), (String) a.get(1), (String) a.get(2),
                    (String) a.get(3), (String) a.get(4));
            case "accountSummaryEnd" -> e.accountSummaryEnd((Integer) a.get(0));
            case "currentTime" -> e.currentTime((Long) a.get(0));
            case "tickPrice" -> e.tickPrice((Integer) a.get(0), (Integer) a.get(1), (BigDecimal) a.get(2),
                    events.size() > 1 ? (BigDecimal) events.get(1).arg(2) : null, (Integer) a.get(3));
            case "tickSize" -> e.tickSize((Integer) a.get(0), (Integer) a.get(1), (BigDecimal) a.get(2));
            case "tickString" -> e.tickString((Integer) a.get(0), (Integer) a.get(1), (String) a.get(2));
            case "tickGeneric" -> e.tickGeneric((Integer) a.get(0), (Integer) a.get(1), (BigDecimal) a.get(2));
            case "tickSnapshotEnd" -> e.tickSnapshotEnd((Integer) a.get(0));
            case "marketDataType" -> e.marketDataType((Integer) a.get(0), (Integer) a.get(1));
            default -> throw new AssertionError("the fake cannot encode " + event);
        };
    }
}

package io.tvbridge.broker.oanda.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OandaEncoderTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Arguments> orders() {
        return Stream.of(
                Arguments.of("a market buy, fill or kill",
                        new OandaOrderRequest(OandaOrderType.MARKET, "EUR_USD", new BigDecimal("10000"), Optional.empty(),
                                OandaTimeInForce.FOK, OandaPositionFill.DEFAULT, "tvb-a-1-1", Optional.empty(),
                                Optional.empty(), Optional.empty()),
                        """
                        {"order": {"type": "MARKET", "instrument": "EUR_USD", "units": "10000", "timeInForce": "FOK",
                         "positionFill": "DEFAULT", "clientExtensions": {"id": "tvb-a-1-1", "tag": "tvbridge"},
                         "tradeClientExtensions": {"id": "tvb-a-1-1", "tag": "tvbridge"}}}"""),
                Arguments.of("a market sell with take-profit, stop-loss and trailing stop on fill",
                        new OandaOrderRequest(OandaOrderType.MARKET, "EUR_USD", new BigDecimal("-2500"), Optional.empty(),
                                OandaTimeInForce.FOK, OandaPositionFill.REDUCE_FIRST, "tvb-a-2-1",
                                Optional.of(new BigDecimal("1.07000")), Optional.of(new BigDecimal("1.09000")),
                                Optional.of(new BigDecimal("0.00150"))),
                        """
                        {"order": {"type": "MARKET", "instrument": "EUR_USD", "units": "-2500", "timeInForce": "FOK",
                         "positionFill": "REDUCE_FIRST", "clientExtensions": {"id": "tvb-a-2-1", "tag": "tvbridge"},
                         "tradeClientExtensions": {"id": "tvb-a-2-1", "tag": "tvbridge"},
                         "takeProfitOnFill": {"price": "1.07000", "timeInForce": "GTC",
                                              "clientExtensions": {"id": "tvb-a-2-1.tp", "tag": "tvbridge"}},
                         "stopLossOnFill": {"price": "1.09000", "timeInForce": "GTC",
                                            "clientExtensions": {"id": "tvb-a-2-1.sl", "tag": "tvbridge"}},
                         "trailingStopLossOnFill": {"distance": "0.00150", "timeInForce": "GTC",
                                                    "clientExtensions": {"id": "tvb-a-2-1.ts", "tag": "tvbridge"}}}}"""),
                Arguments.of("a limit sell, good till cancelled",
                        new OandaOrderRequest(OandaOrderType.LIMIT, "XAU_USD", new BigDecimal("-2"),
                                Optional.of(new BigDecimal("2935.500")), OandaTimeInForce.GTC, OandaPositionFill.DEFAULT,
                                "tvb-a-3-1", Optional.empty(), Optional.empty(), Optional.empty()),
                        """
                        {"order": {"type": "LIMIT", "instrument": "XAU_USD", "units": "-2", "price": "2935.500",
                         "timeInForce": "GTC", "positionFill": "DEFAULT",
                         "clientExtensions": {"id": "tvb-a-3-1", "tag": "tvbridge"},
                         "tradeClientExtensions": {"id": "tvb-a-3-1", "tag": "tvbridge"}}}"""),
                Arguments.of("a stop buy, good for the day",
                        new OandaOrderRequest(OandaOrderType.STOP, "SPX500_USD", new BigDecimal("1.5"),
                                Optional.of(new BigDecimal("5650.0")), OandaTimeInForce.GFD, OandaPositionFill.DEFAULT,
                                "tvb-a-4-1", Optional.empty(), Optional.of(new BigDecimal("5600.0")), Optional.empty()),
                        """
                        {"order": {"type": "STOP", "instrument": "SPX500_USD", "units": "1.5", "price": "5650.0",
                         "timeInForce": "GFD", "positionFill": "DEFAULT",
                         "clientExtensions": {"id": "tvb-a-4-1", "tag": "tvbridge"},
                         "tradeClientExtensions": {"id": "tvb-a-4-1", "tag": "tvbridge"},
                         "stopLossOnFill": {"price": "5600.0", "timeInForce": "GTC",
                                            "clientExtensions": {"id": "tvb-a-4-1.sl", "tag": "tvbridge"}}}}"""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("orders")
    void writesTheOrderOandaExpects(String what, OandaOrderRequest request, String expected) throws Exception {
        String body = OandaEncoder.order(request);
        assertThat(JSON.readTree(body)).isEqualTo(JSON.readTree(expected));
        assertThat(body).doesNotContain("E+").doesNotContain("E-");
    }

    @Test
    void decimalsGoOutAsPlainStringsWithTheirScale() throws Exception {
        JsonNode order = JSON.readTree(OandaEncoder.order(new OandaOrderRequest(OandaOrderType.LIMIT, "EUR_USD",
                new BigDecimal("1E+5"), Optional.of(new BigDecimal("1.10000")), OandaTimeInForce.GTC,
                OandaPositionFill.DEFAULT, "x", Optional.empty(), Optional.empty(), Optional.empty()))).get("order");
        assertThat(order.get("units").isTextual()).isTrue();
        assertThat(order.get("units").asText()).isEqualTo("100000");
        assertThat(order.get("price").asText()).isEqualTo("1.10000");
    }

    @Test
    void closingAPositionNamesBothSides() throws Exception {
        assertThat(JSON.readTree(OandaEncoder.closePosition(true, false, "tvb-c-1"))).isEqualTo(JSON.readTree("""
                {"longUnits": "ALL", "longClientExtensions": {"id": "tvb-c-1", "tag": "tvbridge"},
                 "shortUnits": "NONE"}"""));
        assertThat(JSON.readTree(OandaEncoder.closePosition(false, true, "tvb-c-2"))).isEqualTo(JSON.readTree("""
                {"longUnits": "NONE", "shortUnits": "ALL",
                 "shortClientExtensions": {"id": "tvb-c-2", "tag": "tvbridge"}}"""));
    }
}

package io.tvbridge.broker.oanda.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.tvbridge.broker.oanda.codec.OandaDecoder;
import io.tvbridge.broker.oanda.codec.OandaInstrumentSpec;
import io.tvbridge.broker.oanda.codec.OandaJson;
import io.tvbridge.broker.oanda.codec.OandaOrderRequest;
import io.tvbridge.broker.oanda.codec.OandaOrderType;
import io.tvbridge.broker.oanda.codec.OandaPositionFill;
import io.tvbridge.broker.oanda.codec.OandaTimeInForce;
import io.tvbridge.broker.oanda.fake.OandaFixtures;
import io.tvbridge.broker.spi.BrokerException;
import io.tvbridge.broker.spi.model.ClientOrderId;
import io.tvbridge.broker.spi.model.OrderRequest;
import io.tvbridge.broker.spi.model.OrderType;
import io.tvbridge.broker.spi.model.Side;
import io.tvbridge.broker.spi.model.TimeInForce;
import io.tvbridge.broker.spi.model.TrailingStop;
import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OandaOrderMappingTest {
    private final OandaInstrumentCatalog catalog = new OandaInstrumentCatalog(OandaDecoder.instruments(
            OandaJson.parse("instruments", OandaFixtures.json("instruments"))));
    private final OandaInstrumentSpec eurusd = catalog.byName("EUR_USD").orElseThrow();
    private final OandaInstrumentSpec spx = catalog.byName("SPX500_USD").orElseThrow();

    private OrderRequest order(OandaInstrumentSpec spec, Side side, String quantity, OrderType type,
                               TimeInForce tif) {
        return new OrderRequest(ClientOrderId.of("tvb-m-1-1"), OandaInstrumentCatalog.instrument(spec), side,
                new BigDecimal(quantity), type,
                type.needsLimitPrice() ? Optional.of(new BigDecimal("1.0850049")) : Optional.empty(),
                type.needsStopPrice() ? Optional.of(new BigDecimal("1.0950051")) : Optional.empty(),
                type == OrderType.TRAILING_STOP ? Optional.of(TrailingStop.amount(BigDecimal.ONE)) : Optional.empty(),
                tif, false, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    @Test
    void aSellIsNegativeUnitsRoundedDownToTheInstrumentsPrecision() throws BrokerException {
        OandaOrderRequest sell = OandaOrderMapping.toOanda(order(spx, Side.SELL, "2.57", OrderType.MARKET,
                TimeInForce.DAY), spx, OandaPositionFill.DEFAULT);
        assertThat(sell.units()).isEqualTo(new BigDecimal("-2.5"));
        assertThat(sell.instrument()).isEqualTo("SPX500_USD");
        assertThat(sell.clientId()).isEqualTo("tvb-m-1-1");
    }

    @Test
    void pricesAreRoundedToTheDisplayPrecision() throws BrokerException {
        OandaOrderRequest limit = OandaOrderMapping.toOanda(order(eurusd, Side.BUY, "1000", OrderType.LIMIT,
                TimeInForce.GTC), eurusd, OandaPositionFill.DEFAULT);
        assertThat(limit.price()).contains(new BigDecimal("1.08500"));
        OandaOrderRequest stop = OandaOrderMapping.toOanda(order(eurusd, Side.BUY, "1000", OrderType.STOP,
                TimeInForce.GTC), eurusd, OandaPositionFill.DEFAULT);
        assertThat(stop.price()).contains(new BigDecimal("1.09501"));
        assertThat(stop.type()).isEqualTo(OandaOrderType.STOP);
    }

    @ParameterizedTest(name = "{0} {1} is {2}")
    @CsvSource({
            "MARKET, DAY, FOK", "MARKET, GTC, FOK", "MARKET, FOK, FOK", "MARKET, IOC, IOC",
            "LIMIT, GTC, GTC", "LIMIT, DAY, GFD", "LIMIT, IOC, IOC", "STOP, GTC, GTC", "STOP, FOK, FOK"})
    void timeInForceFollowsWhatOandaAllowsForTheType(OrderType type, TimeInForce asked, OandaTimeInForce sent)
            throws BrokerException {
        assertThat(OandaOrderMapping.toOanda(order(eurusd, Side.BUY, "10", type, asked), eurusd,
                OandaPositionFill.DEFAULT).timeInForce()).isEqualTo(sent);
    }

    @ParameterizedTest
    @CsvSource({"0.4", "0.99"})
    void anOrderBelowTheMinimumIsRefusedBeforeItIsSentWithTheReason(String quantity) {
        BrokerException refused = catchThrowableOfType(BrokerException.class, () -> OandaOrderMapping.toOanda(
                order(eurusd, Side.BUY, quantity, OrderType.MARKET, TimeInForce.DAY), eurusd,
                OandaPositionFill.DEFAULT));
        assertThat(refused.kind()).isEqualTo(BrokerException.Kind.REJECTED);
        assertThat(refused.getMessage()).contains(quantity + " units is below OANDA's minimum of 1 for EUR_USD");
    }

    @Test
    void anOrderAboveTheMaximumIsRefusedBeforeItIsSent() {
        OandaInstrumentSpec gold = catalog.byName("XAU_USD").orElseThrow();
        BrokerException refused = catchThrowableOfType(BrokerException.class, () -> OandaOrderMapping.toOanda(
                order(gold, Side.BUY, "5001", OrderType.MARKET, TimeInForce.DAY), gold, OandaPositionFill.DEFAULT));
        assertThat(refused.kind()).isEqualTo(BrokerException.Kind.REJECTED);
        assertThat(refused.getMessage()).contains("above OANDA's maximum order of 5000");
    }

    @Test
    void stopLimitAndTrailingStopEntriesAreUnsupported() {
        for (OrderType type : new OrderType[] {OrderType.STOP_LIMIT, OrderType.TRAILING_STOP}) {
            BrokerException refused = catchThrowableOfType(BrokerException.class, () -> OandaOrderMapping.toOanda(
                    order(eurusd, Side.BUY, "10", type, TimeInForce.GTC), eurusd, OandaPositionFill.DEFAULT));
            assertThat(refused.kind()).as(type.name()).isEqualTo(BrokerException.Kind.UNSUPPORTED);
        }
    }

    @Test
    void exitsOnFillAreRoundedAndAPercentTrailIsADistanceFromTheAlertsPrice() throws BrokerException {
        OrderRequest bracket = new OrderRequest(ClientOrderId.of("tvb-m-2-1"),
                OandaInstrumentCatalog.instrument(eurusd), Side.BUY, new BigDecimal("1000"), OrderType.MARKET,
                Optional.empty(), Optional.empty(), Optional.of(TrailingStop.percent(new BigDecimal("0.2"))),
                TimeInForce.DAY, false, Optional.empty(), Optional.of(new BigDecimal("1.0920004")),
                Optional.of(new BigDecimal("1.08")), Optional.of(new BigDecimal("1.0850")));
        OandaOrderRequest oanda = OandaOrderMapping.toOanda(bracket, eurusd, OandaPositionFill.REDUCE_FIRST);
        assertThat(oanda.takeProfit()).contains(new BigDecimal("1.09200"));
        assertThat(oanda.stopLoss()).contains(new BigDecimal("1.08000"));
        assertThat(oanda.trailingDistance()).contains(new BigDecimal("0.00217"));
        assertThat(oanda.positionFill()).isEqualTo(OandaPositionFill.REDUCE_FIRST);
    }

    @Test
    void aTrailingDistanceOutsideTheInstrumentsRangeIsRefused() {
        OrderRequest tooClose = new OrderRequest(ClientOrderId.of("tvb-m-3-1"),
                OandaInstrumentCatalog.instrument(eurusd), Side.BUY, new BigDecimal("1000"), OrderType.MARKET,
                Optional.empty(), Optional.empty(), Optional.of(TrailingStop.amount(new BigDecimal("0.0001"))),
                TimeInForce.DAY, false, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        BrokerException refused = catchThrowableOfType(BrokerException.class,
                () -> OandaOrderMapping.toOanda(tooClose, eurusd, OandaPositionFill.DEFAULT));
        assertThat(refused.getMessage()).contains("0.00010 is outside EUR_USD's range of 0.00050 to 1.00000");
    }
}

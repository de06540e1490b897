package io.tvbridge.broker.ibkr.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tvbridge.broker.ibkr.codec.IbOrder;
import io.tvbridge.broker.spi.BrokerException;
import io.tvbridge.broker.spi.model.AssetClass;
import io.tvbridge.broker.spi.model.ClientOrderId;
import io.tvbridge.broker.spi.model.Instrument;
import io.tvbridge.broker.spi.model.OrderRequest;
import io.tvbridge.broker.spi.model.OrderType;
import io.tvbridge.broker.spi.model.Side;
import io.tvbridge.broker.spi.model.TimeInForce;
import io.tvbridge.broker.spi.model.TrailingStop;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IbkrOrdersTest {
    private static final Instrument ES = new Instrument("ESZ2026", AssetClass.FUTURE, "CME", "USD", Optional.empty(),
            new BigDecimal("50"), new BigDecimal("0.25"), BigDecimal.ONE, BigDecimal.ONE, "12345");
    private static final Instrument AAPL = new Instrument("AAPL", AssetClass.STOCK, "SMART", "USD", Optional.empty(),
            BigDecimal.ONE, new BigDecimal("0.01"), new BigDecimal("0.0001"), new BigDecimal("0.0001"), "265598");

    private static OrderRequest request(Instrument instrument, OrderType type, String limit, String stop,
                                        String takeProfit, String stopLoss) {
        return new OrderRequest(ClientOrderId.of("tvb-x-1-1"), instrument, Side.BUY, new BigDecimal("2"), type,
                Optional.ofNullable(limit).map(BigDecimal::new), Optional.ofNullable(stop).map(BigDecimal::new),
                Optional.empty(), TimeInForce.GTC, true, Optional.empty(),
                Optional.ofNullable(takeProfit).map(BigDecimal::new), Optional.ofNullable(stopLoss).map(BigDecimal::new),
                Optional.of(new BigDecimal("5000")));
    }

    @Test
    void aBracketIsAParentAndTwoChildrenReleasedByTheLast() throws BrokerException {
        List<IbkrOrders.Leg> legs = IbkrOrders.legs(request(ES, OrderType.LIMIT, "5000", null, "5050", "4975"), ES,
                "DU1", true);
        assertThat(legs).extracting(IbkrOrders.Leg::id).extracting(ClientOrderId::value)
                .containsExactly("tvb-x-1-1", "tvb-x-1-1.tp", "tvb-x-1-1.sl");
        IbOrder parent = legs.get(0).order();
        IbOrder takeProfit = legs.get(1).order();
        IbOrder stopLoss = legs.get(2).order();
        assertThat(parent.transmit()).isFalse();
        assertThat(parent.orderType()).isEqualTo("LMT");
        assertThat(parent.outsideRth()).isTrue();
        assertThat(takeProfit.transmit()).isFalse();
        assertThat(takeProfit.action()).isEqualTo("SELL");
        assertThat(takeProfit.orderType()).isEqualTo("LMT");
        assertThat(takeProfit.lmtPrice()).isEqualByComparingTo("5050");
        assertThat(stopLoss.transmit()).isTrue();
        assertThat(stopLoss.orderType()).isEqualTo("STP");
        assertThat(stopLoss.auxPrice()).isEqualByComparingTo("4975");
        assertThat(takeProfit.ocaGroup()).isEqualTo(stopLoss.ocaGroup()).isNotEmpty();
        assertThat(legs).allSatisfy(leg -> {
            assertThat(leg.order().account()).isEqualTo("DU1");
            assertThat(leg.order().orderRef()).isEqualTo(leg.id().value());
        });
    }

    @Test
    void pricesAreRoundedToTheTickOrRefusedByPolicy() throws BrokerException {
        IbOrder rounded = IbkrOrders.legs(request(ES, OrderType.LIMIT, "5000.1", null, null, null), ES, "", true)
                .get(0).order();
        assertThat(rounded.lmtPrice()).isEqualByComparingTo("5000");
        assertThatThrownBy(() -> IbkrOrders.legs(request(ES, OrderType.LIMIT, "5000.1", null, null, null), ES, "", false))
                .isInstanceOf(BrokerException.class).hasMessageContaining("tick 0.25");
    }

    @Test
    void eachTypePutsItsPricesInIbsFields() throws BrokerException {
        IbOrder stop = IbkrOrders.legs(request(AAPL, OrderType.STOP, null, "190.5", null, null), AAPL, "", true)
                .get(0).order();
        assertThat(stop.orderType()).isEqualTo("STP");
        assertThat(stop.auxPrice()).isEqualByComparingTo("190.5");
        assertThat(stop.lmtPrice()).isNull();
        IbOrder stopLimit = IbkrOrders.legs(request(AAPL, OrderType.STOP_LIMIT, "191", "190.5", null, null), AAPL, "",
                true).get(0).order();
        assertThat(stopLimit.orderType()).isEqualTo("STP LMT");
        assertThat(stopLimit.lmtPrice()).isEqualByComparingTo("191");
        assertThat(stopLimit.auxPrice()).isEqualByComparingTo("190.5");

        IbOrder trailing = IbkrOrders.legs(trailing(AAPL, TrailingStop.percent(new BigDecimal("1.5"))), AAPL, "",
                true).get(0).order();
        assertThat(trailing.orderType()).isEqualTo("TRAIL");
        assertThat(trailing.trailingPercent()).isEqualByComparingTo("1.5");
        assertThat(trailing.auxPrice()).isNull();
    }

    private static OrderRequest trailing(Instrument instrument, TrailingStop trail) {
        return new OrderRequest(ClientOrderId.of("t-1"), instrument, Side.SELL, BigDecimal.ONE, OrderType.TRAILING_STOP,
                Optional.empty(), Optional.empty(), Optional.of(trail), TimeInForce.GTC, false, Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    @Test
    void aTrailingAmountGoesInAuxPriceOnTheTick() throws BrokerException {
        // TWS-PROTOCOL.md §3.7: TRAIL by amount puts the amount in #20 auxPrice and leaves #69 trailingPercent unset
        OrderRequest trail = trailing(ES, TrailingStop.amount(new BigDecimal("10.1")));
        IbOrder trailing = IbkrOrders.legs(trail, ES, "", true).get(0).order();
        assertThat(trailing.orderType()).isEqualTo("TRAIL");
        assertThat(trailing.auxPrice()).isEqualByComparingTo("10");   // ES trades in ticks of 0.25
        assertThat(trailing.trailingPercent()).isNull();
        assertThat(trailing.lmtPrice()).isNull();
        assertThatThrownBy(() -> IbkrOrders.legs(trail, ES, "", false)).hasMessageContaining("trailing price 10.1");
    }

    @Test
    void sizesFollowTheContractsIncrementAndFractionsWhereAllowed() throws BrokerException {
        OrderRequest fractional = OrderRequest.market(ClientOrderId.of("f-1"), AAPL, Side.BUY, new BigDecimal("0.5"));
        assertThat(IbkrOrders.legs(fractional, AAPL, "", true).get(0).order().totalQuantity())
                .isEqualByComparingTo("0.5");
        OrderRequest half = OrderRequest.market(ClientOrderId.of("f-2"), ES, Side.BUY, new BigDecimal("0.5"));
        assertThatThrownBy(() -> IbkrOrders.legs(half, ES, "", true)).hasMessageContaining("at least 1");
    }

    @Test
    void bracketExitsOnTheWrongSideAreRefused() {
        assertThatThrownBy(() -> IbkrOrders.legs(request(ES, OrderType.LIMIT, "5000", null, "4990", null), ES, "", true))
                .hasMessageContaining("take-profit 4990 is on the wrong side");
        assertThatThrownBy(() -> IbkrOrders.legs(request(ES, OrderType.LIMIT, "5000", null, null, "5010"), ES, "", true))
                .hasMessageContaining("stop-loss 5010 is on the wrong side");
    }
}

package io.tvbridge.broker.oanda.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.tvbridge.broker.spi.model.OrderStatus;
import io.tvbridge.broker.spi.model.OrderType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OandaOrderStatesTest {

    @ParameterizedTest(name = "{0} cancelled for {1}, part filled {2}: {3}")
    @CsvSource({
            "MARKET, MARKET_HALTED, false, REJECTED",
            "MARKET, INSUFFICIENT_MARGIN, false, REJECTED",
            "MARKET, INSUFFICIENT_LIQUIDITY, true, CANCELLED",
            "LIMIT, CLIENT_REQUEST, false, CANCELLED",
            "STOP, INSUFFICIENT_MARGIN, false, CANCELLED",
            "LIMIT, TIME_IN_FORCE_EXPIRED, false, EXPIRED",
            "LIMIT, LINKED_TRADE_CLOSED, false, CANCELLED"})
    void aCancelTransactionEndsAnOrderByItsTypeAndReason(OrderType type, String reason, boolean partlyFilled,
                                                         OrderStatus status) {
        assertThat(OandaOrderStates.ended(type, reason, partlyFilled)).isEqualTo(status);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({"MARKET, MARKET", "LIMIT, LIMIT", "STOP, STOP", "TAKE_PROFIT, LIMIT", "STOP_LOSS, STOP",
            "TRAILING_STOP_LOSS, STOP", "MARKET_IF_TOUCHED, LIMIT"})
    void oandasOrderTypesAreTvbridgesOrderTypes(String oanda, OrderType type) {
        assertThat(OandaOrderStates.orderType(oanda)).isEqualTo(type);
    }
}

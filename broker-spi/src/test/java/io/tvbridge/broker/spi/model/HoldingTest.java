package io.tvbridge.broker.spi.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class HoldingTest {
    private static BigDecimal d(String text) {
        return new BigDecimal(text);
    }

    @Test
    void addingMovesTheAverageCost() {
        Holding holding = Holding.FLAT.apply(Side.BUY, d("10"), d("100"), BigDecimal.ONE)
                .apply(Side.BUY, d("10"), d("110"), BigDecimal.ONE);
        assertThat(holding.quantity()).isEqualByComparingTo("20");
        assertThat(holding.averageCost()).isEqualByComparingTo("105");
        assertThat(holding.realizedPnl()).isEqualByComparingTo("0");
    }

    @Test
    void reducingRealizesAgainstTheAverageWithTheMultiplier() {
        Holding holding = Holding.FLAT.apply(Side.BUY, d("2"), d("5000"), d("50"))
                .apply(Side.SELL, d("1"), d("5010.25"), d("50"));
        assertThat(holding.quantity()).isEqualByComparingTo("1");
        assertThat(holding.averageCost()).isEqualByComparingTo("5000");
        assertThat(holding.realizedPnl()).isEqualByComparingTo("512.5");
    }

    @Test
    void crossingZeroClosesAndOpensAtTheFillPrice() {
        Holding holding = Holding.FLAT.apply(Side.BUY, d("10"), d("100"), BigDecimal.ONE)
                .apply(Side.SELL, d("15"), d("90"), BigDecimal.ONE);
        assertThat(holding.quantity()).isEqualByComparingTo("-5");
        assertThat(holding.averageCost()).isEqualByComparingTo("90");
        assertThat(holding.realizedPnl()).isEqualByComparingTo("-100");
    }

    @Test
    void shortsProfitWhenThePriceFalls() {
        Holding holding = Holding.FLAT.apply(Side.SELL, d("3"), d("50"), BigDecimal.ONE)
                .apply(Side.BUY, d("3"), d("40"), BigDecimal.ONE);
        assertThat(holding.isFlat()).isTrue();
        assertThat(holding.averageCost()).isEqualByComparingTo("0");
        assertThat(holding.realizedPnl()).isEqualByComparingTo("30");
        assertThat(Holding.FLAT.apply(Side.SELL, d("3"), d("50"), BigDecimal.ONE).unrealizedPnl(d("45"), BigDecimal.ONE))
                .isEqualByComparingTo("15");
    }
}

package io.tvbridge.core.account.shadow;

import static org.assertj.core.api.Assertions.assertThat;

import io.tvbridge.broker.spi.model.ClientOrderId;
import io.tvbridge.broker.spi.model.InstrumentRef;
import io.tvbridge.broker.spi.model.Side;
import io.tvbridge.broker.spi.model.TimeInForce;
import io.tvbridge.core.model.OrderPhase;
import io.tvbridge.core.model.OrderPrices;
import io.tvbridge.core.model.PlannedOrder;
import io.tvbridge.core.money.Money;
import io.tvbridge.core.store.OrderProgress;
import io.tvbridge.core.store.OrderRef;
import io.tvbridge.core.store.StoredOrder;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The report's arithmetic as a table: one order per row, then the totals of a few. */
class SlippageReportTest {
    private static final Instant AT = Instant.parse("2026-12-07T15:00:00Z");
    private static final SlippageReport.ToAccount SAME_CURRENCY = (symbol, amount) -> Optional.of(Money.of(amount,
            "USD"));

    /** A filled order of {@code quantity} at {@code price} (null: not filled), {@code multiplier} per contract. */
    private static StoredOrder order(String id, String symbol, Side side, String quantity, String price,
                                     String multiplier) {
        PlannedOrder plan = new PlannedOrder(InstrumentRef.parse(symbol), side, new BigDecimal(quantity),
                OrderPrices.market(), Optional.empty(), Optional.empty(), Optional.of(BigDecimal.TEN), TimeInForce.DAY,
                true);
        boolean filled = price != null;
        OrderProgress progress = new OrderProgress(filled ? OrderPhase.FILLED : OrderPhase.ACCEPTED,
                new BigDecimal(multiplier), Optional.empty(), filled ? new BigDecimal(quantity) : BigDecimal.ZERO,
                Optional.ofNullable(price).map(BigDecimal::new), Optional.empty(), Optional.of(AT), AT,
                Optional.empty());
        return new StoredOrder(new OrderRef(1, ClientOrderId.of(id), 7, "test", "", Optional.empty()), plan, false,
                AT, progress);
    }

    private static SlippageReport.Pair pair(String strategy, StoredOrder live, StoredOrder shadow, String tick,
                                            String currency) {
        return new SlippageReport.Pair(Optional.ofNullable(strategy), live, Optional.ofNullable(shadow),
                Optional.empty(), new BigDecimal(tick), currency);
    }

    static Stream<Arguments> orders() {
        return Stream.of(
                // what, live side qty price multiplier, shadow price, tick, per unit, ticks, money
                Arguments.of("a buy filled higher costs", Side.BUY, "10", "100.05", "1", "100.00", "0.01",
                        "0.05", "5", "0.5 USD"),
                Arguments.of("a buy filled lower gains", Side.BUY, "10", "99.98", "1", "100.00", "0.01",
                        "-0.02", "-2", "-0.2 USD"),
                Arguments.of("a sell filled lower costs", Side.SELL, "10", "99.97", "1", "100.00", "0.01",
                        "0.03", "3", "0.3 USD"),
                Arguments.of("a future: ticks of a quarter, money times 50", Side.BUY, "2", "5001.5", "50",
                        "5000.75", "0.25", "0.75", "3", "75 USD"),
                Arguments.of("a currency pair in pips of 0.00001", Side.SELL, "10000", "1.08412", "1", "1.08430",
                        "0.00001", "0.00018", "18", "1.8 USD"),
                Arguments.of("the same price: nothing", Side.BUY, "5", "42", "1", "42", "0.01", "0", "0",
                        "0 USD"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("orders")
    void oneOrder(String what, Side side, String quantity, String livePrice, String multiplier, String shadowPrice,
                  String tick, String perUnit, String ticks, String money) {
        SlippageReport.OrderSlippage row = SlippageReport.order(pair("ema",
                order("live-1", "X", side, quantity, livePrice, multiplier),
                order("shadow-1", "X", side, quantity, shadowPrice, "1"), tick, "USD"), SAME_CURRENCY);
        assertThat(row.measured()).isTrue();
        assertThat(row.status()).isEqualTo("measured");
        assertThat(row.perUnit()).hasValueSatisfying(value -> assertThat(value).isEqualByComparingTo(perUnit));
        assertThat(row.ticks()).hasValueSatisfying(value -> assertThat(value).isEqualByComparingTo(ticks));
        assertThat(row.money()).hasValue(Money.parse(money));
        assertThat(row.accountMoney()).hasValue(Money.parse(money));
    }

    @Test
    void anOrderNotFilledOrNotCopiedIsListedWithWhyAndLeftOutOfTheFigures() {
        SlippageReport.OrderSlippage liveOpen = SlippageReport.order(pair("ema", order("l", "X", Side.BUY, "1", null,
                "1"), order("s", "X", Side.BUY, "1", "10", "1"), "0.01", "USD"), SAME_CURRENCY);
        assertThat(liveOpen.measured()).isFalse();
        assertThat(liveOpen.status()).startsWith("the live order has not filled (accepted");
        SlippageReport.OrderSlippage refused = SlippageReport.order(new SlippageReport.Pair(Optional.empty(),
                order("l", "X", Side.BUY, "1", "10", "1"), Optional.empty(),
                Optional.of("the kill switch of this shadow account is on"), BigDecimal.ONE, "USD"), SAME_CURRENCY);
        assertThat(refused.status()).isEqualTo("not copied: the kill switch of this shadow account is on");
        assertThat(refused.money()).isEmpty();
        StoredOrder unpriced = order("l", "X", Side.BUY, "1", "10", "1");
        unpriced = new StoredOrder(unpriced.ref(), new PlannedOrder(unpriced.instrument(), Side.BUY, BigDecimal.ONE,
                OrderPrices.market(), Optional.empty(), Optional.empty(), Optional.empty(), TimeInForce.DAY, true),
                false, AT, unpriced.progress());
        SlippageReport.OrderSlippage noPrice = SlippageReport.order(pair("ema", unpriced,
                order("s", "X", Side.BUY, "1", "9", "1"), "0.01", "USD"), SAME_CURRENCY);
        assertThat(noPrice.measured()).isFalse();
        assertThat(noPrice.status()).startsWith("not measured: the alert gave no price");
    }

    @Test
    void totalsAddMoneyByCurrencyAndWeighTicksByQuantity() {
        SlippageReport.Report report = SlippageReport.of("live", "shadow", AT, Optional.empty(), List.of(
                pair("ema", order("1", "AAPL", Side.BUY, "10", "100.02", "1"), order("a", "AAPL", Side.BUY, "10",
                        "100.00", "1"), "0.01", "USD"),
                pair("ema", order("2", "AAPL", Side.SELL, "30", "99.99", "1"), order("b", "AAPL", Side.SELL, "30",
                        "100.00", "1"), "0.01", "USD"),
                pair("fx", order("3", "USDJPY", Side.BUY, "1000", "150.013", "1"), order("c", "USDJPY", Side.BUY,
                        "1000", "150.010", "1"), "0.001", "JPY"),
                pair("fx", order("4", "USDJPY", Side.BUY, "1000", null, "1"), order("d", "USDJPY", Side.BUY, "1000",
                        "150.010", "1"), "0.001", "JPY")),
                (symbol, amount) -> symbol.equals("USDJPY") ? Optional.empty() : Optional.of(Money.of(amount, "USD")));
        // AAPL: +2 ticks on 10 and +1 tick on 30 -> (20 + 30) / 40 = 1.25 ticks; 0.2 + 0.3 = 0.5 USD
        assertThat(report.bySymbol()).extracting(SlippageReport.Total::key).containsExactly("AAPL", "USDJPY");
        SlippageReport.Total aapl = report.bySymbol().get(0);
        assertThat(aapl.orders()).isEqualTo(2);
        assertThat(aapl.averageTicks()).hasValueSatisfying(t -> assertThat(t).isEqualByComparingTo("1.25"));
        assertThat(aapl.money()).containsOnlyKeys("USD");
        assertThat(aapl.money().get("USD")).isEqualByComparingTo("0.5");
        assertThat(aapl.accountMoney()).hasValue(Money.of(new BigDecimal("0.5"), "USD"));
        SlippageReport.Total fx = report.byStrategy().get(1);
        assertThat(fx.key()).isEqualTo("fx");
        assertThat(fx.orders()).isEqualTo(2);
        assertThat(fx.measured()).isEqualTo(1);
        assertThat(fx.money().get("JPY")).isEqualByComparingTo("3");
        assertThat(fx.accountMoney()).as("no rate for yen: not summed in dollars").isEmpty();
        assertThat(report.total().money()).containsOnlyKeys("USD", "JPY");
        assertThat(report.total().money().get("USD")).isEqualByComparingTo("0.5");
        assertThat(report.total().money().get("JPY")).isEqualByComparingTo("3");
        assertThat(report.total().measured()).isEqualTo(3);
    }
}

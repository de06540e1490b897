package io.tvbridge.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tvbridge.broker.ibkr.fake.FakeTwsOrder;
import io.tvbridge.broker.ibkr.fake.FakeTwsServer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code GET /admin/slippage} of the shadow checked against what the test computes on its own:
 * live's price is the fake TWS's fill, the shadow's the alert's price; per unit, ticks (the fake
 * TWS's minTick of a stock, 0.01, in its contract details) and money (times the filled quantity;
 * stocks have no multiplier), then each symbol's, each strategy's and the whole's sums.
 */
final class SlippageCheck {
    /** The minTick the fake TWS's contract details give every stock it knows (FakeTwsContracts). */
    private static final BigDecimal STOCK_TICK = new BigDecimal("0.01");
    private static final int SCALE = 4;

    private final JsonNode report;
    private final Map<String, FakeTwsOrder> filledAtTws;
    private final Map<String, SeveralAccountsIT.Quote> quotes;

    private SlippageCheck(JsonNode report, Map<String, FakeTwsOrder> filledAtTws,
                          Map<String, SeveralAccountsIT.Quote> quotes) {
        this.report = report;
        this.filledAtTws = filledAtTws;
        this.quotes = quotes;
    }

    static SlippageCheck of(JsonNode report, FakeTwsServer tws, Map<String, SeveralAccountsIT.Quote> quotes) {
        return new SlippageCheck(report, tws.orders().stream().collect(Collectors.toMap(order ->
                order.order().orderRef(), Function.identity())), quotes);
    }

    /** The sums of a group of orders, as the report should give them. */
    private static final class Sum {
        int orders;
        BigDecimal quantity = BigDecimal.ZERO;
        BigDecimal weightedTicks = BigDecimal.ZERO;
        BigDecimal money = BigDecimal.ZERO;

        void add(BigDecimal filled, BigDecimal ticks, BigDecimal amount) {
            orders++;
            quantity = quantity.add(filled);
            weightedTicks = weightedTicks.add(ticks.multiply(filled));
            money = money.add(amount);
        }
    }

    void check() {
        assertThat(report.path("leader").asText()).isEqualTo("live");
        assertThat(report.path("shadow").asText()).isEqualTo("shadow");
        Map<String, Sum> bySymbol = new TreeMap<>();
        Map<String, Sum> byStrategy = new TreeMap<>();
        Sum all = new Sum();
        TreeSet<String> reported = new TreeSet<>();
        for (JsonNode order : report.path("orders")) {
            String live = order.path("live").asText();
            reported.add(live);
            FakeTwsOrder atTws = filledAtTws.get(live);
            assertThat(atTws).as("%s at TWS", live).isNotNull();
            String symbol = order.path("symbol").asText().replaceFirst(".*:", "");
            BigDecimal venuePrice = atTws.avgFillPrice();
            BigDecimal alertPrice = quotes.get(symbol).alert();
            BigDecimal filled = atTws.filled();
            boolean buy = order.path("side").asText().equalsIgnoreCase("buy");
            BigDecimal perUnit = buy ? venuePrice.subtract(alertPrice) : alertPrice.subtract(venuePrice);
            BigDecimal ticks = perUnit.divide(STOCK_TICK, SCALE, RoundingMode.HALF_EVEN);
            BigDecimal money = perUnit.multiply(filled);
            String what = live + " " + order;
            assertThat(order.path("measured").asBoolean()).as(what).isTrue();
            assertThat(order.path("status").asText()).as(what).isEqualTo("measured");
            assertThat(decimal(order, "live_price")).as("live's price is TWS's fill: %s", what)
                    .isEqualByComparingTo(venuePrice);
            assertThat(decimal(order, "shadow_price")).as("the shadow's price is the alert's: %s", what)
                    .isEqualByComparingTo(alertPrice);
            assertThat(decimal(order, "quantity")).as(what).isEqualByComparingTo(filled);
            assertThat(decimal(order, "per_unit")).as(what).isEqualByComparingTo(perUnit);
            assertThat(decimal(order, "ticks")).as(what).isEqualByComparingTo(ticks);
            assertThat(decimal(order.path("money"), "amount")).as(what).isEqualByComparingTo(money);
            assertThat(order.path("money").path("currency").asText()).as(what).isEqualTo("USD");
            bySymbol.computeIfAbsent(symbol, key -> new Sum()).add(filled, ticks, money);
            byStrategy.computeIfAbsent(order.path("strategy").asText("(none)"), key -> new Sum())
                    .add(filled, ticks, money);
            all.add(filled, ticks, money);
        }
        assertThat(reported).as("every order live placed at TWS is in the report")
                .isEqualTo(new TreeSet<>(filledAtTws.keySet()));
        checkTotals("by_symbol", bySymbol);
        checkTotals("by_strategy", byStrategy);
        checkTotal(report.path("total"), all);
    }

    private void checkTotals(String field, Map<String, Sum> expected) {
        Map<String, JsonNode> totals = new TreeMap<>();
        report.path(field).forEach(total -> totals.put(total.path("key").asText(), total));
        assertThat(totals.keySet()).as(field).isEqualTo(expected.keySet());
        expected.forEach((key, sum) -> checkTotal(totals.get(key), sum));
    }

    private static void checkTotal(JsonNode total, Sum sum) {
        String what = total.toString();
        assertThat(total.path("orders").asInt()).as(what).isEqualTo(sum.orders);
        assertThat(total.path("measured").asInt()).as(what).isEqualTo(sum.orders);
        assertThat(decimal(total.path("money"), "USD")).as(what).isEqualByComparingTo(sum.money);
        assertThat(decimal(total, "average_ticks")).as(what)
                .isEqualByComparingTo(sum.weightedTicks.divide(sum.quantity, SCALE, RoundingMode.HALF_EVEN));
    }

    private static BigDecimal decimal(JsonNode node, String field) {
        JsonNode value = node.path(field);
        assertThat(value.isMissingNode() || value.isNull()).as("%s in %s", field, node).isFalse();
        return new BigDecimal(value.asText());
    }
}

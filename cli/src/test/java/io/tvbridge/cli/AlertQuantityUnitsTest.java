package io.tvbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An alert's quantity in each unit, turned into units through the webhook against the paper
 * account (100,000 USD), with the alert's quantity winning over the sizing mode (notional here).
 */
@Timeout(120)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlertQuantityUnitsTest {
    private TestDaemon tv;

    @BeforeAll
    void start(@TempDir Path folder) {
        tv = TestDaemon.start(folder, Map.of("SIZING_MODE", "notional", "SIZING_AMOUNT", "500", "LOT_SIZE", "100"));
    }

    @AfterAll
    void stop() {
        tv.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            units as given                       | "quantity":7,"price":50                                            | 7
            money at the alert's price           | "quantity":1000,"quantity_unit":"money","price":40                 | 25
            lots of LOT_SIZE units               | "quantity":2,"quantity_unit":"lots","price":40                     | 200
            money lost at the stop-loss          | "quantity":100,"quantity_unit":"risk_money","price":100,"stop_loss":95 | 20
            TradersPost's dollar amount          | "quantity":300,"quantityType":"dollar_amount","signalPrice":30     | 10
            no quantity: the sizing mode         | "price":50                                                         | 10
            """)
    void anEntrysQuantityBecomesUnits(String why, String fields, String units) {
        JsonNode answer = tv.signal("\"symbol\":\"U" + Math.abs(why.hashCode() % 1000) + "\",\"action\":\"buy\","
                + fields);
        assertThat(quantityOf(answer)).isEqualByComparingTo(units);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            half of the position                 | "action":"close","quantity":50,"quantity_unit":"percent_position" | SELL 5
            a TradersPost exit of a percent      | "action":"exit","quantityType":"percent_of_position","quantity":20 | SELL 2
            a sell of a percent of what is held  | "action":"sell","quantity":30,"quantity_unit":"percent_available"  | SELL 3
            a sell ending flat exits the long    | "action":"sell","sentiment":"flat","quantity":50                   | SELL 10
            """)
    void anExitsQuantityIsAShareOfThePosition(String why, String fields, String order) {
        String symbol = "X" + Math.abs(why.hashCode() % 1000);
        assertThat(quantityOf(tv.signal("\"symbol\":\"" + symbol + "\",\"action\":\"buy\",\"quantity\":10,"
                + "\"price\":20"))).isEqualByComparingTo("10");
        tv.settle();
        JsonNode answer = tv.signal("\"symbol\":\"" + symbol + "\",\"price\":20," + fields);
        assertThat(answer.get("decision").asText()).as(answer.toString()).isEqualTo("accepted");
        assertThat(tv.text("select side || ' ' || cast(quantity as int) from orders where client_order_id = '"
                + answer.get("client_order_id").asText() + "'")).isEqualTo(order);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            PineConnector's risk= without its setting | 7012345,buy,EURUSD,risk=1       | set PINECONNECTOR_RISK
            lots without a lot size                   | 7012345,buy,EURUSD,vol_lots=1   | set LOT_SIZE
            sl= without its setting                   | 7012345,buy,GBPUSD,vol_lots=1,sl=20 | set PINECONNECTOR_TARGET
            """)
    void aQuantityThatNeedsASettingNamesIt(String why, String line, String reason) {
        tv.set(Map.of("lot_size", "0"));
        try {
            JsonNode answer = TestDaemon.json(tv.postTo("/webhook/" + TestDaemon.SECRET,
                    line.getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/plain", Map.of()));
            assertThat(answer.get("decision").asText()).as(answer.toString()).isEqualTo("rejected");
            assertThat(answer.get("reason").asText()).contains(reason);
        } finally {
            tv.set(Map.of("lot_size", "100"));
        }
    }

    @ParameterizedTest(name = "pineconnector_target={0}")
    @CsvSource(delimiter = '|', textBlock = """
            pips    | sl=20,tp=40       | LIMIT 1.104, STOP 1.098
            percent | sl=1,tp=2         | LIMIT 1.122, STOP 1.089
            price   | sl=1.05,tp=1.2    | LIMIT 1.2, STOP 1.05
            """)
    void pineConnectorExitsBecomePricesFromTheLastPriceSeen(String target, String exits, String children) {
        tv.set(Map.of("pineconnector_target", target, "pineconnector_risk", "lots"));
        try {
            String symbol = "EURUSD";
            // tvbridge learns the price from an alert that orders nothing
            tv.signal("\"symbol\":\"" + symbol + "\",\"action\":\"close\",\"price\":1.1");
            JsonNode answer = TestDaemon.json(tv.postTo("/webhook/" + TestDaemon.SECRET,
                    ("7012345,buy," + symbol + ",risk=1," + exits).getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    "text/plain", Map.of()));
            assertThat(answer.get("decision").asText()).as(answer.toString()).isEqualTo("accepted");
            String entry = answer.get("client_order_id").asText();
            assertThat(tv.text("select side || ' ' || cast(quantity as int) from orders where client_order_id = '"
                    + entry + "'")).isEqualTo("BUY 100");
            List<String> legs = tv.query("select order_type, coalesce(limit_price, stop_price) from orders"
                    + " where parent_client_order_id = '" + entry + "' order by order_type", rs -> {
                        List<String> rows = new ArrayList<>();
                        while (rs.next()) {
                            rows.add(rs.getString(1) + " " + rs.getBigDecimal(2).stripTrailingZeros().toPlainString());
                        }
                        return rows;
                    });
            assertThat(String.join(", ", legs)).isEqualTo(children);
        } finally {
            tv.set(Map.of("pineconnector_target", "unset", "pineconnector_risk", "unset"));
        }
    }

    @ParameterizedTest(name = "signal_quantity={0}")
    @CsvSource({"use, 3", "ignore, 10"})
    void signalQuantityDecidesWhetherTheAlertsQuantityWins(String setting, String units) {
        tv.set(Map.of("signal_quantity", setting));
        try {
            JsonNode answer = tv.signal("\"symbol\":\"SQ" + setting.length() + "\",\"action\":\"buy\",\"quantity\":3,"
                    + "\"price\":50");
            assertThat(quantityOf(answer)).isEqualByComparingTo(units);
        } finally {
            tv.set(Map.of("signal_quantity", "use"));
        }
    }

    private java.math.BigDecimal quantityOf(JsonNode answer) {
        assertThat(answer.get("decision").asText()).as(answer.toString()).isEqualTo("accepted");
        return new java.math.BigDecimal(tv.text("select quantity from orders where client_order_id = '"
                + answer.get("client_order_id").asText() + "'"));
    }
}

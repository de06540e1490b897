package io.tvbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Each sizing mode, through the webhook, against the paper account (100,000 USD). */
@Timeout(120)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SizingTest {
    private TestDaemon tv;

    @BeforeAll
    void start(@TempDir Path folder) {
        tv = TestDaemon.start(folder, Map.of("STRATEGY_SIZING",
                "fixed=notional:1000; share=equity_percent:2; risky=risk; crypto=notional:1000",
                "CONVICTION_RISK", "low=0.5,medium=1,high=2,3=3"));
    }

    @AfterAll
    void stop() {
        tv.close();
    }

    private String quantityOf(JsonNode answer) {
        assertThat(answer.get("decision").asText()).as(answer.toString()).isEqualTo("accepted");
        return tv.text("select quantity from orders where client_order_id = '" + answer.get("client_order_id").asText()
                + "'");
    }

    @Test
    void theAlertsQuantityByDefault() {
        assertThat(quantityOf(tv.signal("\"symbol\":\"Q1\",\"action\":\"buy\",\"quantity\":7,\"price\":10")))
                .matches("7\\.0*");
    }

    @Test
    void aFixedAmountInWholeUnits() {
        JsonNode answer = tv.signal("\"symbol\":\"N1\",\"action\":\"buy\",\"price\":150,\"strategy\":\"fixed\"");
        assertThat(quantityOf(answer)).matches("6\\.0*");   // 1,000 / 150 = 6.67: six whole units
    }

    @Test
    void aFixedAmountOfCryptoInFractions() {
        JsonNode answer = tv.signal("\"symbol\":\"COINBASE:BTCUSD\",\"action\":\"buy\",\"price\":40000,"
                + "\"strategy\":\"crypto\"");
        assertThat(quantityOf(answer)).matches("0\\.025\\d*");
    }

    @Test
    void aPercentOfEquity() {
        tv.settle();
        JsonNode answer = tv.signal("\"symbol\":\"E1\",\"action\":\"buy\",\"price\":50,\"strategy\":\"share\"");
        // 2% of about 100,000 at 50 = about 40 (equity moves a little with the other tests' fills)
        assertThat(Double.parseDouble(quantityOf(answer))).isBetween(38.0, 42.0);
    }

    @Test
    void byRiskWithTheConvictionsPercent() {
        tv.settle();
        JsonNode high = tv.signal("\"symbol\":\"R1\",\"action\":\"buy\",\"price\":100,\"stop_loss\":95,"
                + "\"strategy\":\"risky\",\"conviction\":\"HIGH\"");
        // 2% of about 100,000 = about 2,000 at risk, 5 per unit to the stop: about 400 units
        assertThat(Double.parseDouble(quantityOf(high))).isBetween(380.0, 420.0);
        tv.settle();
        JsonNode numeric = tv.signal("\"symbol\":\"R2\",\"action\":\"buy\",\"price\":100,\"stop_loss\":90,"
                + "\"strategy\":\"risky\",\"conviction\":3");
        assertThat(Double.parseDouble(quantityOf(numeric))).isBetween(270.0, 310.0);   // 3% over 10 per unit

        JsonNode noStop = tv.signal("\"symbol\":\"R3\",\"action\":\"buy\",\"price\":100,\"strategy\":\"risky\"");
        assertThat(noStop.get("decision").asText()).isEqualTo("rejected");
        assertThat(noStop.get("reason").asText()).contains("risk sizing needs the alert's \"stop_loss\"");
        JsonNode unknown = tv.signal("\"symbol\":\"R4\",\"action\":\"buy\",\"price\":100,\"stop_loss\":99,"
                + "\"strategy\":\"risky\",\"conviction\":\"extreme\"");
        assertThat(unknown.get("reason").asText()).contains("unknown conviction 'extreme'");
    }

    @Test
    void aSizeBelowOneUnitIsRefusedWithTheNumbers() {
        JsonNode answer = tv.signal("\"symbol\":\"BIG\",\"action\":\"buy\",\"price\":5000,\"strategy\":\"fixed\"");
        assertThat(answer.get("decision").asText()).isEqualTo("rejected");
        assertThat(answer.get("reason").asText()).isEqualTo("sizing: 1,000.00 USD buys less than one unit of BIG at 5000");
    }

    @Test
    void sizingWithoutAPriceSaysSo() {
        JsonNode answer = tv.signal("\"symbol\":\"NOPX\",\"action\":\"buy\",\"strategy\":\"fixed\"");
        assertThat(answer.get("reason").asText()).contains("sizing needs a price and none is known for NOPX");
    }
}

package io.tvbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tvbridge.broker.spi.BrokerException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Target-position alerts ({@code {{strategy.market_position}}} and its size): the bridge orders
 * the difference, so repeating a target orders nothing and a missed alert is caught up.
 */
@Timeout(60)
class TargetPositionTest {
    @TempDir
    Path folder;

    private static String target(String side, int size) {
        return "\"symbol\":\"TGT\",\"market_position\":\"" + side + "\",\"market_position_size\":\"" + size
                + "\",\"price\":\"100\"";
    }

    private static List<String> orders(TestDaemon tv, JsonNode answer) {
        return tv.query("select side || ' ' || cast(quantity as int) from orders where signal_id = "
                + answer.get("signal_id").asLong() + " order by id", rs -> {
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
            return rows;
        });
    }

    private static BigDecimal held(TestDaemon tv) throws BrokerException {
        return tv.paper().positions().stream().filter(p -> p.symbol().equals("TGT")).map(p -> p.quantity())
                .findFirst().orElse(BigDecimal.ZERO);
    }

    @Test
    void repeatedReducedReversedAndFlattened() throws BrokerException {
        try (TestDaemon tv = TestDaemon.start(folder)) {
            assertThat(orders(tv, tv.signal(target("long", 10)))).containsExactly("BUY 10");

            JsonNode again = tv.signal(target("long", 10));
            assertThat(again.get("decision").asText()).isEqualTo("accepted");
            assertThat(again.get("reason").asText()).isEqualTo("already at the target position: long 10 TGT; nothing"
                    + " to order");
            assertThat(orders(tv, again)).isEmpty();

            assertThat(orders(tv, tv.signal(target("long", 4)))).containsExactly("SELL 6");
            assertThat(orders(tv, tv.signal(target("short", 3)))).containsExactly("SELL 7");
            assertThat(orders(tv, tv.signal(target("flat", 0)))).containsExactly("BUY 3");
            tv.settle();
            assertThat(held(tv)).isEqualByComparingTo("0");

            assertThat(orders(tv, tv.signal("\"symbol\":\"TGT\",\"position_size\":\"-2\",\"price\":100")))
                    .containsExactly("SELL 2");
            tv.settle();
            assertThat(held(tv)).isEqualByComparingTo("-2");
        }
    }

    @Test
    void aReversalInTwoStepsClosesThenOpens() throws BrokerException {
        try (TestDaemon tv = TestDaemon.start(folder, Map.of("TARGET_REVERSAL", "two_steps"))) {
            tv.signal(target("long", 5));
            assertThat(orders(tv, tv.signal(target("short", 2)))).containsExactly("SELL 5", "SELL 2");
            tv.settle();
            assertThat(held(tv)).isEqualByComparingTo("-2");
            assertThat(tv.count("select count(*) from orders where opens and side = 'SELL'")).isEqualTo(1);
        }
    }

    @Test
    void aReversalInTwoStepsPastThePositionLimitIsRefusedWhole() throws BrokerException {
        try (TestDaemon tv = TestDaemon.start(folder, Map.of("TARGET_REVERSAL", "two_steps",
                "MAX_POSITION_SIZE", "5"))) {
            tv.signal(target("long", 5));
            tv.settle();
            JsonNode reversal = tv.signal(target("short", 10));
            assertThat(reversal.get("decision").asText()).isEqualTo("rejected");
            assertThat(reversal.get("reason").asText()).startsWith("max_position_size: TGT would reach 10 units")
                    .contains("step 2 of 2");
            assertThat(orders(tv, reversal)).isEmpty();
            tv.settle();
            assertThat(held(tv)).isEqualByComparingTo("5");
        }
    }

    @Test
    void aTargetThatReducesPassesAPause() {
        try (TestDaemon tv = TestDaemon.start(folder)) {
            tv.signal(target("long", 8));
            tv.settle();
            tv.daemon.control().pause("tester", "lunch");
            assertThat(orders(tv, tv.signal(target("long", 3)))).containsExactly("SELL 5");
            JsonNode more = tv.signal(target("long", 9));
            assertThat(more.get("reason").asText()).startsWith("pause:");
        }
    }

    @Test
    void aTargetNeedsItsSize() {
        try (TestDaemon tv = TestDaemon.start(folder)) {
            var response = tv.post(TestDaemon.alert("\"symbol\":\"TGT\",\"market_position\":\"long\""));
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(TestDaemon.json(response).get("field").asText()).isEqualTo("market_position_size");
            var sideless = tv.post(TestDaemon.alert("\"symbol\":\"TGT\",\"market_position\":\"sideways\",\"market_position_size\":1"));
            assertThat(TestDaemon.json(sideless).get("error").asText()).contains("is not long, short or flat");
        }
    }
}

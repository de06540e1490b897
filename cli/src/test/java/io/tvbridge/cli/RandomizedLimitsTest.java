package io.tvbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tvbridge.broker.spi.model.Position;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Thousands of random signals from many connections at once, then a replay of the stored
 * orders in the order they were decided: no limit was ever exceeded, however the webhooks
 * raced each other.
 */
@Timeout(300)
class RandomizedLimitsTest {
    private static final int SIGNALS = 2_496;   // 156 from each of 16 connections
    private static final int THREADS = 16;
    private static final BigDecimal PRICE = new BigDecimal("100");

    @TempDir
    Path folder;

    private record StoredOrder(String symbol, String side, BigDecimal quantity, boolean opens) {
    }

    @Test
    void noLimitIsEverExceededUnderConcurrentSignals() throws Exception {
        Map<String, String> limits = Map.of("MAX_POSITION_SIZE", "20", "MAX_OPEN_POSITIONS", "3",
                "MAX_DAILY_TRADES", "900", "MAX_ENTRIES_PER_TICKER", "80", "MAX_TOTAL_EXPOSURE", "5000",
                "MAX_ORDER_NOTIONAL", "800",
                // the limits under test are the risk limits; the broker's pace is tested in OrderFlowTest
                "MAX_ORDERS_PER_SECOND", "0");
        try (TestDaemon tv = TestDaemon.start(folder, limits)) {
            Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            List<Future<?>> senders = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                Random random = new Random(1_000 + t);
                senders.add(pool.submit(() -> {
                    for (int i = 0; i < SIGNALS / THREADS; i++) {
                        String symbol = "R" + random.nextInt(8);
                        int roll = random.nextInt(10);
                        String action = roll < 6 ? "buy" : roll < 9 ? "sell" : "close";
                        String quantity = action.equals("close") ? "" : ",\"quantity\":" + (1 + random.nextInt(10));
                        JsonNode answer = tv.signal("\"symbol\":\"" + symbol + "\",\"action\":\"" + action + "\""
                                + quantity + ",\"price\":100");
                        String reason = answer.path("reason").asText("");
                        String kind = answer.get("decision").asText() + (reason.contains(":")
                                ? " " + reason.substring(0, reason.indexOf(':')) : "");
                        outcomes.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> sender : senders) {
                sender.get();
            }
            pool.shutdown();
            tv.settle();

            List<StoredOrder> decided = tv.query("select symbol, side, quantity, opens, status from orders"
                    + " where parent_client_order_id is null order by id", rs -> {
                List<StoredOrder> rows = new ArrayList<>();
                while (rs.next()) {
                    assertThat(rs.getString("status")).isEqualTo("FILLED");
                    rows.add(new StoredOrder(rs.getString(1), rs.getString(2), rs.getBigDecimal(3), rs.getBoolean(4)));
                }
                return rows;
            });
            Map<String, BigDecimal> positions = new HashMap<>();
            Map<String, Integer> entries = new HashMap<>();
            for (int index = 0; index < decided.size(); index++) {
                StoredOrder order = decided.get(index);
                BigDecimal change = order.side().equals("BUY") ? order.quantity() : order.quantity().negate();
                positions.merge(order.symbol(), change, BigDecimal::add);
                if (!order.opens()) {
                    continue;
                }
                entries.merge(order.symbol(), 1, Integer::sum);
                assertThat(positions.get(order.symbol()).abs()).as("position size after order %d", index)
                        .isLessThanOrEqualTo(new BigDecimal("20"));
                assertThat(positions.values().stream().filter(p -> p.signum() != 0).count())
                        .as("open positions after order %d", index).isLessThanOrEqualTo(3);
                assertThat(index).as("orders before entry %d", index).isLessThan(900);
                assertThat(entries.get(order.symbol())).as("entries in %s", order.symbol()).isLessThanOrEqualTo(80);
                BigDecimal gross = positions.values().stream().map(BigDecimal::abs).reduce(BigDecimal.ZERO,
                        BigDecimal::add).multiply(PRICE);
                assertThat(gross).as("gross exposure after order %d", index).isLessThanOrEqualTo(new BigDecimal("5000"));
                assertThat(order.quantity().multiply(PRICE)).isLessThanOrEqualTo(new BigDecimal("800"));
            }

            for (Position position : tv.paper().positions()) {
                assertThat(positions.get(position.symbol())).as("paper and stored agree on " + position.symbol())
                        .isEqualByComparingTo(position.quantity());
            }
            assertThat(tv.count("select count(*) from signals")).isEqualTo(SIGNALS);
            assertThat(outcomes.keySet()).contains("accepted", "rejected max_position_size", "rejected max_open_positions");
            System.out.printf("randomized limits: %d signals, %d orders, outcomes %s%n", SIGNALS, decided.size(),
                    new TreeMap<>(outcomes));
        }
    }
}

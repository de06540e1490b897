package io.tvbridge.cli;

import static io.tvbridge.cli.TestDaemon.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every risk check through the webhook: once passing, once failing with the check's name and
 * numbers, and never with an order reaching the broker when it fails.
 */
@Timeout(120)
class RiskChecksTest {
    @TempDir
    Path folder;

    private static void accepted(JsonNode answer) {
        assertThat(answer.get("decision").asText()).as(answer.toString()).isEqualTo("accepted");
    }

    private static void rejected(JsonNode answer, String reason) {
        assertThat(answer.get("decision").asText()).as(answer.toString()).isEqualTo("rejected");
        assertThat(answer.get("reason").asText()).isEqualTo(reason);
        assertThat(answer.get("client_order_ids")).isEmpty();
    }

    private static String buy(String symbol, int quantity, int price) {
        return "\"symbol\":\"" + symbol + "\",\"action\":\"buy\",\"quantity\":" + quantity + ",\"price\":" + price;
    }

    private TestDaemon start(Map<String, String> settings) {
        return TestDaemon.start(folder, settings);
    }

    @Test
    void killSwitchStopsEverythingUntilResumed() {
        try (TestDaemon tv = start(Map.of())) {
            accepted(tv.signal(buy("K1", 1, 10)));
            tv.daemon.control().kill("tester", "broker looks wrong");
            JsonNode killed = tv.signal(buy("K1", 1, 10));
            assertThat(killed.get("reason").asText()).startsWith("kill_switch: kill switch is on (by tester since ")
                    .endsWith(": broker looks wrong)");
            assertThat(tv.signal("\"symbol\":\"K1\",\"action\":\"close\"").get("decision").asText()).isEqualTo("rejected");
            tv.daemon.control().resume("tester", "checked");
            accepted(tv.signal(buy("K2", 1, 10)));
            assertThat(tv.count("select count(*) from audit_log where action in ('trading.kill', 'trading.resume')"))
                    .isEqualTo(2);
        }
    }

    @Test
    void killSwitchCanLetExitsThrough() {
        try (TestDaemon tv = start(Map.of("KILL_SWITCH_ALLOWS_EXITS", "true"))) {
            accepted(tv.signal(buy("KX", 2, 10)));
            tv.settle();
            tv.daemon.control().kill("tester", "stop");
            accepted(tv.signal("\"symbol\":\"KX\",\"action\":\"close\",\"price\":10"));
            assertThat(tv.signal(buy("KX", 1, 10)).get("reason").asText()).startsWith("kill_switch:");
        }
    }

    @Test
    void pauseBlocksEntriesAndLetsExitsThrough() {
        try (TestDaemon tv = start(Map.of())) {
            accepted(tv.signal(buy("P1", 3, 10)));
            tv.settle();
            tv.daemon.control().pause("tester", "news at 14:00");
            assertThat(tv.signal(buy("P1", 1, 10)).get("reason").asText()).startsWith("pause: trading is paused (by tester")
                    .endsWith("news at 14:00); only exits pass");
            accepted(tv.signal("\"symbol\":\"P1\",\"action\":\"sell\",\"quantity\":1,\"price\":10"));
            accepted(tv.signal("\"symbol\":\"P1\",\"action\":\"close\",\"price\":10"));
            tv.daemon.control().resume("tester", "over");
            accepted(tv.signal(buy("P1", 1, 10)));
        }
    }

    @Test
    void maxPositionSizeInUnits() {
        try (TestDaemon tv = start(Map.of("MAX_POSITION_SIZE", "10"))) {
            accepted(tv.signal(buy("S1", 8, 10)));
            rejected(tv.signal(buy("S1", 5, 10)), "max_position_size: S1 would reach 13 units (now 8), the limit is 10");
            accepted(tv.signal(buy("S1", 2, 10)));
        }
    }

    @Test
    void maxPositionNotional() {
        try (TestDaemon tv = start(Map.of("MAX_POSITION_NOTIONAL", "1000"))) {
            accepted(tv.signal(buy("S2", 5, 100)));
            rejected(tv.signal(buy("S2", 6, 100)), "max_position_notional: S2 would be worth 1,100.00 USD, the limit"
                    + " per symbol is 1,000.00 USD");
        }
    }

    @Test
    void maxOpenPositions() {
        try (TestDaemon tv = start(Map.of("MAX_OPEN_POSITIONS", "2"))) {
            accepted(tv.signal(buy("A", 1, 10)));
            accepted(tv.signal(buy("B", 1, 10)));
            rejected(tv.signal(buy("C", 1, 10)), "max_open_positions: 2 positions are open, the limit is 2");
            accepted(tv.signal(buy("A", 1, 10)));   // adds to a symbol already held
        }
    }

    @Test
    void maxDailyTrades() {
        try (TestDaemon tv = start(Map.of("MAX_DAILY_TRADES", "2"))) {
            accepted(tv.signal(buy("T1", 1, 10)));
            accepted(tv.signal(buy("T2", 1, 10)));
            rejected(tv.signal(buy("T3", 1, 10)), "max_daily_trades: 2 orders today, the limit is 2");
            accepted(tv.signal("\"symbol\":\"T1\",\"action\":\"close\",\"price\":10"));   // exits always pass
        }
    }

    @Test
    void maxEntriesPerTicker() {
        try (TestDaemon tv = start(Map.of("MAX_ENTRIES_PER_TICKER", "1"))) {
            accepted(tv.signal(buy("E1", 1, 10)));
            rejected(tv.signal(buy("E1", 1, 10)), "max_entries_per_ticker: 1 entries in E1 today, the limit is 1");
            accepted(tv.signal(buy("E2", 1, 10)));
        }
    }

    @Test
    void dailyLossCountsRealizedAndUnrealized() {
        try (TestDaemon tv = start(Map.of("MAX_DAILY_LOSS", "150"))) {
            accepted(tv.signal(buy("L1", 10, 100)));
            accepted(tv.signal("\"symbol\":\"L1\",\"action\":\"sell\",\"quantity\":10,\"price\":90"));   // -100
            tv.settle();
            accepted(tv.signal(buy("L2", 10, 50)));
            tv.settle();
            accepted(tv.signal("\"symbol\":\"L2\",\"action\":\"sell\",\"quantity\":1,\"price\":44"));  // -6, open -54
            rejected(tv.signal(buy("L3", 1, 10)), "max_daily_loss: today's result is -160.00 USD, the loss limit is"
                    + " 150.00 USD");
        }
    }

    @Test
    void maxTotalExposure() {
        try (TestDaemon tv = start(Map.of("MAX_TOTAL_EXPOSURE", "1500"))) {
            accepted(tv.signal(buy("X1", 10, 100)));
            rejected(tv.signal(buy("X2", 6, 100)), "max_total_exposure: total exposure would be 1,600.00 USD (now"
                    + " 1,000.00 USD, the order 600.00 USD), the limit is 1,500.00 USD");
            accepted(tv.signal(buy("X2", 5, 100)));
        }
    }

    @Test
    void minimumCashReserve() {
        try (TestDaemon tv = start(Map.of("MIN_CASH_RESERVE", "99500"))) {
            accepted(tv.signal(buy("C1", 4, 100)));
            rejected(tv.signal(buy("C2", 2, 100)), "min_cash_reserve: the order would leave 99,400.00 USD cash (of"
                    + " 99,600.00 USD; the order is worth 200.00 USD), the reserve is 99,500.00 USD");
        }
    }

    @Test
    void availableBuyingPower() {
        try (TestDaemon tv = start(Map.of())) {
            accepted(tv.signal(buy("BP", 990, 100)));
            tv.settle();
            rejected(tv.signal(buy("BP2", 20, 100)), "buying_power: the order is worth 2,000.00 USD, the available"
                    + " buying power is 1,000.00 USD");
            tv.set(Map.of("check_buying_power", "false"));
            accepted(tv.signal(buy("BP2", 20, 100)));
        }
    }

    @Test
    void maxOrderNotional() {
        try (TestDaemon tv = start(Map.of("MAX_ORDER_NOTIONAL", "500"))) {
            accepted(tv.signal(buy("O1", 5, 100)));
            rejected(tv.signal(buy("O1", 6, 100)), "max_order_notional: the order is worth 600.00 USD (6 O1 at 100),"
                    + " the limit is 500.00 USD");
        }
    }

    @Test
    void stopAndTargetOnTheRightSides() {
        try (TestDaemon tv = start(Map.of())) {
            accepted(tv.signal(buy("ST", 1, 100) + ",\"stop_loss\":95,\"take_profit\":110"));
            rejected(tv.signal(buy("ST", 1, 100) + ",\"stop_loss\":105"),
                    "stop_target_sides: the stop-loss 105 must be below the entry 100 of a buy");
            rejected(tv.signal("\"symbol\":\"ST2\",\"action\":\"sell\",\"quantity\":1,\"price\":100,\"take_profit\":110"),
                    "stop_target_sides: the take-profit 110 must be below the entry 100 of a sell");
        }
    }

    @Test
    void minimumRewardToRisk() {
        try (TestDaemon tv = start(Map.of("MIN_REWARD_RISK", "2"))) {
            accepted(tv.signal(buy("RR", 1, 100) + ",\"stop_loss\":95,\"take_profit\":110"));
            rejected(tv.signal(buy("RR", 1, 100) + ",\"stop_loss\":95,\"take_profit\":105"),
                    "min_reward_risk: reward:risk is 1 (5 to gain, 5 to lose), the minimum is 2");
        }
    }

    @Test
    void allowedSymbolsAndStrategies() {
        try (TestDaemon tv = start(Map.of("ALLOWED_SYMBOLS", "AAPL, MSFT", "ALLOWED_STRATEGIES", "trend"))) {
            accepted(tv.signal(buy("AAPL", 1, 100) + ",\"strategy\":\"Trend\""));
            rejected(tv.signal(buy("TSLA", 1, 100) + ",\"strategy\":\"trend\""),
                    "allowed_symbols: TSLA is not among the allowed symbols [AAPL, MSFT]");
            rejected(tv.signal(buy("MSFT", 1, 100) + ",\"strategy\":\"scalp\""),
                    "allowed_strategies: strategy 'scalp' is not among the allowed [trend]");
        }
    }

    @Test
    void allowedHoursOfTheExchangesDay() {
        ZonedDateTime now = ZonedDateTime.now(ZoneId.of("America/New_York"));
        DateTimeFormatter hhmm = DateTimeFormatter.ofPattern("HH:mm");
        String around = now.minusHours(1).format(hhmm) + "-" + now.plusHours(1).format(hhmm);
        String later = now.plusHours(2).format(hhmm) + "-" + now.plusHours(3).format(hhmm);
        try (TestDaemon tv = start(Map.of("ALLOWED_HOURS", around))) {
            accepted(tv.signal(buy("H1", 1, 10)));
            tv.set(Map.of("allowed_hours", later));
            JsonNode outside = tv.signal(buy("H1", 1, 10));
            assertThat(outside.get("reason").asText()).startsWith("allowed_hours: entries are allowed from "
                    + later.replace("-", " to ") + " (America/New_York), and it is ");
            accepted(tv.signal("\"symbol\":\"H1\",\"action\":\"close\",\"price\":10"));
        }
    }

    @Test
    void staleAlertsAreNotTradedLate() {
        try (TestDaemon tv = start(Map.of("MAX_SIGNAL_AGE", "60"))) {
            String old = java.time.Instant.now().minusSeconds(300).toString();
            JsonNode stale = tv.signal(buy("ST1", 1, 10) + ",\"timestamp\":\"" + old + "\"");
            assertThat(stale.get("reason").asText()).startsWith("stale: the alert's time " + old + " is ")
                    .endsWith(" s old, the limit is 60 s (max_signal_age)");
            accepted(tv.signal(buy("ST1", 1, 10) + ",\"timestamp\":\"" + java.time.Instant.now() + "\""));
        }
    }

    @Test
    void theCircuitBreakerOpensAfterConsecutiveBrokerFailures() {
        // the alerts of the outage name symbols the broker never resolved: their value is not known, which the
        // buying-power check refuses (as the decider's tables show); this test is about the breaker
        try (TestDaemon tv = start(Map.of("CIRCUIT_BREAKER_FAILURES", "2", "CIRCUIT_BREAKER_COOLDOWN", "2",
                "CHECK_BUYING_POWER", "false"))) {
            tv.paper().setReachable(false);
            accepted(tv.signal(buy("CB1", 1, 10)));
            accepted(tv.signal(buy("CB2", 1, 10)));
            eventually("the breaker opens", () -> TestDaemon.json(tv.get("/health")).at("/circuit_breaker/state")
                    .asText().equals("open"));
            JsonNode refused = tv.signal(buy("CB3", 1, 10));
            assertThat(refused.get("reason").asText()).startsWith("circuit_breaker: the circuit breaker is open after 2"
                    + " consecutive broker failures; new orders resume after ");
            tv.paper().setReachable(true);
            eventually("the cool-down ends", () -> !TestDaemon.json(tv.get("/health")).at("/circuit_breaker/state")
                    .asText().equals("open"));
            accepted(tv.signal(buy("CB4", 1, 10)));
            eventually("the orders sent during the outage are placed once", () -> tv.count(
                    "select count(*) from orders where status = 'FILLED' and symbol in ('CB1', 'CB2', 'CB4')") == 3);
        }
    }

    @Test
    void dryRunRecordsEverythingAndSendsNothing() throws Exception {
        try (TestDaemon tv = start(Map.of("DRY_RUN", "true"))) {
            JsonNode answer = tv.signal(buy("DRY", 5, 10));
            accepted(answer);
            assertThat(answer.get("dry_run").asBoolean()).isTrue();
            String order = answer.get("client_order_id").asText();
            assertThat(tv.text("select status from orders where client_order_id = '" + order + "'")).isEqualTo("DRY_RUN");
            assertThat(tv.count("select count(*) from signals where dry_run")).isEqualTo(1);
            Thread.sleep(300);
            assertThat(tv.paper().positions()).isEmpty();
            assertThat(tv.paper().lookup(io.tvbridge.broker.spi.model.ClientOrderId.of(order))).isEmpty();
            tv.set(Map.of("dry_run", "false"));
            JsonNode live = tv.signal(buy("DRY", 5, 10));
            assertThat(live.has("dry_run")).isFalse();
        }
    }
}

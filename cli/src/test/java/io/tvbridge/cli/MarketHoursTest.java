package io.tvbridge.cli;

import static io.tvbridge.cli.TestDaemon.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tvbridge.broker.spi.tck.MutableClock;
import io.tvbridge.core.store.PendingSignal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Market hours and the closed-market policy, with the daemon's clock set by the test: signals for
 * a closed market wait in the pending queue and are decided at the open (exits first), are refused,
 * or go to the broker at once allowed outside regular hours; the paper broker keeps the same hours.
 */
@Timeout(120)
class MarketHoursTest {
    /** Friday 20 November 2026, 10:00 in New York: US equities trade. */
    private static final Instant FRIDAY_OPEN = Instant.parse("2026-11-20T15:00:00Z");
    /** Saturday 21 November 2026, 10:00 in New York: stocks and FX closed, crypto trades. */
    private static final Instant SATURDAY = Instant.parse("2026-11-21T15:00:00Z");
    /** Monday 23 November 2026, 08:00 in New York: pre-market. */
    private static final Instant MONDAY_PRE_MARKET = Instant.parse("2026-11-23T13:00:00Z");
    /** Monday 23 November 2026, 09:30 in New York: the regular open. */
    private static final Instant MONDAY_OPEN = Instant.parse("2026-11-23T14:30:00Z");

    private static final Map<String, String> CALENDAR = Map.of("MARKET_HOURS", "exchange");

    @TempDir
    Path folder;

    private static String order(String action, String symbol, int quantity) {
        return "\"action\":\"" + action + "\",\"symbol\":\"" + symbol + "\",\"quantity\":" + quantity
                + ",\"price\":100";
    }

    private static List<String> ordersInSendingOrder(TestDaemon tv) {
        return tv.query("select side || ' ' || symbol from orders where parent_client_order_id is null order by id",
                rs -> {
                    List<String> rows = new ArrayList<>();
                    while (rs.next()) {
                        rows.add(rs.getString(1));
                    }
                    return rows;
                });
    }

    @Test
    void aStockSignalAtTheWeekendWaitsForTheOpenWhileCryptoTradesAtOnce() {
        MutableClock clock = new MutableClock(SATURDAY);
        try (TestDaemon tv = TestDaemon.start(folder, CALENDAR, clock)) {
            JsonNode stock = tv.signal(order("buy", "AAPL", 1));
            assertThat(stock.get("decision").asText()).isEqualTo("queued");
            assertThat(stock.get("reason").asText()).contains("the market for AAPL (US equities (NYSE, Nasdaq)) is"
                    + " closed; it opens Mon 23 Nov 09:30 America/New_York (2026-11-23T14:30:00Z)");
            JsonNode fx = tv.signal("\"action\":\"buy\",\"symbol\":\"EURUSD\",\"quantity\":1000,\"price\":1.08");
            assertThat(fx.get("decision").asText()).isEqualTo("queued");
            assertThat(fx.get("reason").asText()).contains("opens Sun 22 Nov 17:00 America/New_York");
            JsonNode crypto = tv.signal(order("buy", "BTCUSD", 1));
            assertThat(crypto.get("decision").asText()).isEqualTo("accepted");
            tv.settle();
            assertThat(ordersInSendingOrder(tv)).containsExactly("BUY BTCUSD");
            assertThat(tv.daemon.decisions().pending()).extracting(PendingSignal::symbol)
                    .containsExactly("AAPL", "EURUSD");
            assertThat(tv.text("select decision from signals where id = " + stock.get("signal_id").asLong()))
                    .isEqualTo("QUEUED");

            clock.set(MONDAY_OPEN);
            eventually("the pending queue released", () -> tv.daemon.decisions().pending().isEmpty());
            tv.settle();
            assertThat(ordersInSendingOrder(tv)).containsExactly("BUY BTCUSD", "BUY AAPL", "BUY EURUSD");
            assertThat(tv.text("select decision || ': ' || reason from signals where id = "
                    + stock.get("signal_id").asLong())).isEqualTo("ACCEPTED: released from the pending queue at the"
                    + " open");
            assertThat(tv.count("select count(*) from orders where status = 'FILLED'")).isEqualTo(3);
            assertThat(tv.count("select count(*) from pending_signals where state = 'RELEASED'")).isEqualTo(2);
            assertThat(tv.count("select count(*) from audit_log where action = 'pending.released'")).isEqualTo(1);
        }
    }

    @Test
    void atTheOpenExitsGoFirstAndEachSymbolKeepsItsOrder() {
        MutableClock clock = new MutableClock(FRIDAY_OPEN);
        try (TestDaemon tv = TestDaemon.start(folder, CALENDAR, clock)) {
            tv.signal(order("buy", "AAPL", 5));
            tv.signal(order("buy", "MSFT", 3));
            tv.settle();

            clock.set(SATURDAY);
            for (String members : List.of(order("buy", "TSLA", 1), order("buy", "AAPL", 1),
                    "\"action\":\"close\",\"symbol\":\"MSFT\",\"price\":100", order("sell", "AAPL", 2),
                    order("buy", "NVDA", 1))) {
                assertThat(tv.signal(members).get("decision").asText()).isEqualTo("queued");
            }

            clock.set(MONDAY_OPEN);
            eventually("the pending queue released", () -> tv.daemon.decisions().pending().isEmpty());
            tv.settle();
            assertThat(ordersInSendingOrder(tv)).containsExactly("BUY AAPL", "BUY MSFT",
                    "SELL MSFT", "BUY TSLA", "BUY AAPL", "SELL AAPL", "BUY NVDA");
            assertThat(tv.count("select count(*) from orders where status = 'FILLED'")).isEqualTo(7);
        }
    }

    @Test
    void thePolicyCanRefuseOrSendAndEachStrategyMayHaveItsOwn() {
        MutableClock clock = new MutableClock(SATURDAY);
        try (TestDaemon tv = TestDaemon.start(folder, Map.of("MARKET_HOURS", "exchange",
                "CLOSED_MARKET_POLICY", "reject", "STRATEGY_CLOSED_MARKET_POLICY", "swing=queue,Night=send"), clock)) {
            JsonNode refused = tv.signal(order("buy", "AAPL", 1));
            assertThat(refused.get("decision").asText()).isEqualTo("rejected");
            assertThat(refused.get("reason").asText()).isEqualTo("the market for AAPL (US equities (NYSE, Nasdaq)) is"
                    + " closed; it opens Mon 23 Nov 09:30 America/New_York (2026-11-23T14:30:00Z); the closed-market"
                    + " policy is reject");

            JsonNode swing = tv.signal(order("buy", "AAPL", 2) + ",\"strategy\":\"swing\"");
            assertThat(swing.get("decision").asText()).isEqualTo("queued");

            JsonNode night = tv.signal(order("buy", "MSFT", 3) + ",\"strategy\":\"night\"");
            assertThat(night.get("decision").asText()).isEqualTo("accepted");
            eventually("the order reached the paper broker", () -> tv.count("select count(*) from orders"
                    + " where symbol = 'MSFT' and status = 'ACCEPTED' and outside_rth") == 1);
            assertThat(tv.paper().health().details().get("orders")).isEqualTo("1");

            clock.set(MONDAY_PRE_MARKET);
            eventually("the paper broker fills it in pre-market", () -> tv.count("select count(*) from orders"
                    + " where symbol = 'MSFT' and status = 'FILLED'") == 1);
            assertThat(tv.daemon.decisions().pending()).as("the swing entry waits for the regular session")
                    .extracting(PendingSignal::signalId).containsExactly(swing.get("signal_id").asLong());

            clock.set(MONDAY_OPEN);
            eventually("the swing entry released", () -> tv.count("select count(*) from orders where symbol = 'AAPL'"
                    + " and status = 'FILLED'") == 1);
        }
    }

    @Test
    void anAlertMayAskToTradeInExtendedHours() {
        MutableClock clock = new MutableClock(MONDAY_PRE_MARKET);
        try (TestDaemon tv = TestDaemon.start(folder, CALENDAR, clock)) {
            JsonNode regular = tv.signal(order("buy", "AAPL", 1));
            assertThat(regular.get("decision").asText()).isEqualTo("queued");
            assertThat(regular.get("reason").asText()).contains("is outside its regular session; the regular session"
                    + " opens Mon 23 Nov 09:30 America/New_York");

            JsonNode extended = tv.signal(order("buy", "MSFT", 1) + ",\"outside_rth\":true");
            assertThat(extended.get("decision").asText()).isEqualTo("accepted");
            tv.settle();
            assertThat(tv.text("select status || ' ' || outside_rth from orders where symbol = 'MSFT'"))
                    .isEqualTo("FILLED TRUE");
        }
    }

    @Test
    void pendingSignalsSurviveARestartAndCanBeCleared() throws Exception {
        MutableClock clock = new MutableClock(SATURDAY);
        long aapl;
        long msft;
        try (TestDaemon tv = TestDaemon.start(folder, CALENDAR, clock)) {
            aapl = tv.signal(order("buy", "AAPL", 1)).get("signal_id").asLong();
            msft = tv.signal(order("buy", "MSFT", 1)).get("signal_id").asLong();
        }
        try (TestDaemon tv = TestDaemon.start(folder, CALENDAR, clock)) {
            JsonNode waiting = tv.admin(200, "GET", "/admin/pending", null);
            assertThat(waiting).extracting(p -> p.get("signal_id").asLong()).containsExactly(aapl, msft);
            assertThat(waiting.get(0).get("opens_at").asText()).isEqualTo("2026-11-23T14:30:00Z");
            assertThat(waiting.get(0).at("/signal/action").asText()).isEqualTo("buy");

            JsonNode noReason = tv.admin(400, "DELETE", "/admin/pending", "{\"actor\":\"ops\"}");
            assertThat(noReason.get("field").asText()).isEqualTo("reason");
            JsonNode cleared = tv.admin(200, "DELETE", "/admin/pending",
                    "{\"actor\":\"ops\",\"reason\":\"no longer wanted\",\"symbol\":\"msft\"}");
            assertThat(cleared.get("cleared")).extracting(JsonNode::asLong).containsExactly(msft);
            assertThat(tv.daemon.decisions().pending()).extracting(PendingSignal::signalId).containsExactly(aapl);
            assertThat(tv.text("select decision || ': ' || reason from signals where id = " + msft))
                    .isEqualTo("REJECTED: cleared from the pending queue by ops: no longer wanted");
            assertThat(tv.text("select details from audit_log where action = 'pending.cleared'"))
                    .contains("for msft [" + msft + "]: no longer wanted");
        }
        clock.set(MONDAY_OPEN);
        try (TestDaemon tv = TestDaemon.start(folder, CALENDAR, clock)) {
            eventually("released after the restart", () -> tv.daemon.decisions().pending().isEmpty());
            tv.settle();
            assertThat(ordersInSendingOrder(tv)).containsExactly("BUY AAPL");
            assertThat(tv.text("select state from pending_signals where signal_id = " + aapl)).isEqualTo("RELEASED");
        }
    }
}

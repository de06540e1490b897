package io.tvbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon's Telegram bot against a WireMock Bot API: each command's answer and effect (the
 * same as the admin API's, audited with the Telegram user), a stranger's chat ignored, the notices
 * of trading, and a shutdown that leaves nothing running.
 */
@Timeout(180)
class TelegramBotTest {
    private static final String ANA = "telegram:ana";

    @TempDir
    Path folder;
    private final FakeTelegram telegram = new FakeTelegram();

    @AfterEach
    void stop() {
        telegram.close();
    }

    private TestDaemon start(Map<String, String> more) {
        Map<String, String> environment = new HashMap<>(telegram.environment());
        environment.putAll(more);
        return TestDaemon.start(folder, environment);
    }

    private static List<JsonNode> audit(TestDaemon tv, String query) {
        JsonNode page = tv.admin(200, "GET", "/admin/audit-log?limit=1000&" + query, null);
        return StreamSupport.stream(page.get("items").spliterator(), false).toList();
    }

    @Test
    void theCommandListIsRegisteredAtStartUp() {
        try (TestDaemon tv = start(Map.of())) {
            TestDaemon.eventually("setMyCommands", () -> !telegram.bodies("setMyCommands").isEmpty());
            List<String> names = new ArrayList<>();
            telegram.bodies("setMyCommands").get(0).get("commands").forEach(c -> names.add(c.get("command").asText()));
            assertThat(names).containsExactly("start", "help", "status", "positions", "pnl", "pnl_week", "market",
                    "queue", "settings", "set_amount", "set_max_positions", "set_max_daily", "set_max_invest",
                    "set_max_per_ticker", "set_max_loss", "set_reserve", "pause", "resume", "kill", "sell_all",
                    "clear_queue");
            assertThat(names).allMatch(n -> n.matches("[a-z0-9_]{1,32}"));
        }
    }

    @Test
    void switchesAndSettingsActAsTheAdminApiDoesAndAreAuditedWithTheTelegramUser() {
        try (TestDaemon tv = start(Map.of())) {
            assertThat(telegram.command("/help")).contains("/sell_all - Close every position (asks to confirm)");
            assertThat(telegram.command("/start")).contains("paper").contains("/status");
            assertThat(telegram.command("/status")).contains("Broker paper: connected").contains("Kill switch: off")
                    .contains("Job reconciliation: next");

            assertThat(telegram.command("/kill broker looks wrong")).startsWith("Kill switch ON");
            JsonNode kill = tv.admin(200, "GET", "/admin/status", null).get("trading").get("kill");
            assertThat(kill.get("on").asBoolean()).isTrue();
            assertThat(kill.get("actor").asText()).isEqualTo(ANA);
            assertThat(kill.get("reason").asText()).isEqualTo("broker looks wrong");
            assertThat(tv.signal("\"symbol\":\"AAPL\",\"action\":\"buy\",\"quantity\":1,\"price\":10")
                    .get("decision").asText()).isEqualTo("rejected");

            assertThat(telegram.command("/resume")).startsWith("Resumed: kill switch off, pause off");
            assertThat(telegram.command("/pause lunch")).startsWith("Paused");
            assertThat(tv.admin(200, "GET", "/admin/status", null).get("trading").get("pause").get("on").asBoolean())
                    .isTrue();
            telegram.command("/resume");

            Map<String, String> settings = new HashMap<>();
            settings.put("/set_amount 1500", "sizing_amount");
            settings.put("/set_max_positions 4", "max_open_positions");
            settings.put("/set_max_daily 7", "max_daily_trades");
            settings.put("/set_max_invest 50000", "max_total_exposure");
            settings.put("/set_max_per_ticker 2", "max_entries_per_ticker");
            settings.put("/set_max_loss 500", "max_daily_loss");
            settings.put("/set_reserve 2000", "min_cash_reserve");
            settings.forEach((command, key) -> assertThat(telegram.command(command)).startsWith("Set " + key + ": "));
            Map<String, String> values = tv.daemon.settings().values();
            assertThat(values).containsEntry("sizing_amount", "1500").containsEntry("max_open_positions", "4")
                    .containsEntry("max_daily_trades", "7").containsEntry("max_total_exposure", "50000")
                    .containsEntry("max_entries_per_ticker", "2").containsEntry("max_daily_loss", "500")
                    .containsEntry("min_cash_reserve", "2000");
            assertThat(telegram.command("/set_max_daily many"))
                    .isEqualTo("Refused: max_daily_trades must be a whole number of at least 0, not 'many'");
            assertThat(tv.daemon.settings().values()).containsEntry("max_daily_trades", "7");
            assertThat(telegram.command("/set_max_daily")).contains("Now max_daily_trades = 7");
            assertThat(telegram.command("/settings")).contains("max_daily_trades = 7").contains("sizing_amount = 1500");

            assertThat(audit(tv, "actor=" + ANA + "&action=settings")).extracting(a -> a.get("details").asText())
                    .contains("max_daily_trades: 0 -> 7", "min_cash_reserve: 0 -> 2000");
            assertThat(audit(tv, "actor=" + ANA + "&action=trading")).extracting(a -> a.get("action").asText())
                    .contains("trading.kill", "trading.pause", "trading.resume");
            assertThat(audit(tv, "actor=" + ANA + "&action=telegram.command")).extracting(a -> a.get("details")
                    .asText()).contains("/kill broker looks wrong", "/set_max_daily many", "/status");
            assertThat(telegram.command("/nonsense")).isEqualTo("Unknown command /nonsense. /help lists the commands.");
        }
    }

    @Test
    void positionsPnlMarketQueueAndSellAllWithItsConfirmation() {
        try (TestDaemon tv = start(Map.of())) {
            tv.signal("\"symbol\":\"AAPL\",\"action\":\"buy\",\"quantity\":10,\"price\":100");
            tv.settle();
            telegram.awaitSent(FakeTelegram.CHAT, t -> t.contains("Filled BUY 10 AAPL @ 100"), "the fill notice");

            assertThat(telegram.command("/positions")).contains("AAPL 10").doesNotContain("DIFFERS");
            assertThat(telegram.command("/pnl")).startsWith("P&L day since").contains("total: net");
            assertThat(telegram.command("/pnl_week")).startsWith("P&L week since");
            assertThat(telegram.command("/market")).contains("US equities").contains("market_hours is 'always'");
            assertThat(telegram.command("/queue")).isEqualTo("The pending queue is empty.");
            assertThat(telegram.command("/clear_queue")).isEqualTo("Nothing was waiting.");

            assertThat(telegram.command("/sell_all confirm")).startsWith("Nothing to confirm");
            assertThat(telegram.command("/sell_all")).contains("To go ahead send /sell_all confirm");
            assertThat(tv.count("select count(*) from orders where side = 'SELL'")).isZero();
            assertThat(telegram.command("/sell_all confirm")).startsWith("Sell all: accepted");
            tv.settle();
            assertThat(telegram.command("/positions")).isEqualTo("No open positions.");
            assertThat(audit(tv, "actor=" + ANA + "&action=trading.flatten")).hasSize(1);
        }
    }

    @Test
    void aStrangersChatGetsNoAnswerAndIsAudited() {
        try (TestDaemon tv = start(Map.of())) {
            telegram.say(666, "mallory", "/kill gotcha");
            TestDaemon.eventually("the refusal audited", () -> !audit(tv, "action=telegram.refused").isEmpty());

            JsonNode refused = audit(tv, "action=telegram.refused").get(0);
            assertThat(refused.get("actor").asText()).isEqualTo("telegram:mallory");
            assertThat(refused.get("details").asText()).contains("chat 666").contains("/kill gotcha");
            assertThat(tv.admin(200, "GET", "/admin/status", null).get("trading").get("kill").get("on").asBoolean())
                    .isFalse();
            // the bot still answers its own chat, and never wrote to the stranger
            assertThat(telegram.command("/status")).contains("Kill switch: off");
            assertThat(telegram.sent()).noneMatch(s -> s.chatId() == 666);
        }
    }

    @Test
    void aMessageThatBreaksItsHandlerDoesNotStopThePolling() {
        try (TestDaemon tv = start(Map.of())) {
            // no chat: reading its id fails inside the handler
            telegram.deliver(id -> "{\"message_id\":" + id + ",\"date\":1772000000,\"text\":\"/status\"}");
            // a sticker from the authorized chat: no text to act on
            telegram.deliver(id -> "{\"message_id\":" + id + ",\"date\":1772000000,\"chat\":{\"id\":"
                    + FakeTelegram.CHAT + ",\"type\":\"private\"},\"sticker\":{\"file_id\":\"x\",\"file_unique_id\":"
                    + "\"y\",\"type\":\"regular\",\"width\":1,\"height\":1,\"is_animated\":false,\"is_video\":false}}");

            assertThat(telegram.command("/status")).contains("Kill switch: off");
        }
    }

    @Test
    void fillsRiskBlocksAndBurstsAreNotifiedInBatches() {
        try (TestDaemon tv = start(Map.of())) {
            tv.set(Map.of("max_daily_trades", "12"));
            for (int i = 1; i <= 12; i++) {
                tv.signal("\"symbol\":\"S" + i + "\",\"action\":\"buy\",\"quantity\":1,\"price\":10");
            }
            tv.signal("\"symbol\":\"S13\",\"action\":\"buy\",\"quantity\":1,\"price\":10");
            tv.settle();

            telegram.awaitSent(FakeTelegram.CHAT, t -> t.contains("Blocked signal 13") && t.contains("max_daily_trades"),
                    "the risk block");
            TestDaemon.eventually("every fill notified", () -> {
                String all = String.join("\n", telegram.sent().stream().map(FakeTelegram.Sent::text).toList());
                return IntStream.rangeClosed(1, 12).allMatch(i -> all.contains("1 S" + i + " @ 10"));
            });
            long messages = telegram.sent().stream().filter(s -> s.text().contains("Filled BUY")).count();
            assertThat(messages).as("twelve fills in fewer messages").isLessThan(12);

            tv.set(Map.of("max_daily_trades", "0"));
            tv.signal("\"symbol\":\"NOPRICE\",\"action\":\"buy\",\"quantity\":1");
            telegram.awaitSent(FakeTelegram.CHAT, t -> t.contains("rejected by paper")
                    && t.contains("no price is known for NOPRICE"), "the broker's rejection with its reason");
        }
    }

    @Test
    void telegramUnreachableNeverStopsTradingAndShutdownLeavesNoThreadBehind() {
        Map<String, String> environment = new HashMap<>(telegram.environment());
        environment.put("TELEGRAM_API_URL", "http://127.0.0.1:9");   // nothing listens there
        try (TestDaemon tv = TestDaemon.start(folder, environment)) {
            JsonNode answer = tv.signal("\"symbol\":\"AAPL\",\"action\":\"buy\",\"quantity\":1,\"price\":10");
            assertThat(answer.get("decision").asText()).isEqualTo("accepted");
            tv.settle();
            assertThat(tv.count("select count(*) from orders where status = 'FILLED'")).isOne();
        }
        TestDaemon.eventually("the bot's threads ended or are daemon threads", () -> Thread.getAllStackTraces()
                .keySet().stream().filter(Thread::isAlive).filter(t -> !t.isDaemon())
                .noneMatch(t -> t.getName().contains("telegram") || t.getName().startsWith("OkHttp")));
    }
}

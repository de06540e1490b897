package io.tvbridge.cli;

import static io.tvbridge.cli.TestDaemon.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tvbridge.broker.spi.BrokerException;
import io.tvbridge.broker.spi.model.Side;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * The dashboard at {@code /ui} in a real headless Chromium against the running daemon: a trader
 * signs in, watches a webhook's signal arrive without reloading, stops and resumes trading, sees
 * why a signal was refused, cancels an order, flattens, fixes a setting, spots a position that
 * differs from the broker's. Screenshots go to {@code target/dashboard-screenshots}, or to the
 * folder in {@code -Dtvbridge.screenshots} (the README's come from {@code ../docs/images}).
 */
@Timeout(120)
class DashboardBrowserTest {
    private static final Path SCREENSHOTS = Path.of(System.getProperty("tvbridge.screenshots",
            "target/dashboard-screenshots"));
    /** Per-share gains and losses of the days of history: a mix, for the charts. */
    private static final List<String> DAILY_MOVES = List.of("2.5", "-1.2", "3.1", "0.8", "-2.0", "1.6", "2.2");

    @TempDir
    Path folder;
    @TempDir
    Path profile;

    @Test
    void aTraderWatchesAndStopsTheBridgeFromTheDashboard() throws BrokerException {
        ShiftedClock clock = new ShiftedClock(Duration.ofDays(-DAILY_MOVES.size() - 1));
        try (HeadlessChromium browser = HeadlessChromium.start(profile)) {
            TestDaemon tv = TestDaemon.start(folder, Map.of(), clock);
            try {
                tradeSomeDays(tv, clock);

                signIn(tv, browser);
                seesASignalArriveLive(tv, browser);
                tv = reconnectsAfterARestart(tv, browser);
                cancelsAnOrder(tv, browser);
                killsAndResumesWithAReason(tv, browser);
                seesTheSettingsValidation(tv, browser);
                explainsAPastedAlert(tv, browser);
                flattensAfterConfirming(tv, browser);
                seesAPositionThatDiffersFromTheBroker(tv, browser);
                takeScreenshots(browser);
            } finally {
                tv.close();
            }
        }
    }

    /**
     * A daemon of two accounts: a card each side by side, one kill switch for both, then one account
     * chosen in the header shows its own positions and its kill switch stops it alone.
     */
    @Test
    void aTraderSeesEveryAccountSideBySideAndChoosesOne() {
        try (HeadlessChromium browser = HeadlessChromium.start(profile);
             TestDaemon tv = TestDaemon.start(folder, Map.of("ACCOUNTS", "live:paper,fx:paper", "ROUTES", "*->live"))) {
            tv.signal("\"symbol\":\"AAPL\",\"action\":\"buy\",\"quantity\":3,\"price\":190");
            browser.open(tv.uri("/ui").toString());
            browser.type("#key", TestDaemon.ADMIN_KEY);
            browser.type("#actor", "alice");
            browser.click("#sign-in-button");
            String live = "#accounts section[data-account='live']";
            String fx = "#accounts section[data-account='fx']";
            browser.awaitText(live + " tr[data-symbol='AAPL']", "3");
            assertThat(browser.text(fx)).contains("No open positions");
            assertThat(browser.find("#positions").isDisplayed()).as("the one account's sections").isFalse();

            browser.type("#reason", "both look wrong");
            browser.click("#kill");
            browser.awaitText(live, "kill switch on");
            browser.awaitText(fx, "kill switch on");
            tv.daemon.accounts().forEach(account -> assertThat(account.control().current().kill()).isPresent());
            browser.type("#reason", "fine again");
            browser.click("#resume");
            browser.await("both trading", d -> !browser.text(live).contains("kill switch on")
                    && !browser.text(fx).contains("kill switch on"));

            browser.click(fx + " h2 button");
            browser.awaitText("#positions-table", "No open positions");
            assertThat(browser.find("#accounts").isDisplayed()).isFalse();
            browser.type("#reason", "fx only");
            browser.click("#kill");
            browser.awaitText("#trading-card", "Kill switch on");
            assertThat(tv.daemon.account("fx").control().current().kill()).isPresent();
            assertThat(tv.daemon.account("live").control().current().kill()).isEmpty();

            new Select(browser.find("#account")).selectByValue("live");
            browser.awaitText("#positions-table tr[data-symbol='AAPL']", "3");
            assertThat(browser.text("#trading-card")).doesNotContain("Kill switch");
        }
    }

    /** A round trip a day, each a little gain or loss, so that the charts have something to draw. */
    private static void tradeSomeDays(TestDaemon tv, ShiftedClock clock) {
        BigDecimal price = new BigDecimal("100");
        for (int day = 0; day < DAILY_MOVES.size(); day++) {
            clock.shift(Duration.ofDays(day - DAILY_MOVES.size()));
            tv.signal("\"symbol\":\"ACME\",\"action\":\"buy\",\"quantity\":10,\"price\":" + price
                    + ",\"strategy\":\"swing\"");
            tv.settle();
            price = price.add(new BigDecimal(DAILY_MOVES.get(day)));
            tv.signal("\"symbol\":\"ACME\",\"action\":\"close\",\"price\":" + price + ",\"strategy\":\"swing\"");
            tv.settle();
        }
        clock.shift(Duration.ZERO);
    }

    private static void signIn(TestDaemon tv, HeadlessChromium browser) {
        browser.open(tv.uri("/ui").toString());
        browser.type("#key", "not-the-key");
        browser.click("#sign-in-button");
        browser.awaitText("#sign-in-message", "not the admin API key");
        assertThat(browser.find("#dashboard").isDisplayed()).isFalse();

        browser.type("#key", TestDaemon.ADMIN_KEY);
        browser.type("#actor", "alice");
        browser.click("#sign-in-button");
        browser.awaitText("#live", "live");
        browser.awaitText("#who", "alice");
        assertThat(browser.driver.getCurrentUrl()).doesNotContain(TestDaemon.ADMIN_KEY);
        assertThat(browser.script("return sessionStorage.getItem('tvbridge.adminKey')"))
                .isEqualTo(TestDaemon.ADMIN_KEY);
        assertThat(browser.script("return localStorage.length")).isEqualTo(0L);
        browser.await("the days of history in the chart",
                d -> d.findElements(By.cssSelector("#daily-chart rect")).size() == DAILY_MOVES.size());
    }

    /** A TradersPost exit pasted into the explain box: read, shown, nothing stored. */
    private static void explainsAPastedAlert(TestDaemon tv, HeadlessChromium browser) {
        long signals = tv.count("select count(*) from signals");
        browser.type("#explain-message", "{\"ticker\": \"AAPL\", \"action\": \"sell\", \"sentiment\": \"flat\"}");
        browser.click("#explain-button");
        browser.awaitText("#explain-result", "traderspost");
        assertThat(browser.text("#explain-result")).contains("close_long").contains("SELL");
        browser.type("#explain-message", "licenseid,eaon,eaon");
        browser.click("#explain-button");
        browser.awaitText("#explain-result", "is a PineConnector command");
        assertThat(tv.count("select count(*) from signals")).isEqualTo(signals);
    }

    private static void seesASignalArriveLive(TestDaemon tv, HeadlessChromium browser) {
        browser.script("window.stillTheSamePage = true");
        long id = tv.signal("\"symbol\":\"AAPL\",\"action\":\"buy\",\"quantity\":5,\"price\":190").get("signal_id")
                .asLong();

        browser.awaitText("tr[data-signal-id='" + id + "']", "accepted");
        String position = "#positions-table tr[data-symbol='AAPL']";
        browser.await("AAPL bought", d -> browser.all(position).size() == 1
                && browser.text(position + " td:last-child").equals("match"));
        assertThat(browser.text(position + " td:nth-child(2)")).isEqualTo("5");
        assertThat(browser.text(position + " td:nth-child(3)")).isEqualTo("5");
        browser.awaitText("#trades-table", "AAPL");
        assertThat(browser.script("return window.stillTheSamePage")).as("no reload").isEqualTo(true);
    }

    /** The daemon goes away and comes back: the page notices, waits, and is live again by itself. */
    private static TestDaemon reconnectsAfterARestart(TestDaemon tv, HeadlessChromium browser) {
        int port = tv.daemon.port();
        tv.close();
        browser.awaitText("#live", "reconnecting");
        TestDaemon restarted = TestDaemon.start(tv.dataDirectory.getParent(), Map.of(), Clock.systemUTC(), port);
        browser.await("live again", d -> browser.text("#live").equals("live"));

        long id = restarted.signal("\"symbol\":\"AAPL\",\"action\":\"buy\",\"quantity\":5,\"price\":191")
                .get("signal_id").asLong();
        browser.awaitText("tr[data-signal-id='" + id + "']", "accepted");
        assertThat(browser.script("return window.stillTheSamePage")).as("no reload").isEqualTo(true);
        return restarted;
    }

    private static void cancelsAnOrder(TestDaemon tv, HeadlessChromium browser) {
        // a buy stop above the price rests at the paper broker until a price reaches it
        String order = tv.signal("\"symbol\":\"NVDA\",\"action\":\"buy\",\"quantity\":2,\"order_type\":\"stop\","
                + "\"stop_price\":150,\"price\":100").get("client_order_id").asText();
        String row = "#orders-table tr[data-order-id='" + order + "']";
        browser.awaitText(row, "accepted");

        browser.click(row + " button");
        browser.awaitText("#confirm", "Cancel this order?");
        browser.click("#confirm-yes");

        browser.awaitText(row, "cancelled");
        assertThat(browser.text("#orders-message")).contains("Cancel requested for " + order);
        assertThat(tv.count("select count(*) from audit_log where action like 'order.cancel%' and actor = 'alice'"))
                .isPositive();
    }

    private static void killsAndResumesWithAReason(TestDaemon tv, HeadlessChromium browser) {
        browser.click("#kill");
        browser.awaitText("#control-message", "Write a reason first");
        assertThat(tv.daemon.control().current().kill()).as("no kill without a reason").isEmpty();

        browser.type("#reason", "spreads look wrong");
        browser.click("#kill");
        browser.awaitText("#trading-card", "Kill switch on");
        assertThat(browser.text("#trading-card")).contains("spreads look wrong").contains("alice");
        assertThat(tv.daemon.control().current().kill()).isPresent();

        long refused = tv.signal("\"symbol\":\"TSLA\",\"action\":\"buy\",\"quantity\":1,\"price\":250")
                .get("signal_id").asLong();
        String row = "tr[data-signal-id='" + refused + "']";
        browser.awaitText(row, "rejected");
        assertThat(browser.text(row + " td.reason")).startsWith("kill_switch:")
                .contains("spreads look wrong");

        browser.click("#resume");
        browser.awaitText("#control-message", "Write a reason first");
        assertThat(tv.daemon.control().current().kill()).isPresent();
        browser.type("#reason", "spreads are back to normal");
        browser.click("#resume");
        browser.awaitText("#trading-card", "Trading");
        assertThat(browser.text("#trading-card")).doesNotContain("Kill switch");
        assertThat(tv.daemon.control().current().kill()).isEmpty();

        browser.type("#reason", "earnings in ten minutes");
        browser.click("#pause");
        browser.awaitText("#trading-card", "Paused");
        assertThat(browser.text("#trading-card")).contains("earnings in ten minutes");
        browser.type("#reason", "earnings are out");
        browser.click("#resume");
        browser.await("trading again", d -> browser.text("#trading-card").startsWith("TRADING\nTrading"));
        assertThat(tv.daemon.control().current().pause()).isEmpty();
    }

    private static void seesTheSettingsValidation(TestDaemon tv, HeadlessChromium browser) {
        HttpResponse<String> api = tv.admin("PUT", "/admin/settings",
                "{\"actor\":\"alice\",\"settings\":{\"max_daily_trades\":\"many\"}}");
        assertThat(api.statusCode()).isEqualTo(400);

        browser.type("input[name='max_daily_trades']", "many");
        browser.click("#save-settings");
        browser.awaitText("#settings-message", json(api).get("error").asText());
        assertThat(browser.attribute("input[name='max_daily_trades']", "class")).contains("invalid");

        browser.type("input[name='max_daily_trades']", "40");
        browser.click("#save-settings");
        browser.awaitText("#settings-message", "Saved: max_daily_trades");
        assertThat(tv.daemon.settings().values().get("max_daily_trades")).isEqualTo("40");
    }

    private static void flattensAfterConfirming(TestDaemon tv, HeadlessChromium browser) {
        browser.click("#flatten");
        browser.awaitText("#confirm", "Flatten every position?");
        browser.click("#confirm-no");
        browser.awaitText("#control-message", "Flatten cancelled");
        assertThat(browser.all("#positions-table tr[data-symbol='AAPL']")).hasSize(1);

        browser.click("#flatten");
        browser.awaitText("#confirm", "Flatten every position?");
        browser.click("#confirm-yes");
        browser.awaitText("#control-message", "Flatten accepted");
        browser.await("AAPL closed", d -> d.findElements(By.cssSelector("#positions-table tr[data-symbol='AAPL']"))
                .isEmpty());
        JsonNode positions = tv.admin(200, "GET", "/admin/positions/expected", null);
        positions.forEach(p -> assertThat(p.get("quantity").decimalValue()).isZero());
    }

    private static void seesAPositionThatDiffersFromTheBroker(TestDaemon tv, HeadlessChromium browser)
            throws BrokerException {
        tv.signal("\"symbol\":\"MSFT\",\"action\":\"buy\",\"quantity\":3,\"price\":410,\"strategy\":\"swing\"");
        String row = "#positions-table tr[data-symbol='MSFT']";
        browser.await("MSFT bought", d -> browser.text(row + " td:last-child").equals("match"));
        assertThat(browser.attribute(row, "class")).doesNotContain("mismatch");

        tv.paper().tradeOutsideTvbridge("MSFT", Side.BUY, new BigDecimal("2"), new BigDecimal("411"));

        browser.await("MSFT differs", d -> browser.text(row + " td:last-child").equals("mismatch"));
        assertThat(browser.text(row + " td:nth-child(2)")).isEqualTo("3");
        assertThat(browser.text(row + " td:nth-child(3)")).isEqualTo("5");
        assertThat(browser.attribute(row, "class")).contains("mismatch");
        assertThat(browser.text("#positions-message")).contains("differs from the broker");
    }

    /** The whole page in light and its top in dark; on a phone, the first screen in light and the P&L in dark. */
    private static void takeScreenshots(HeadlessChromium browser) {
        browser.script("document.getElementById('reason').value = ''");
        browser.darkMode(false);
        browser.fullPageScreenshot(SCREENSHOTS.resolve("dashboard-desktop-light.png"), 1280);
        browser.darkMode(true);
        browser.screen(1280, 900, false);
        browser.script("window.scrollTo(0, 0)");
        browser.screenshot(SCREENSHOTS.resolve("dashboard-desktop-dark.png"));

        browser.screen(390, 844, true);
        browser.darkMode(false);
        browser.script("window.scrollTo(0, 0)");
        browser.screenshot(SCREENSHOTS.resolve("dashboard-phone-light.png"));
        browser.darkMode(true);
        browser.script("document.getElementById('pnl').scrollIntoView()");
        browser.screenshot(SCREENSHOTS.resolve("dashboard-phone-dark.png"));
        long overflow = (Long) browser.script("return document.documentElement.scrollWidth - window.innerWidth");
        assertThat(overflow).as("the page fits a phone's width").isLessThanOrEqualTo(0);
    }
}

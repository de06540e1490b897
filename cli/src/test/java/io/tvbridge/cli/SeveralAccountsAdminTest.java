package io.tvbridge.cli;

import static io.tvbridge.cli.TestDaemon.eventually;
import static io.tvbridge.cli.TestDaemon.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tvbridge.server.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The admin API and /health of a daemon of several accounts, over HTTP: every call takes
 * {@code ?account=}, answers side by side without it, and the kill switch reaches every account.
 * One daemon for the class; each test leaves every account trading.
 */
@Timeout(60)
class SeveralAccountsAdminTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ACTION = "{\"actor\":\"alice\",\"reason\":\"checking\"}";

    @TempDir
    static Path folder;
    private static TestDaemon tv;

    @BeforeAll
    static void start() {
        tv = TestDaemon.start(folder, Map.of("ACCOUNTS", "live:paper,fx:paper,shadow:paper", "SHADOW_FOLLOWS", "live",
                "ROUTES", "*->live"));
    }

    @AfterAll
    static void stop() {
        tv.close();
    }

    @AfterEach
    void everyAccountTradesAgain() {
        tv.admin(200, "POST", "/admin/resume", ACTION);
    }

    @Test
    void aReadAnswersEachAccountSideBySideAndOneAccountAsItsOwnResourceDoes() {
        JsonNode all = tv.admin(200, "GET", "/admin/status", null);
        assertThat(names(all.get("accounts"))).containsExactly("live", "fx", "shadow");
        assertThat(all.at("/accounts/fx/broker/name").asText()).isEqualTo("paper");
        assertThat(all.at("/accounts/fx/trading/kill/on").asBoolean()).isFalse();

        JsonNode fx = tv.admin(200, "GET", "/admin/settings?account=fx", null);
        assertThat(fx).isEqualTo(own(tv.daemon.account("fx").adminResource().settings()));
        assertThat(fx).isEqualTo(tv.admin(200, "GET", "/admin/settings", null).at("/accounts/fx"));
        JsonNode positions = tv.admin(200, "GET", "/admin/positions/actual?account=all", null);
        assertThat(names(positions.get("accounts"))).containsExactly("live", "fx", "shadow");
        assertThat(tv.admin(200, "GET", "/admin/orders?account=FX&limit=1", null).has("items")).isTrue();
    }

    @Test
    void killWithoutAnAccountStopsEveryAccount() {
        JsonNode killed = tv.admin(200, "POST", "/admin/kill", ACTION);

        assertThat(names(killed.get("accounts"))).containsExactly("live", "fx", "shadow");
        killed.get("accounts").forEach(halt -> assertThat(halt.at("/kill/on").asBoolean()).isTrue());
        tv.daemon.accounts().forEach(account -> assertThat(account.control().current().kill()).isPresent());
        JsonNode refused = tv.signal("\"symbol\":\"K\",\"action\":\"buy\",\"quantity\":1,\"price\":10");
        assertThat(refused.at("/accounts/0/account").asText()).isEqualTo("live");
        assertThat(refused.at("/accounts/0/reason").asText()).startsWith("kill_switch:");

        JsonNode resumed = tv.admin(200, "POST", "/admin/resume", ACTION);
        resumed.get("accounts").forEach(halt -> assertThat(halt.at("/kill/on").asBoolean()).isFalse());
        JsonNode audit = tv.admin(200, "GET", "/admin/audit-log?action=trading.kill", null);
        assertThat(audit.at("/accounts/shadow/items/0/account").asText()).isEqualTo("shadow");
        assertThat(audit.at("/accounts/shadow/items/0/actor").asText()).isEqualTo("alice");
    }

    @Test
    void killOfOneAccountLeavesTheOthersTrading() {
        JsonNode killed = tv.admin(200, "POST", "/admin/kill?account=fx", ACTION);

        assertThat(killed.has("accounts")).isFalse();
        assertThat(killed.at("/kill/on").asBoolean()).isTrue();
        assertThat(tv.daemon.account("live").control().current().kill()).isEmpty();
        JsonNode live = tv.signal("\"account\":\"live\",\"symbol\":\"L\",\"action\":\"buy\",\"quantity\":1,"
                + "\"price\":10");
        JsonNode fx = tv.signal("\"account\":\"fx\",\"symbol\":\"EURUSD\",\"action\":\"buy\",\"quantity\":1,"
                + "\"price\":1.1");
        assertThat(live.at("/accounts/0/decision").asText()).isEqualTo("accepted");
        assertThat(fx.at("/accounts/0/account").asText()).isEqualTo("fx");
        assertThat(fx.at("/accounts/0/reason").asText()).startsWith("kill_switch:");
        JsonNode status = tv.admin(200, "GET", "/admin/status", null);
        assertThat(status.at("/accounts/fx/trading/kill/on").asBoolean()).isTrue();
        assertThat(status.at("/accounts/live/trading/kill/on").asBoolean()).isFalse();
    }

    @Test
    void flattenWantsTheAccountWritten() {
        HttpResponse<String> unnamed = tv.admin("POST", "/admin/flatten", "{\"actor\":\"alice\",\"confirm\":true}");
        assertThat(unnamed.statusCode()).isEqualTo(400);
        assertThat(json(unnamed).get("error").asText())
                .isEqualTo("flatten closes positions: name the account (?account=live) or ?account=all");
        assertThat(json(unnamed).get("field").asText()).isEqualTo("account");

        JsonNode all = tv.admin(200, "POST", "/admin/flatten?account=all", "{\"actor\":\"alice\",\"confirm\":true}");
        assertThat(names(all.get("accounts"))).containsExactly("live", "fx", "shadow");
        all.get("accounts").forEach(answer -> assertThat(answer.has("decision")).as(answer.toString()).isTrue());
    }

    @Test
    void anUnknownAccountIsAnswered404WithTheAccountsThereAre() {
        String expected = "no account 'x'; this daemon's accounts are: live, fx, shadow";
        HttpResponse<String> read = tv.admin("GET", "/admin/status?account=x", null);
        HttpResponse<String> kill = tv.admin("POST", "/admin/kill?account=x", ACTION);

        assertThat(read.statusCode()).isEqualTo(404);
        assertThat(json(read).get("error").asText()).isEqualTo(expected);
        assertThat(kill.statusCode()).isEqualTo(404);
        assertThat(json(kill).get("error").asText()).isEqualTo(expected);
        tv.daemon.accounts().forEach(account -> assertThat(account.control().current().kill()).isEmpty());
        assertThat(tv.admin("GET", "/admin/status?account=x", null, null).statusCode()).as("the key first")
                .isEqualTo(401);
    }

    @Test
    void settingsChangeInTheAccountNamedOnly() {
        String change = "{\"actor\":\"alice\",\"settings\":{\"max_daily_trades\":\"7\"}}";
        HttpResponse<String> unnamed = tv.admin("PUT", "/admin/settings", change);
        HttpResponse<String> all = tv.admin("PUT", "/admin/settings?account=all", change);
        assertThat(unnamed.statusCode()).isEqualTo(400);
        assertThat(json(unnamed).get("error").asText()).contains("live, fx, shadow");
        assertThat(all.statusCode()).isEqualTo(400);

        JsonNode changed = tv.admin(200, "PUT", "/admin/settings?account=fx", change);

        assertThat(changed.get("changed")).hasSize(1);
        assertThat(tv.daemon.account("fx").settings().values().get("max_daily_trades")).isEqualTo("7");
        assertThat(tv.daemon.account("live").settings().values().get("max_daily_trades")).isNotEqualTo("7");
        JsonNode sideBySide = tv.admin(200, "GET", "/admin/settings", null);
        assertThat(setting(sideBySide.at("/accounts/fx"), "max_daily_trades")).isEqualTo("7");
        assertThat(setting(sideBySide.at("/accounts/live"), "max_daily_trades")).isNotEqualTo("7");
    }

    @Test
    void aCancelFindsTheAccountThatHoldsTheOrder() {
        // a buy stop above the price rests at the paper broker until a price reaches it
        JsonNode placed = tv.signal("\"account\":\"fx\",\"symbol\":\"GBPUSD\",\"action\":\"buy\",\"quantity\":2,"
                + "\"order_type\":\"stop\",\"stop_price\":150,\"price\":100");
        String order = placed.at("/accounts/0/client_order_id").asText();
        eventually("the stop order rests at the broker", () -> "accepted".equals(
                tv.admin(200, "GET", "/admin/orders?account=fx&symbol=GBPUSD", null).at("/items/0/status").asText()));

        JsonNode cancel = tv.admin(202, "POST", "/admin/orders/" + order + "/cancel", ACTION);

        assertThat(cancel.get("status").asText()).isEqualTo("cancel_requested");
        eventually("cancelled in fx", () -> "cancelled".equals(
                tv.admin(200, "GET", "/admin/orders?account=fx&symbol=GBPUSD", null).at("/items/0/status").asText()));
        HttpResponse<String> unknown = tv.admin("POST", "/admin/orders/tvb-x-1-1/cancel", ACTION);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).get("error").asText()).contains("in any account");
    }

    @Test
    void healthShowsEveryAccountAndTheFirstOnTop() {
        JsonNode health = json(tv.get("/health"));

        assertThat(health.get("status").asText()).isEqualTo("ok");
        assertThat(health.at("/broker/name").asText()).isEqualTo("paper");
        assertThat(names(health.get("accounts"))).containsExactly("live", "fx", "shadow");
        assertThat(health.at("/accounts/fx/broker/connected").asBoolean()).isTrue();
        assertThat(health.at("/accounts/fx/db/ok").asBoolean()).isTrue();
        assertThat(health.at("/accounts/fx/follows").isMissingNode()).isTrue();
        assertThat(health.at("/accounts/shadow/follows").asText()).isEqualTo("live");
        assertThat(tv.get("/ready").statusCode()).isEqualTo(200);
    }

    @Test
    void aDaemonOfOneAccountTakesItsOwnNameAndNoOther(@TempDir Path own) {
        try (TestDaemon one = TestDaemon.start(own)) {
            JsonNode named = one.admin(200, "GET", "/admin/settings?account=paper", null);
            assertThat(named).isEqualTo(one.admin(200, "GET", "/admin/settings", null));
            assertThat(one.admin(200, "GET", "/admin/status?account=all", null).has("accounts")).isFalse();
            HttpResponse<String> other = one.admin("GET", "/admin/status?account=x", null);
            assertThat(other.statusCode()).isEqualTo(404);
            assertThat(json(other).get("error").asText())
                    .isEqualTo("no account 'x'; this daemon's accounts are: paper");
            assertThat(json(one.get("/health")).has("accounts")).isFalse();
        }
    }

    @Test
    void theCommandsTakeAnAccountAndShowEachAccountUnderItsName() {
        Run status = tvbridge("status");
        assertThat(status.code()).as(status.err()).isZero();
        assertThat(status.out()).containsPattern("live +ok +paper +off +off").containsPattern("shadow +ok +paper");

        Run killed = tvbridge("kill", "--account", "fx", "--reason", "fx looks wrong", "--actor", "bob");
        assertThat(killed.code()).as(killed.err()).isZero();
        assertThat(killed.out()).startsWith("kill switch: ON by bob since ");
        assertThat(tv.daemon.account("fx").control().current().kill()).isPresent();
        assertThat(tv.daemon.account("live").control().current().kill()).isEmpty();
        Run paused = tvbridge("pause", "--reason", "news");
        assertThat(paused.out()).contains("== account live ==", "== account fx ==", "== account shadow ==");
        assertThat(paused.out().split("kill switch: ON")).as("only fx is killed").hasSize(2);

        Run set = tvbridge("settings", "set", "--account", "fx", "max_daily_trades=9");
        assertThat(set.out()).isEqualTo("changed: max_daily_trades\n");
        Run unnamed = tvbridge("settings", "set", "max_daily_trades=9");
        assertThat(unnamed.code()).isEqualTo(1);
        assertThat(unnamed.err()).contains("changing settings is for one account");
        Run settings = tvbridge("settings", "get", "max_daily_trades");
        assertThat(settings.out()).containsPattern("== account fx ==\nSETTING.*\nmax_daily_trades +9 ");
        assertThat(tvbridge("orders", "--account", "live").out()).doesNotContain("== account");

        Run unknown = tvbridge("status", "--account", "x");
        assertThat(unknown.code()).isEqualTo(1);
        assertThat(unknown.err()).isEqualTo("tvbridge: no account 'x'; this daemon's accounts are: live, fx, shadow\n");
    }

    /** What one run of the command printed, and its exit code. */
    record Run(int code, String out, String err) {
    }

    /** The tvbridge command against this class's daemon, as a person runs it. */
    private static Run tvbridge(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> words = new ArrayList<>(List.of(args));
        words.addAll(List.of("--url", "http://127.0.0.1:" + tv.daemon.port(), "--api-key", TestDaemon.ADMIN_KEY));
        int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), words.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String setting(JsonNode settings, String name) {
        for (JsonNode setting : settings) {
            if (setting.get("name").asText().equals(name)) {
                return setting.get("value").asText();
            }
        }
        throw new AssertionError("no setting " + name + " in " + settings);
    }

    /** What an account's own resource answers, as the JSON the API writes. */
    private static JsonNode own(Object answer) {
        try {
            return JSON.readTree(Json.MAPPER.writeValueAsString(answer));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}

package io.tvbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tvbridge.server.WebhookGuard;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The webhook's door on the running daemon over HTTP: the allowlist with proxies believed or
 * not, the rate limits, the freshness window, and the admin API on a port of its own. Tests run
 * from 127.0.0.1; with {@code TRUSTED_PROXIES=127.0.0.1} they speak for other senders through
 * {@code X-Forwarded-For}, as a reverse proxy would.
 */
@Timeout(120)
class NetworkSecurityTest {
    private static final AtomicLong IDS = new AtomicLong();
    private static final String TRADINGVIEW = "52.89.214.238";

    @TempDir
    Path folder;

    private static String alert(String extra) {
        return TestDaemon.alert("\"symbol\":\"AAPL\",\"action\":\"buy\",\"quantity\":1,\"price\":190,\"alert_id\":\"n-"
                + IDS.incrementAndGet() + "\"" + extra);
    }

    private static HttpResponse<String> from(TestDaemon tv, String forwardedFor, String body) {
        return tv.post(body, "application/json", forwardedFor == null ? Map.of()
                : Map.of("X-Forwarded-For", forwardedFor));
    }

    private static String error(HttpResponse<String> response) {
        return TestDaemon.json(response).path("error").asText();
    }

    @Test
    void theAllowlistLetsOnlyListedSendersInAndBelievesForwardingOnlyFromTrustedProxies() {
        try (TestDaemon tv = TestDaemon.start(folder, Map.of("WEBHOOK_ALLOW", "tradingview, 10.0.0.0/8, 2001:db8::/32",
                "TRUSTED_PROXIES", "127.0.0.1"))) {
            HttpResponse<String> direct = from(tv, null, alert(""));
            assertThat(direct.statusCode()).isEqualTo(403);
            assertThat(error(direct)).isEqualTo("alerts from 127.0.0.1 are not allowed: the address is not in"
                    + " WEBHOOK_ALLOW");

            assertThat(from(tv, TRADINGVIEW, alert("")).statusCode()).isEqualTo(200);
            assertThat(tv.text("select source_address from signals order by id desc limit 1")).isEqualTo(TRADINGVIEW);
            assertThat(from(tv, "10.1.2.3, 127.0.0.1", alert("")).statusCode()).as("trusted hops are skipped")
                    .isEqualTo(200);
            assertThat(from(tv, "2001:db8::7", alert("")).statusCode()).isEqualTo(200);

            // the right-most address not of a trusted proxy decides: one written by the sender is not believed
            HttpResponse<String> spoofed = from(tv, TRADINGVIEW + ", 203.0.113.9", alert(""));
            assertThat(spoofed.statusCode()).isEqualTo(403);
            assertThat(error(spoofed)).startsWith("alerts from 203.0.113.9 are not allowed");
            assertThat(from(tv, "not-an-address", alert("")).statusCode()).isEqualTo(403);
            assertThat(tv.daemon.webhookGuard().refused(WebhookGuard.Refusal.NOT_ALLOWED)).isEqualTo(3);
            assertThat(tv.count("select count(*) from signals")).isEqualTo(3);

            assertThat(tv.get("/health").statusCode()).as("only the webhook is guarded").isEqualTo(200);
        }
    }

    @Test
    void forwardedForIsIgnoredFromPeersThatAreNotTrustedProxies() {
        try (TestDaemon tv = TestDaemon.start(folder, Map.of("WEBHOOK_ALLOW", "tradingview"))) {
            HttpResponse<String> response = from(tv, TRADINGVIEW, alert(""));
            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(error(response)).startsWith("alerts from 127.0.0.1 are not allowed");
        }
    }

    @Test
    void eachSourceHasItsOwnRateAndTheExcessIsAnswered429WithRetryAfter() {
        try (TestDaemon tv = TestDaemon.start(folder, Map.of("WEBHOOK_RATE_LIMIT", "5",
                "TRUSTED_PROXIES", "127.0.0.1"))) {
            for (int i = 0; i < 5; i++) {
                assertThat(from(tv, "198.51.100.1", alert("")).statusCode()).isEqualTo(200);
            }
            HttpResponse<String> limited = from(tv, "198.51.100.1", alert(""));
            assertThat(limited.statusCode()).isEqualTo(429);
            assertThat(limited.headers().firstValue("Retry-After")).hasValueSatisfying(seconds ->
                    assertThat(Long.parseLong(seconds)).isBetween(1L, 60L));
            assertThat(error(limited)).startsWith("too many alerts from 198.51.100.1: at most 5 a minute"
                    + " (WEBHOOK_RATE_LIMIT); try again in ");
            assertThat(from(tv, "198.51.100.2", alert("")).statusCode()).as("another sender").isEqualTo(200);
            assertThat(tv.count("select count(*) from signals")).isEqualTo(6);
            assertThat(tv.daemon.webhookGuard().refused(WebhookGuard.Refusal.RATE_LIMITED)).isEqualTo(1);
            assertThat(tv.admin("GET", "/metrics", null).body())
                    .contains("tvbridge_rate_limited_total{limit=\"webhook\"} 1.0");
        }
    }

    @Test
    void repeatedFailedAuthenticationLocksTheSourceOutSooner() {
        try (TestDaemon tv = TestDaemon.start(folder, Map.of("WEBHOOK_AUTH_FAILURE_LIMIT", "3",
                "TRUSTED_PROXIES", "127.0.0.1"))) {
            String wrongSecret = alert("").replace(TestDaemon.SECRET, "guess-0123456789abcdef");
            for (int i = 0; i < 3; i++) {
                assertThat(from(tv, "198.51.100.7", wrongSecret).statusCode()).isEqualTo(401);
            }
            HttpResponse<String> locked = from(tv, "198.51.100.7", alert(""));
            assertThat(locked.statusCode()).as("even with the right secret now").isEqualTo(429);
            assertThat(locked.headers().firstValue("Retry-After")).isPresent();
            assertThat(error(locked)).startsWith("too many failed authentications from 198.51.100.7: at most 3 a"
                    + " minute (WEBHOOK_AUTH_FAILURE_LIMIT)");
            assertThat(locked.body()).doesNotContain(TestDaemon.SECRET);
            assertThat(from(tv, "198.51.100.8", alert("")).statusCode()).as("another sender").isEqualTo(200);
            assertThat(tv.count("select count(*) from signals")).isEqualTo(1);
            assertThat(tv.daemon.webhookGuard().refused(WebhookGuard.Refusal.AUTH_FAILURES)).isEqualTo(1);
            assertThat(tv.admin("GET", "/metrics", null).body())
                    .contains("tvbridge_rate_limited_total{limit=\"failed_authentication\"} 1.0");
        }
    }

    @Test
    void alertsOutsideTheFreshnessWindowAreRefusedUnstored() {
        try (TestDaemon tv = TestDaemon.start(folder, Map.of("WEBHOOK_MAX_AGE", "60"))) {
            String old = Instant.now().minusSeconds(600).toString();
            HttpResponse<String> stale = from(tv, null, alert(",\"timestamp\":\"" + old + "\""));
            assertThat(stale.statusCode()).isEqualTo(401);
            JsonNode answer = TestDaemon.json(stale);
            assertThat(answer.path("error").asText()).startsWith("the alert's timestamp " + old + " is ")
                    .contains("alerts older than 60 s are refused (WEBHOOK_MAX_AGE)");
            assertThat(answer.path("field").asText()).isEqualTo("timestamp");

            String future = Instant.now().plusSeconds(600).toString();
            HttpResponse<String> ahead = from(tv, null, alert(",\"timestamp\":\"" + future + "\""));
            assertThat(ahead.statusCode()).isEqualTo(401);
            assertThat(error(ahead)).contains(" s in the future");
            assertThat(tv.count("select count(*) from signals")).isZero();

            assertThat(from(tv, null, alert(",\"timestamp\":\"" + Instant.now() + "\"")).statusCode()).isEqualTo(200);
            assertThat(from(tv, null, alert("")).statusCode()).as("no timestamp, nothing to check").isEqualTo(200);
        }
    }

    @Test
    void theAdminApiOnItsOwnPortIsNotServedOnTheWebhooksAndTheCliFindsIt() throws Exception {
        try (TestDaemon tv = TestDaemon.start(folder, Map.of("ADMIN_PORT", "0", "ADMIN_HOST", "127.0.0.1"))) {
            int admin = tv.daemon.adminPort();
            assertThat(admin).isNotEqualTo(tv.daemon.port());

            HttpResponse<String> publicAdmin = tv.admin("GET", "/admin/status", null);
            assertThat(publicAdmin.statusCode()).isEqualTo(404);
            assertThat(publicAdmin.body()).isEqualTo("{\"error\":\"no such endpoint\"}");
            assertThat(tv.admin("GET", "/webhook/anything-below", null).statusCode()).isEqualTo(404);
            byte[] fill = "x (1): order buy @ 1 filled on AAPL. New strategy position is 1"
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
            assertThat(tv.postTo("/webhook/" + TestDaemon.SECRET, fill, "text/plain", Map.of()).statusCode())
                    .as("the secret in the path, on the webhook's port").isEqualTo(200);
            assertThat(tv.admin("GET", "/admin/openapi.json", null).statusCode()).isEqualTo(404);
            assertThat(tv.get("/health").statusCode()).isEqualTo(200);
            assertThat(tv.get("/ready").statusCode()).isIn(200, 503);
            assertThat(from(tv, null, alert("")).statusCode()).isEqualTo(200);

            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> status = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + admin
                    + "/admin/status")).header("X-API-Key", TestDaemon.ADMIN_KEY).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(status.statusCode()).isEqualTo(200);
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + admin
                    + "/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).as("tvbridge check reads /health there").isEqualTo(200);
            HttpResponse<String> adminWebhook = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + admin
                    + "/webhook")).POST(HttpRequest.BodyPublishers.ofString(alert(""))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(adminWebhook.statusCode()).isEqualTo(404);

            assertThat(Files.readString(tv.dataDirectory.resolve(DaemonAddress.FILE_NAME)).strip())
                    .isEqualTo("http://127.0.0.1:" + admin);
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), "status", "--data-dir",
                    tv.dataDirectory.toString(), "--api-key", TestDaemon.ADMIN_KEY);
            assertThat(code).as(err.toString()).isZero();
            assertThat(out.toString()).contains("broker:      paper");
        }
    }
}

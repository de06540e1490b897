package io.tvbridge.cli;

import static io.tvbridge.cli.TestDaemon.ADMIN_KEY;
import static io.tvbridge.cli.TestDaemon.SECRET;
import static io.tvbridge.cli.TestDaemon.alert;
import static org.assertj.core.api.Assertions.assertThat;

import io.tvbridge.broker.spi.BrokerException;
import io.tvbridge.broker.spi.model.Side;
import io.tvbridge.core.alert.WebhookAuthenticator;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs a daemon through good alerts, bad secrets and signatures, wrong admin keys, settings
 * changes, a reconciliation mismatch and errors, and then looks for the configured secrets in
 * every log line it wrote, in every answer it gave, and in every row it stored (the audit trail,
 * the signals and their payloads, the orders).
 */
@Timeout(120)
class SecretsNotLoggedTest {
    private static final List<String> SECRETS = List.of(SECRET, ADMIN_KEY);

    @TempDir
    Path folder;

    /** Every answer's status and body. */
    private final List<String> answers = new ArrayList<>();

    @Test
    void noSecretReachesTheLogTheAnswersOrTheStoredRows() throws BrokerException {
        List<String> stored;
        List<String> log;
        try (CapturedOutput output = CapturedOutput.start()) {
            try (TestDaemon tv = TestDaemon.start(folder)) {
                alerts(tv);
                adminCalls(tv);
                tv.settle();
                tv.paper().tradeOutsideTvbridge("TSLA", Side.SELL, BigDecimal.ONE, new BigDecimal("200"));
                answer(() -> tv.admin("POST", "/admin/reconcile", "{\"actor\":\"alice\"}"));
                answer(() -> tv.admin("GET", "/admin/audit-log?limit=500", null));
                answer(() -> tv.admin("GET", "/admin/signals?limit=500", null));
                answer(() -> tv.admin("GET", "/admin/status", null));
                stored = SecretLeaks.storedRows(tv);
            }
            log = output.lines();
        }

        assertThat(log).as("the daemon's log was captured").anyMatch(line -> line.contains("accepted: buy"));
        assertThat(stored).as("rows were read").anyMatch(row -> row.contains("settings.changed"));
        assertThat(SecretLeaks.in(log, SECRETS)).as("log lines holding a secret").isEmpty();
        assertThat(SecretLeaks.in(answers, SECRETS)).as("answers holding a secret").isEmpty();
        assertThat(SecretLeaks.in(stored, SECRETS)).as("stored rows holding a secret").isEmpty();
    }

    /** Alerts good and bad, in every format, with the secret in the right and in the wrong places. */
    private void alerts(TestDaemon tv) {
        String buy = "\"symbol\":\"AAPL\",\"action\":\"buy\",\"quantity\":1,\"price\":100";
        post(tv, alert(buy + ",\"alert_id\":\"s-1\""), "application/json", Map.of());
        post(tv, alert(buy + ",\"alert_id\":\"s-1\""), "application/json", Map.of());
        post(tv, "{secret: '" + SECRET + "', ticker: 'MSFT', action: 'buy', qty: 1, price: 400,}", "text/plain",
                Map.of());
        post(tv, "secret=" + SECRET + "&symbol=TSLA&action=buy&contracts=1&price=250",
                "application/x-www-form-urlencoded", Map.of());
        String unsigned = "{\"symbol\":\"NVDA\",\"action\":\"buy\",\"quantity\":1,\"price\":100}";
        post(tv, unsigned, "application/json", Map.of("X-Signature",
                new WebhookAuthenticator(SECRET).sign(unsigned.getBytes(StandardCharsets.UTF_8))));
        for (String wrong : List.of(SECRET + "x", "x" + SECRET, SECRET.toUpperCase(Locale.ROOT), ADMIN_KEY)) {
            post(tv, "{\"secret\":\"" + wrong + "\"," + buy + "}", "application/json", Map.of());
        }
        post(tv, "{" + buy + "}", "application/json", Map.of());
        for (String signature : List.of(SECRET, "sha256=" + SECRET, "sha256=" + "0".repeat(64), ADMIN_KEY)) {
            post(tv, unsigned, "application/json", Map.of("X-Signature", signature));
        }
        post(tv, "{\"secret\": " + SECRET + ", " + buy + "}", "application/json", Map.of());
        post(tv, "{\"secret\":\"" + SECRET + "\"," + buy, "application/json", Map.of());
        post(tv, "{\"secret\":\"" + SECRET, "application/json", Map.of());
        post(tv, "{\"symbol\": " + SECRET + SECRET + " }", "application/json", Map.of());
        post(tv, "secret: " + SECRET + "\nsymbol AAPL\n", "text/plain", Map.of());
        post(tv, alert("\"symbol\":\"AAPL\",\"action\":\"" + SECRET + "\",\"quantity\":1"), "application/json",
                Map.of());
        post(tv, alert("\"symbol\":\"AAPL\",\"action\":\"buy\",\"quantity\":\"" + ADMIN_KEY + "\""),
                "application/json", Map.of());
        post(tv, alert("\"symbol\":\"" + SECRET + "\",\"action\":\"buy\",\"quantity\":1,\"price\":5"),
                "application/json", Map.of());
        post(tv, alert(buy + ",\"strategy\":\"" + ADMIN_KEY + "\",\"comment\":\"" + SECRET + "\""),
                "application/json", Map.of());
        post(tv, alert(buy + ",\"padding\":\"" + "x".repeat(70_000) + "\""), "application/json", Map.of());
        byte[] fill = "EMA (9, 21): order buy @ 2 filled on AMD. New strategy position is 2".getBytes(StandardCharsets.UTF_8);
        answer(() -> tv.postTo("/webhook/" + SECRET, fill, "text/plain", Map.of()));
        answer(() -> tv.postTo("/webhook/" + SECRET + "x", fill, "text/plain", Map.of()));
        answer(() -> tv.get("/webhook?secret=" + SECRET));
        answer(() -> tv.get("/" + SECRET));
    }

    /** Admin calls with the key missing, wrong, in the wrong place, and right, and settings changes. */
    private void adminCalls(TestDaemon tv) {
        for (String key : List.of(ADMIN_KEY + "x", ADMIN_KEY.toUpperCase(Locale.ROOT), SECRET, " ")) {
            answer(() -> tv.admin("GET", "/admin/status", null, key));
        }
        answer(() -> tv.admin("GET", "/admin/signals/" + ADMIN_KEY, null, null));
        answer(() -> tv.admin("GET", "/admin/status?api_key=" + ADMIN_KEY, null, null));
        answer(() -> tv.admin("GET", "/metrics", null, ADMIN_KEY + "x"));
        answer(() -> tv.admin("POST", "/admin/pause", "{\"actor\":\"alice\",\"reason\":\"lunch\"}"));
        answer(() -> tv.admin("POST", "/admin/resume", "{\"actor\":\"alice\",\"reason\":\"back\"}"));
        answer(() -> tv.admin("PUT", "/admin/settings",
                "{\"actor\":\"alice\",\"settings\":{\"max_daily_trades\":50}}"));
        answer(() -> tv.admin("PUT", "/admin/settings", "{\"actor\":\"alice\",\"settings\":{\"max_daily_trades\":\""
                + ADMIN_KEY + "\"}}"));
        answer(() -> tv.admin("PUT", "/admin/settings", "{\"actor\":\"alice\",\"settings\":{\"" + SECRET + "\":1}}"));
        answer(() -> tv.admin("PUT", "/admin/settings", "{\"actor\": " + ADMIN_KEY + "}"));
        answer(() -> tv.admin("POST", "/admin/kill", "{\"actor\":\"" + ADMIN_KEY + "\",\"reason\":\"pasted the key "
                + SECRET + "\"}"));
        answer(() -> tv.admin("POST", "/admin/resume", "{\"actor\":\"alice\",\"reason\":\"the key " + ADMIN_KEY
                + "\"}"));
        answer(() -> tv.admin("POST", "/admin/orders/" + ADMIN_KEY + "/cancel", "{\"actor\":\"alice\"}"));
        answer(() -> tv.admin("GET", "/admin/signals?symbol=" + SECRET + "&from=" + ADMIN_KEY, null));
    }

    private void post(TestDaemon tv, String body, String contentType, Map<String, String> headers) {
        answer(() -> tv.post(body, contentType, headers));
    }

    private void answer(Supplier<HttpResponse<String>> call) {
        HttpResponse<String> response = call.get();
        answers.add(response.statusCode() + " " + response.body());
    }
}

package io.tvbridge.cli;

import static io.tvbridge.cli.TestDaemon.alert;
import static io.tvbridge.cli.TestDaemon.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tvbridge.core.alert.WebhookAuthenticator;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every refusal of POST /webhook: the status, a JSON reason naming the field, and nothing stored. */
@Timeout(120)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhookRefusalTest {
    private TestDaemon tv;
    private long storedSignal;

    @BeforeAll
    void start(@TempDir Path folder) {
        tv = TestDaemon.start(folder);
        storedSignal = json(tv.post(alert("\"symbol\":\"KEEP\",\"action\":\"buy\",\"quantity\":1,\"price\":5,"
                + "\"alert_id\":\"keep\"")))
                .get("signal_id").asLong();
    }

    @AfterAll
    void stop() {
        tv.close();
    }

    /** Refusals store nothing; the one signal stored before them is untouched. Valid alerts of other tests may add rows. */
    private void assertNothingChanged() {
        assertThat(tv.count("select count(*) from signals where alert_id is null or alert_id = 'keep'")).isEqualTo(1);
        assertThat(tv.text("select symbol || ' ' || quantity || ' ' || duplicates from signals where id = "
                + storedSignal)).matches("KEEP 1\\.0* 0");
        assertThat(tv.count("select count(*) from orders where symbol not in ('KEEP', 'SIGNED', 'TVSIGNED', 'AFTER')")).isZero();
    }

    private static void assertRefused(HttpResponse<String> response, int status, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonNode body = json(response);
        assertThat(body.get("error").asText()).isNotBlank();
        if (field != null) {
            assertThat(body.get("field").asText()).isEqualTo(field);
        }
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ")
                .doesNotContain(TestDaemon.SECRET);
    }

    @Test
    void missingSecretIsUnauthorized() {
        assertRefused(tv.post("{\"symbol\":\"AAPL\",\"action\":\"buy\",\"quantity\":1}"), 401, null);
        assertNothingChanged();
    }

    @Test
    void wrongSecretIsUnauthorized() {
        assertRefused(tv.post("{\"secret\":\"guess\",\"symbol\":\"AAPL\",\"action\":\"buy\",\"quantity\":1}"), 401, null);
        assertRefused(tv.post("{\"passphrase\":\"" + TestDaemon.SECRET.substring(1)
                + "\",\"symbol\":\"AAPL\",\"action\":\"buy\",\"quantity\":1}"), 401, null);
        assertNothingChanged();
    }

    @Test
    void aSignatureHeaderAuthenticatesTheRawBody() {
        String body = "{\"symbol\":\"SIGNED\",\"action\":\"buy\",\"quantity\":1,\"price\":3,\"alert_id\":\"signed-1\"}";
        String signature = new WebhookAuthenticator(TestDaemon.SECRET).sign(body.getBytes(StandardCharsets.UTF_8));

        assertRefused(tv.post(body, "application/json", Map.of("X-Signature", "sha256=" + "0".repeat(64))), 401, null);
        assertRefused(tv.post(body.replace("SIGNED", "SIGNEX"), "application/json",
                Map.of("X-Signature", signature)), 401, null);
        assertNothingChanged();

        HttpResponse<String> accepted = tv.post(body, "application/json", Map.of("X-Signature", signature));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        assertThat(json(accepted).get("decision").asText()).isEqualTo("accepted");
        assertThat(tv.count("select count(*) from orders where symbol = 'SIGNED'")).isEqualTo(1);
    }

    @Test
    void tradingViewsSignatureHeaderIsReadLikeXSignatureAndAWrongOneIsRefusedWithTheReason() {
        String body = "{\"symbol\":\"TVSIGNED\",\"action\":\"buy\",\"quantity\":1,\"price\":3,\"alert_id\":\"tv-1\"}";
        String signature = new WebhookAuthenticator(TestDaemon.SECRET).sign(body.getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> wrong = tv.post(body, "application/json",
                Map.of("X-TradingView-Signature", "sha256=" + "0".repeat(64)));
        assertRefused(wrong, 401, null);
        assertThat(json(wrong).get("error").asText())
                .isEqualTo("the signature does not match the body (HMAC-SHA256 with WEBHOOK_SECRET)");
        HttpResponse<String> notHex = tv.post(body, "application/json", Map.of("X-TradingView-Signature", "sha256=xyz"));
        assertRefused(notHex, 401, null);
        assertThat(json(notHex).get("error").asText()).isEqualTo("the signature header is not 'sha256=<hex>'");
        HttpResponse<String> otherBody = tv.post(body.replace("tv-1", "tv-2"), "application/json",
                Map.of("X-TradingView-Signature", signature));
        assertRefused(otherBody, 401, null);
        assertNothingChanged();

        HttpResponse<String> accepted = tv.post(body, "application/json", Map.of("X-TradingView-Signature", signature));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        assertThat(json(accepted).get("decision").asText()).isEqualTo("accepted");
        assertThat(tv.count("select count(*) from orders where symbol = 'TVSIGNED'")).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "malformed JSON|{\"symbol\": \"AAPL\", \"action\": |",
            "JSON array|[1, 2, 3]|",
            "not an alert at all|hello there|",
            "unknown action|\"symbol\":\"AAPL\",\"action\":\"hodl\",\"quantity\":1|action",
            "missing action|\"symbol\":\"AAPL\",\"quantity\":1|action",
            "missing symbol|\"action\":\"buy\",\"quantity\":1|symbol",
            "zero quantity|\"symbol\":\"AAPL\",\"action\":\"buy\",\"quantity\":0|quantity",
            "negative quantity|\"symbol\":\"AAPL\",\"action\":\"buy\",\"quantity\":\"-5\"|quantity",
            "missing quantity|\"symbol\":\"AAPL\",\"action\":\"buy\"|quantity",
            "text quantity|\"symbol\":\"AAPL\",\"action\":\"buy\",\"qty\":\"lots\"|quantity",
            "limit without price|\"symbol\":\"AAPL\",\"action\":\"buy\",\"quantity\":1,\"order_type\":\"limit\"|limit_price",
            "stop without price|\"symbol\":\"AAPL\",\"action\":\"sell\",\"quantity\":1,\"order_type\":\"stop\"|stop_price",
            "unknown order type|\"symbol\":\"AAPL\",\"action\":\"buy\",\"quantity\":1,\"order_type\":\"twap\"|order_type",
            "unfilled placeholder|\"symbol\":\"{{ticker}}\",\"action\":\"buy\",\"quantity\":1|symbol",
            "huge number|\"symbol\":\"AAPL\",\"action\":\"buy\",\"quantity\":1e999999999|quantity",
    })
    void badInputIsABadRequestWithTheReason(String name, String members, String field) {
        String body = members.startsWith("\"") ? alert(members) : members;
        assertRefused(tv.post(body), 400, field);
        assertRefused(tv.post(body, "text/plain", Map.of()), 400, field);
        assertNothingChanged();
    }

    @Test
    void aBodyOver64KibIsTooLarge() {
        String padding = "x".repeat(64 * 1024);
        String body = alert("\"symbol\":\"AAPL\",\"action\":\"buy\",\"quantity\":1,\"comment\":\"" + padding + "\"");
        assertRefused(tv.post(body), 413, null);
        // a sender still writing a larger body reads the answer too, not a connection reset under it
        String large = alert("\"symbol\":\"AAPL\",\"action\":\"buy\",\"comment\":\"" + "y".repeat(300_000) + "\"");
        for (int i = 0; i < 10; i++) {
            assertRefused(tv.post(large), 413, null);
        }
        assertNothingChanged();
    }

    @Test
    void otherMethodsAndPathsGetJsonErrors() {
        assertThat(tv.get("/webhook").statusCode()).isEqualTo(405);
        assertThat(json(tv.get("/webhook")).get("error").asText()).isNotBlank();
        assertThat(tv.get("/nothing-here").statusCode()).isEqualTo(404);
        String raw = tv.raw("GET /%%bad HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(raw).startsWith("HTTP/1.1 400").doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void randomBytesNeverCauseAServerError() {
        Random random = new Random(42);
        for (int i = 0; i < 300; i++) {
            byte[] body = new byte[random.nextInt(200)];
            random.nextBytes(body);
            if (i % 3 == 0 && body.length > 0) {
                body[0] = '{';
            }
            HttpResponse<String> response = tv.post(body, i % 2 == 0 ? "application/json" : "text/plain", Map.of());
            assertThat(response.statusCode()).as("input %d", i).isBetween(400, 499);
            assertThat(response.body()).doesNotContain("Exception");
        }
        assertNothingChanged();
        HttpResponse<String> valid = tv.post(alert("\"symbol\":\"AFTER\",\"action\":\"buy\",\"quantity\":1,"
                + "\"alert_id\":\"after-noise\""));
        assertThat(valid.statusCode()).isEqualTo(200);
        assertThat(json(valid).get("decision").asText()).isEqualTo("accepted");
    }
}

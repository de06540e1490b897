package io.tvbridge.cli;

import static io.tvbridge.cli.TestDaemon.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The secret in the webhook's path, for messages that cannot carry one: TradingView's default message. */
@Timeout(60)
class WebhookPathSecretTest {
    private static final byte[] FILL = ("Breakout v3 (20, 2): order sell @ 4 filled on TSLA. New strategy position is -4")
            .getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path folder;

    @Test
    void theDefaultMessageIsTakenWithTheSecretInThePathAndRefusedWithAWrongOne() {
        try (TestDaemon tv = TestDaemon.start(folder, Map.of("DRY_RUN", "true"))) {
            HttpResponse<String> right = tv.postTo("/webhook/" + TestDaemon.SECRET, FILL, "text/plain", Map.of());
            assertThat(right.statusCode()).as(right.body()).isEqualTo(200);
            assertThat(json(right).get("dialect").asText()).isEqualTo("tradingview_fill");
            assertThat(json(right).at("/read/action").asText()).isEqualTo("sell");
            assertThat(json(right).at("/read/quantity").asText()).isEqualTo("4");
            assertThat(right.body()).doesNotContain(TestDaemon.SECRET);

            HttpResponse<String> wrong = tv.postTo("/webhook/" + TestDaemon.SECRET + "x", FILL, "text/plain", Map.of());
            assertThat(wrong.statusCode()).isEqualTo(401);
            assertThat(json(wrong).get("error").asText()).contains("the secret in the webhook's path is wrong");
            assertThat(tv.postTo("/webhook/", FILL, "text/plain", Map.of()).statusCode()).isEqualTo(401);
            assertThat(tv.post(FILL, "text/plain", Map.of()).statusCode()).as("no secret anywhere").isEqualTo(401);

            assertThat(tv.admin(200, "GET", "/admin/signals?limit=10", null).toString())
                    .contains("\"dialect\":\"tradingview_fill\"").doesNotContain(TestDaemon.SECRET);
            HttpResponse<String> metrics = tv.admin("GET", "/metrics", null);
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.body()).doesNotContain(TestDaemon.SECRET);
        }
    }

    @Test
    void theSecretInThePathCanBeTurnedOff() {
        try (TestDaemon tv = TestDaemon.start(folder, Map.of("WEBHOOK_SECRET_IN_URL", "false"))) {
            HttpResponse<String> refused = tv.postTo("/webhook/" + TestDaemon.SECRET, FILL, "text/plain", Map.of());
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(json(refused).get("error").asText()).contains("WEBHOOK_SECRET_IN_URL=false");
            assertThat(refused.body()).doesNotContain(TestDaemon.SECRET);
        }
    }
}

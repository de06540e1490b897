package io.tvbridge.core.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AlertFreshnessTest {
    private static final Instant NOW = Instant.parse("2026-03-02T15:00:00Z");
    private final AlertFreshness window = new AlertFreshness(Duration.ofSeconds(300));

    private static Alert alert(String timestamp) throws AlertProblem {
        String body = "{\"symbol\":\"AAPL\",\"action\":\"buy\",\"quantity\":1" + (timestamp == null ? ""
                : ",\"timestamp\":\"" + timestamp + "\"") + "}";
        return AlertReader.read(AlertBody.parse(body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void alertsInsideTheWindowOrWithoutATimePass() {
        assertThatCode(() -> window.check(alert("2026-03-02T14:55:00Z"), NOW)).doesNotThrowAnyException();
        assertThatCode(() -> window.check(alert("2026-03-02T15:05:00Z"), NOW)).doesNotThrowAnyException();
        assertThatCode(() -> window.check(alert(null), NOW)).doesNotThrowAnyException();
    }

    @Test
    void aStaleAlertIsUnauthorizedAndSaysWhy() {
        assertThatThrownBy(() -> window.check(alert("2026-03-02T14:54:59Z"), NOW))
                .isInstanceOfSatisfying(AlertProblem.class, problem -> {
                    assertThat(problem.kind()).isEqualTo(AlertProblem.Kind.UNAUTHORIZED);
                    assertThat(problem.field()).contains("timestamp");
                })
                .hasMessageStartingWith("the alert's timestamp 2026-03-02T14:54:59Z is 301 s old; alerts older than"
                        + " 300 s are refused (WEBHOOK_MAX_AGE)");
    }

    @Test
    void anAlertFromTheFutureIsUnauthorized() {
        assertThatThrownBy(() -> window.check(alert(String.valueOf(NOW.plusSeconds(3600).getEpochSecond())), NOW))
                .isInstanceOf(AlertProblem.class)
                .hasMessageStartingWith("the alert's timestamp 2026-03-02T16:00:00Z is 3600 s in the future");
    }

    @Test
    void aZeroWindowChecksNothing() {
        assertThatCode(() -> AlertFreshness.OFF.check(alert("2020-01-01T00:00:00Z"), NOW)).doesNotThrowAnyException();
    }
}

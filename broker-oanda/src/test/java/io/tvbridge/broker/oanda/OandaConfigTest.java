package io.tvbridge.broker.oanda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.tvbridge.broker.oanda.codec.OandaPositionFill;
import io.tvbridge.broker.spi.BrokerConfig;
import io.tvbridge.broker.spi.BrokerException;
import io.tvbridge.broker.spi.ConfigKey;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OandaConfigTest {
    private static final String TOKEN = "0123456789abcdef0123456789abcdef-fedcba9876543210fedcba9876543210";

    private static OandaConfig read(String... settings) throws BrokerException {
        Map<String, String> values = new HashMap<>(Map.of("token", TOKEN, "account-id", "101-004-8765432-001"));
        for (int i = 0; i < settings.length; i += 2) {
            values.put(settings[i], settings[i + 1]);
        }
        return OandaConfig.from(new BrokerConfig("oanda", values, OandaConfig.KEYS));
    }

    @Test
    void defaultsArePracticeWithOandasHosts() throws BrokerException {
        assertThat(read()).isEqualTo(new OandaConfig(TOKEN, "101-004-8765432-001", OandaEnvironment.PRACTICE,
                URI.create("https://api-fxpractice.oanda.com"), URI.create("https://stream-fxpractice.oanda.com"),
                OandaPositionFill.DEFAULT, Duration.ofSeconds(10), Duration.ofSeconds(1), 3));
    }

    @Test
    void everyKeyIsRead() throws BrokerException {
        assertThat(read("env", "LIVE", "api-url", "http://127.0.0.1:8099/", "stream-url", "http://127.0.0.1:8098",
                "position-fill", "reduce_only", "request-timeout", "2.5", "poll-interval", "0.25", "retries", "0"))
                .isEqualTo(new OandaConfig(TOKEN, "101-004-8765432-001", OandaEnvironment.LIVE,
                        URI.create("http://127.0.0.1:8099"), URI.create("http://127.0.0.1:8098"),
                        OandaPositionFill.REDUCE_ONLY, Duration.ofMillis(2500), Duration.ofMillis(250), 0));
        assertThat(read("env", "live").apiUrl()).isEqualTo(URI.create("https://api-fxtrade.oanda.com"));
        assertThat(read("env", "live").streamUrl()).isEqualTo(URI.create("https://stream-fxtrade.oanda.com"));
    }

    @Test
    void theVariablesAreOandaUnderscoreKey() {
        assertThat(OandaConfig.KEYS).extracting(key -> key.environmentName("oanda")).containsExactly(
                "OANDA_TOKEN", "OANDA_ACCOUNT_ID", "OANDA_ENV", "OANDA_API_URL", "OANDA_STREAM_URL",
                "OANDA_POSITION_FILL", "OANDA_REQUEST_TIMEOUT", "OANDA_POLL_INTERVAL", "OANDA_RETRIES");
        assertThat(OandaConfig.KEYS).filteredOn(ConfigKey::secret).extracting(ConfigKey::name).containsExactly("token");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "env | demo | OANDA_ENV must be practice or live",
            "account-id | 1234567 | OANDA_ACCOUNT_ID must be a v20 account id",
            "token | Bearer abc | OANDA_TOKEN must be the token alone",
            "api-url | api-fxpractice.oanda.com | OANDA_API_URL must be an http(s) URL",
            "stream-url | ftp://stream | OANDA_STREAM_URL must be an http(s) URL",
            "position-fill | CLOSE | OANDA_POSITION_FILL must be DEFAULT, REDUCE_FIRST, REDUCE_ONLY or OPEN_ONLY",
            "request-timeout | 0 | OANDA_REQUEST_TIMEOUT must be more than 0 seconds",
            "poll-interval | soon | OANDA_POLL_INTERVAL must be a number",
            "retries | 11 | OANDA_RETRIES must be between 0 and 10"})
    void aWrongValueNamesTheVariableToFix(String key, String value, String message) {
        BrokerException wrong = catchThrowableOfType(BrokerException.class, () -> read(key, value));
        assertThat(wrong.kind()).isEqualTo(BrokerException.Kind.CONFIGURATION);
        assertThat(wrong.getMessage()).contains(message);
    }

    @Test
    void aMissingTokenOrAccountNamesTheVariable() {
        BrokerException missing = catchThrowableOfType(BrokerException.class, () -> OandaConfig.from(
                new BrokerConfig("oanda", Map.of("account-id", "101-004-8765432-001"), OandaConfig.KEYS)));
        assertThat(missing.getMessage()).contains("OANDA_TOKEN is required");
        missing = catchThrowableOfType(BrokerException.class, () -> OandaConfig.from(
                new BrokerConfig("oanda", Map.of("token", TOKEN), OandaConfig.KEYS)));
        assertThat(missing.getMessage()).contains("OANDA_ACCOUNT_ID is required");
    }

    @Test
    void theTokenIsNeverShown() throws BrokerException {
        assertThat(read().toString()).doesNotContain(TOKEN).contains("token=***");
        BrokerException wrong = catchThrowableOfType(BrokerException.class, () -> read("token", TOKEN + " x"));
        assertThat(wrong.getMessage()).doesNotContain(TOKEN);
    }
}

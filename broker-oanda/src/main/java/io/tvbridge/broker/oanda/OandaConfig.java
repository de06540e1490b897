package io.tvbridge.broker.oanda;

import io.tvbridge.broker.oanda.codec.OandaPositionFill;
import io.tvbridge.broker.spi.BrokerConfig;
import io.tvbridge.broker.spi.BrokerException;
import io.tvbridge.broker.spi.ConfigKey;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The OANDA broker's settings, read from {@code OANDA_*} variables.
 *
 * @param token           the personal access token; a secret, never shown
 * @param accountId       the v20 account, {@code 101-004-1234567-001}
 * @param apiUrl          the REST base URL, without a trailing slash
 * @param streamUrl       the streaming base URL, without a trailing slash
 * @param positionFill    how fills meet an existing position
 * @param requestTimeout  how long one request may take
 * @param pollInterval    the pause between two looks at the account's new transactions
 * @param retries         how often a request refused with 429 or failed with 5xx is tried again
 */
public record OandaConfig(String token, String accountId, OandaEnvironment environment, URI apiUrl, URI streamUrl,
                          OandaPositionFill positionFill, Duration requestTimeout, Duration pollInterval,
                          int retries) {
    static final String BROKER = "oanda";
    static final String TOKEN = "token";
    static final String ACCOUNT_ID = "account-id";
    static final List<ConfigKey> KEYS = List.of(
            ConfigKey.secret(TOKEN, "personal access token, from Manage API Access in OANDA's account portal"),
            ConfigKey.required(ACCOUNT_ID, "the v20 account to trade, like 101-004-1234567-001"),
            ConfigKey.optional("env", "practice", "practice (fxTrade Practice, play money) or live (fxTrade)"),
            ConfigKey.optional("api-url", null, "REST base URL (a proxy, a test server); default: the env's host"),
            ConfigKey.optional("stream-url", null, "streaming base URL; default: the env's stream host"),
            ConfigKey.optional("position-fill", "DEFAULT",
                    "DEFAULT, REDUCE_FIRST, REDUCE_ONLY or OPEN_ONLY: how a fill meets an open position"),
            ConfigKey.optional("request-timeout", "10", "seconds to wait for OANDA's answer to one request"),
            ConfigKey.optional("poll-interval", "1", "seconds between two looks for fills of resting orders"),
            ConfigKey.optional("retries", "3", "times a request refused with 429 or failed with 5xx is tried again"));

    private static final Pattern ACCOUNT = Pattern.compile("\\d+-\\d+-\\d+-\\d+");
    private static final Pattern TOKEN_TEXT = Pattern.compile("\\S+");

    public OandaConfig {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(apiUrl, "apiUrl");
        Objects.requireNonNull(streamUrl, "streamUrl");
        Objects.requireNonNull(positionFill, "positionFill");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(pollInterval, "pollInterval");
    }

    /** Reads and checks the settings; every error names the variable to fix. */
    public static OandaConfig from(BrokerConfig config) throws BrokerException {
        config.validated();
        String token = config.require(TOKEN);
        if (!TOKEN_TEXT.matcher(token).matches()) {
            throw invalid(config, TOKEN, "must be the token alone, without spaces or 'Bearer'");
        }
        String account = config.require(ACCOUNT_ID);
        if (!ACCOUNT.matcher(account).matches()) {
            throw invalid(config, ACCOUNT_ID, "must be a v20 account id like 101-004-1234567-001 (all-digit ids"
                    + " belong to OANDA's old v1 API), not '" + account + "'");
        }
        OandaEnvironment environment;
        try {
            environment = OandaEnvironment.parse(config.require("env"));
        } catch (IllegalArgumentException e) {
            throw invalid(config, "env", "must be practice or live");
        }
        OandaPositionFill positionFill;
        try {
            positionFill = OandaPositionFill.parse(config.require("position-fill"));
        } catch (IllegalArgumentException e) {
            throw invalid(config, "position-fill", "must be DEFAULT, REDUCE_FIRST, REDUCE_ONLY or OPEN_ONLY");
        }
        Duration timeout = positive(config, "request-timeout");
        Duration poll = positive(config, "poll-interval");
        int retries = config.integer("retries");
        if (retries < 0 || retries > 10) {
            throw invalid(config, "retries", "must be between 0 and 10");
        }
        return new OandaConfig(token, account, environment,
                url(config, "api-url", environment.apiUrl()), url(config, "stream-url", environment.streamUrl()),
                positionFill, timeout, poll, retries);
    }

    /** The environment variable of a key: {@code account-id} → {@code OANDA_ACCOUNT_ID}. */
    static String variable(String key) {
        return KEYS.stream().filter(k -> k.name().equals(key)).findFirst().orElseThrow().environmentName(BROKER);
    }

    private static Duration positive(BrokerConfig config, String key) throws BrokerException {
        Duration duration = config.seconds(key);
        if (duration.isZero()) {
            throw invalid(config, key, "must be more than 0 seconds");
        }
        return duration;
    }

    private static URI url(BrokerConfig config, String key, URI fallback) throws BrokerException {
        if (config.text(key).isEmpty()) {
            return fallback;
        }
        String text = config.text(key).get();
        try {
            URI uri = new URI(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
            if (uri.getHost() == null || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
                throw new URISyntaxException(text, "not an http(s) URL with a host");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw invalid(config, key, "must be an http(s) URL like https://api-fxpractice.oanda.com, not '"
                    + text + "'");
        }
    }

    private static BrokerException invalid(BrokerConfig config, String key, String why) {
        return new BrokerException(BrokerException.Kind.CONFIGURATION, config.environmentName(key) + " " + why);
    }

    @Override
    public String toString() {
        return "OandaConfig[token=***, accountId=" + accountId + ", environment=" + environment + ", apiUrl=" + apiUrl
                + ", streamUrl=" + streamUrl + ", positionFill=" + positionFill + ", requestTimeout=" + requestTimeout
                + ", pollInterval=" + pollInterval + ", retries=" + retries + "]";
    }
}

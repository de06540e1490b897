package io.tvbridge.core.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * The daemon's own settings, read once at start. Broker settings are the broker's own
 * ({@code <BROKER>_*} variables); runtime-editable risk settings live in the database.
 *
 * @param duplicateWindow how long an identical alert body counts as a resend of the first
 * @param metricsPublic whether {@code /metrics} answers without the admin API key
 */
public record TvBridgeConfig(String host, int port, Path dataDirectory, String broker, String webhookSecret,
                             String adminApiKey, Duration duplicateWindow, boolean metricsPublic) {

    public static final String HOST = "HOST";
    public static final String PORT = "PORT";
    public static final String DATA_DIR = "DATA_DIR";
    public static final String BROKER = "BROKER";
    public static final String WEBHOOK_SECRET = "WEBHOOK_SECRET";
    public static final String ADMIN_API_KEY = "ADMIN_API_KEY";
    public static final String DUPLICATE_WINDOW_SECONDS = "DUPLICATE_WINDOW_SECONDS";
    // read by TelegramConfig and JobsConfig
    public static final String TELEGRAM_BOT_TOKEN = "TELEGRAM_BOT_TOKEN";
    public static final String TELEGRAM_CHAT_ID = "TELEGRAM_CHAT_ID";
    public static final String TELEGRAM_API_URL = "TELEGRAM_API_URL";
    public static final String DAILY_REPORT_TIME = "DAILY_REPORT_TIME";
    public static final String HEALTH_CHECK_INTERVAL = "HEALTH_CHECK_INTERVAL";
    public static final String IB_REAUTH_AT = "IB_REAUTH_AT";
    public static final String IB_REAUTH_REMINDER_MINUTES = "IB_REAUTH_REMINDER_MINUTES";
    public static final String METRICS_PUBLIC = "METRICS_PUBLIC";

    public static final String DEFAULT_DATA_DIR = "./data";

    public TvBridgeConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Objects.requireNonNull(broker, "broker");
        Objects.requireNonNull(webhookSecret, "webhookSecret");
        Objects.requireNonNull(adminApiKey, "adminApiKey");
        Objects.requireNonNull(duplicateWindow, "duplicateWindow");
    }

    public static TvBridgeConfig from(ConfigValues values) {
        return new TvBridgeConfig(
                values.text(HOST, "0.0.0.0"),
                values.integer(PORT, 8080, 0, 65535),
                values.path(DATA_DIR, DEFAULT_DATA_DIR),
                values.text(BROKER, "paper").toLowerCase(Locale.ROOT),
                required(values, WEBHOOK_SECRET),
                required(values, ADMIN_API_KEY),
                values.seconds(DUPLICATE_WINDOW_SECONDS, Duration.ofSeconds(60)),
                values.bool(METRICS_PUBLIC, false));
    }

    public Path pluginDirectory() {
        return dataDirectory.resolve("plugins");
    }

    private static String required(ConfigValues values, String name) {
        String value = values.text(name).orElseThrow(() -> new ConfigException(name + " is not set"));
        if (value.length() < 16) {
            throw new ConfigException(name + " must be at least 16 characters long");
        }
        return value;
    }

    @Override
    public String toString() {
        return "TvBridgeConfig[host=" + host + ", port=" + port + ", dataDirectory=" + dataDirectory + ", broker="
                + broker + ", webhookSecret=***, adminApiKey=***, duplicateWindow=" + duplicateWindow
                + ", metricsPublic=" + metricsPublic + "]";
    }
}

package io.tvbridge.cli;

import io.tvbridge.broker.spi.ConfigKey;
import io.tvbridge.core.config.SecretsFile;
import io.tvbridge.core.config.TelegramConfig;
import io.tvbridge.core.config.TvBridgeConfig;
import io.tvbridge.core.plugin.BrokerCatalog;
import io.tvbridge.core.settings.Setting;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tvbridge init}: a commented {@code .env} with fresh secrets and every setting at its default. */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Writes a commented .env with a fresh webhook secret and admin API key, and every other"
                + " setting at its default (commented out).")
final class InitCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--file", defaultValue = ".env", description = "the file to write (default ${DEFAULT-VALUE})")
    Path file;

    @Option(names = "--force", description = "overwrite the file if it exists (its secrets are replaced)")
    boolean force;

    @Override
    public Integer call() {
        if (Files.exists(file) && !force) {
            throw new AdminCallFailed(1, file + " exists already; keep it, or write it anew with --force"
                    + " (new secrets: TradingView alerts and scripts must then be updated)");
        }
        SecretsFile.writePrivately(file, text());
        PrintWriter out = spec.commandLine().getOut();
        out.println("wrote " + file.toAbsolutePath() + " (readable by you only) with a new " + TvBridgeConfig.WEBHOOK_SECRET
                + " and " + TvBridgeConfig.ADMIN_API_KEY + ".");
        out.println("Next: tvbridge check, then tvbridge run; tvbridge alert-template prints the alert messages.");
        out.flush();
        return 0;
    }

    private static String text() {
        StringBuilder env = new StringBuilder();
        env.append("# tvbridge settings, written by 'tvbridge init'. Keep this file private: it holds secrets.\n")
                .append("# A line starting with # shows a default: remove the # and change the value to set it.\n")
                .append("# Command-line options and environment variables win over this file.\n\n");
        section(env, "Secrets");
        setting(env, TvBridgeConfig.WEBHOOK_SECRET, SecretsFile.newSecret(), "the secret every TradingView alert carries"
                + " (or signs its body with); at least 16 characters", true);
        setting(env, TvBridgeConfig.ADMIN_API_KEY, SecretsFile.newSecret(), "the key of the admin API (X-API-Key) and"
                + " the admin commands; at least 16 characters", true);
        section(env, "The daemon");
        setting(env, TvBridgeConfig.PORT, "8080", "port to listen on", false);
        setting(env, TvBridgeConfig.HOST, "0.0.0.0", "address to listen on", false);
        setting(env, TvBridgeConfig.DATA_DIR, TvBridgeConfig.DEFAULT_DATA_DIR, "database, secrets, broker state,"
                + " plugins", false);
        setting(env, TvBridgeConfig.BROKER, "paper", "the broker to trade through (tvbridge brokers lists them)", false);
        setting(env, TvBridgeConfig.DUPLICATE_WINDOW_SECONDS, "60", "identical alert bodies within this many seconds"
                + " are one alert", false);
        section(env, "Telegram: notices and commands");
        setting(env, TvBridgeConfig.TELEGRAM_BOT_TOKEN, "", "the bot's token from BotFather (a secret; empty: no"
                + " Telegram)", false);
        setting(env, TvBridgeConfig.TELEGRAM_CHAT_ID, "", "chat ids allowed to command the bot and told every notice,"
                + " separated by commas", false);
        setting(env, TvBridgeConfig.TELEGRAM_API_URL, TelegramConfig.DEFAULT_API_URL, "the Bot API's base URL, for a"
                + " proxy or a test server", false);
        section(env, "Scheduled jobs");
        setting(env, TvBridgeConfig.DAILY_REPORT_TIME, "16:15", "time of the daily report on each US trading day,"
                + " exchange time", false);
        setting(env, TvBridgeConfig.HEALTH_CHECK_INTERVAL, "60", "seconds between two broker health checks (0: none)",
                false);
        setting(env, TvBridgeConfig.IB_REAUTH_AT, "SUN-01:00", "BROKER=ibkr: when IB ends its sessions for the weekly"
                + " re-authentication, New York time (empty: no reminder)", false);
        setting(env, TvBridgeConfig.IB_REAUTH_REMINDER_MINUTES, "120", "minutes before that the reminder is sent",
                false);
        section(env, "Risk, sizing and reconciliation: read on the first start, then changed with"
                + " 'tvbridge settings set' (audited)");
        for (Setting setting : Setting.values()) {
            setting(env, setting.environmentName(), setting.defaultValue(), setting.description() + " ("
                    + setting.kind().expected() + ")", false);
        }
        for (BrokerCatalog.Provider provider : BrokerCatalog.discover(Path.of(TvBridgeConfig.DEFAULT_DATA_DIR, "plugins")).providers()) {
            section(env, "Broker " + provider.name() + ": " + provider.factory().description());
            for (ConfigKey key : provider.factory().configKeys()) {
                setting(env, key.environmentName(provider.name()), key.defaultValue().orElse(""),
                        key.description() + (key.required() ? " (required with BROKER=" + provider.name() + ")" : "")
                                + (key.secret() ? " (a secret)" : ""), false);
            }
        }
        return env.toString();
    }

    private static void section(StringBuilder env, String title) {
        env.append("\n# --- ").append(title).append(" ---\n");
    }

    private static void setting(StringBuilder env, String name, String value, String meaning, boolean active) {
        env.append("# ").append(meaning).append('\n').append(active ? "" : "#").append(name).append('=').append(value)
                .append('\n');
    }
}

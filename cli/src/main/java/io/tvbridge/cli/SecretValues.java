package io.tvbridge.cli;

import io.tvbridge.broker.spi.BrokerConfig;
import io.tvbridge.broker.spi.ConfigKey;
import io.tvbridge.broker.spi.BrokerFactory;
import io.tvbridge.core.config.ConfigValues;
import io.tvbridge.core.config.PostgresConfig;
import io.tvbridge.core.config.TvBridgeConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The values of every configured secret: the webhook secret, the admin API key, the Telegram bot
 * token, the database password, the broker's secret keys.
 */
final class SecretValues {
    private SecretValues() {
    }

    static List<String> of(TvBridgeConfig config, ConfigValues values, BrokerFactory broker) {
        List<String> secrets = new ArrayList<>(List.of(config.webhookSecret(), config.adminApiKey()));
        values.text(TvBridgeConfig.TELEGRAM_BOT_TOKEN).ifPresent(secrets::add);
        secrets.addAll(PostgresConfig.secrets(values));
        BrokerConfig brokerConfig = new BrokerConfig(broker.name(), values.withPrefix(prefix(broker)),
                broker.configKeys());
        for (ConfigKey key : broker.configKeys()) {
            if (key.secret()) {
                brokerConfig.text(key.name()).ifPresent(secrets::add);
            }
        }
        return List.copyOf(secrets);
    }

    /** {@code OANDA_} for the oanda broker: its variables' common start. */
    static String prefix(BrokerFactory broker) {
        return broker.name().toUpperCase(Locale.ROOT).replace('-', '_') + "_";
    }
}

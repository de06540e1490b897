package io.tvbridge.server.telegram;

import io.tvbridge.core.health.StatusService;
import io.tvbridge.core.report.PnlService;
import io.tvbridge.core.routing.BrokerHandle;
import io.tvbridge.core.settings.SettingsService;
import io.tvbridge.core.signal.TradingControl;
import java.util.Objects;

/** The services the bot's commands use: the same the admin API uses. */
public record TelegramCommandServices(StatusService status, TradingControl control, SettingsService settings,
                                      PnlService pnl, BrokerHandle broker) {
    public TelegramCommandServices {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(control, "control");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(pnl, "pnl");
        Objects.requireNonNull(broker, "broker");
    }
}

package io.tvbridge.server.telegram;

import io.tvbridge.core.health.StatusService;
import io.tvbridge.core.report.PnlService;
import io.tvbridge.core.routing.BrokerHandle;
import io.tvbridge.core.settings.SettingsService;
import io.tvbridge.core.signal.TradingControl;
import io.tvbridge.core.store.Store;
import java.util.Objects;

/**
 * The services the bot's commands use for one account: the same the admin API uses, and the
 * account's own store, where its expected positions are.
 */
public record TelegramCommandServices(StatusService status, TradingControl control, SettingsService settings,
                                      PnlService pnl, BrokerHandle broker, Store store) {
    public TelegramCommandServices {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(control, "control");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(pnl, "pnl");
        Objects.requireNonNull(broker, "broker");
        Objects.requireNonNull(store, "store");
    }
}

package io.tvbridge.server.telegram;

import io.tvbridge.core.settings.Setting;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The bot's commands, as registered with Telegram ({@code setMyCommands}) and listed by
 * {@code /help}. Names are 1-32 lowercase letters, digits or underscores, as Telegram requires.
 */
enum BotCommand {
    START("start", "What this bot does"),
    HELP("help", "The commands"),
    STATUS("status", "Broker, switches, today's trading, queues, jobs"),
    POSITIONS("positions", "Expected positions beside the broker's"),
    PNL("pnl", "Today's profit and loss"),
    PNL_WEEK("pnl_week", "This week's profit and loss"),
    MARKET("market", "Which markets are open, and when they open or close"),
    QUEUE("queue", "Signals waiting for their market to open"),
    SETTINGS("settings", "Sizing and limits"),
    SET_AMOUNT("set_amount", "Amount per entry: /set_amount 1000", Setting.SIZING_AMOUNT),
    SET_MAX_POSITIONS("set_max_positions", "Most symbols held at once: /set_max_positions 5",
            Setting.MAX_OPEN_POSITIONS),
    SET_MAX_DAILY("set_max_daily", "Most orders per day: /set_max_daily 20", Setting.MAX_DAILY_TRADES),
    SET_MAX_INVEST("set_max_invest", "Largest value of all positions: /set_max_invest 50000",
            Setting.MAX_TOTAL_EXPOSURE),
    SET_MAX_PER_TICKER("set_max_per_ticker", "Most entries per symbol and day: /set_max_per_ticker 2",
            Setting.MAX_ENTRIES_PER_TICKER),
    SET_MAX_LOSS("set_max_loss", "Stop entries at this day's loss: /set_max_loss 500", Setting.MAX_DAILY_LOSS),
    SET_RESERVE("set_reserve", "Cash entries leave untouched: /set_reserve 2000", Setting.MIN_CASH_RESERVE),
    PAUSE("pause", "Stop entries (exits pass): /pause [reason]"),
    RESUME("resume", "Turn the kill switch and the pause off: /resume [reason]"),
    KILL("kill", "Stop everything: /kill [reason]"),
    SELL_ALL("sell_all", "Close every position (asks to confirm)"),
    CLEAR_QUEUE("clear_queue", "Drop the waiting signals: /clear_queue [symbol]");

    private final String command;
    private final String description;
    private final Optional<Setting> setting;

    BotCommand(String command, String description) {
        this(command, description, null);
    }

    BotCommand(String command, String description, Setting setting) {
        this.command = command;
        this.description = description;
        this.setting = Optional.ofNullable(setting);
    }

    String command() {
        return command;
    }

    String description() {
        return description;
    }

    /** The setting a {@code /set_*} command changes. */
    Optional<Setting> setting() {
        return setting;
    }

    /** {@code /status}, {@code /status@my_bot} or {@code /STATUS} → STATUS. */
    static Optional<BotCommand> parse(String word) {
        if (!word.startsWith("/")) {
            return Optional.empty();
        }
        String name = word.substring(1);
        int at = name.indexOf('@');
        String bare = (at >= 0 ? name.substring(0, at) : name).toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(c -> c.command.equals(bare)).findFirst();
    }
}

package io.tvbridge.server.telegram;

import io.tvbridge.broker.spi.BrokerException;
import io.tvbridge.broker.spi.model.AssetClass;
import io.tvbridge.broker.spi.model.Position;
import io.tvbridge.core.ActionRefused;
import io.tvbridge.core.calendar.MarketCalendar;
import io.tvbridge.core.calendar.MarketCalendars;
import io.tvbridge.core.health.DaemonStatus;
import io.tvbridge.core.health.HealthReport;
import io.tvbridge.core.health.StatusService;
import io.tvbridge.core.jobs.JobStatus;
import io.tvbridge.core.model.Outcome;
import io.tvbridge.core.report.Period;
import io.tvbridge.core.report.PnlService;
import io.tvbridge.core.report.ReportTexts;
import io.tvbridge.core.risk.TradingHalt;
import io.tvbridge.core.routing.BrokerHandle;
import io.tvbridge.core.settings.Setting;
import io.tvbridge.core.settings.SettingsService;
import io.tvbridge.core.signal.TradingControl;
import io.tvbridge.core.store.ExpectedPosition;
import io.tvbridge.core.store.PendingSignal;
import io.tvbridge.core.store.Store;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * What each bot command does and answers, through the same services as the admin API: the
 * switches and flatten through {@link TradingControl}, the settings through
 * {@link SettingsService} (checked and audited), so an action from Telegram has the same
 * effect and leaves the same audit trail, with the Telegram user as actor.
 */
final class TelegramCommands {
    /** How long a {@code /sell_all} waits for its {@code /sell_all confirm}. */
    static final Duration CONFIRM_WITHIN = Duration.ofMinutes(2);
    private static final String DEFAULT_REASON = "from Telegram";
    private static final List<Setting> SHOWN = List.of(Setting.DRY_RUN, Setting.SIZING_MODE, Setting.SIZING_AMOUNT,
            Setting.MAX_OPEN_POSITIONS, Setting.MAX_DAILY_TRADES, Setting.MAX_TOTAL_EXPOSURE,
            Setting.MAX_ENTRIES_PER_TICKER, Setting.MAX_DAILY_LOSS, Setting.MIN_CASH_RESERVE,
            Setting.MAX_POSITION_SIZE, Setting.MAX_POSITION_NOTIONAL, Setting.KILL_SWITCH_ALLOWS_EXITS,
            Setting.CLOSED_MARKET_POLICY, Setting.MARKET_HOURS);

    private final StatusService status;
    private final TradingControl control;
    private final SettingsService settings;
    private final PnlService pnl;
    private final Store store;
    private final BrokerHandle broker;
    private final Clock clock;
    /** Chats that asked to sell everything, and when: the confirmation must follow soon. */
    private final Map<Long, Instant> sellAllAsked = new ConcurrentHashMap<>();

    TelegramCommands(StatusService status, TradingControl control, SettingsService settings, PnlService pnl,
                     Store store, BrokerHandle broker, Clock clock) {
        this.status = status;
        this.control = control;
        this.settings = settings;
        this.pnl = pnl;
        this.store = store;
        this.broker = broker;
        this.clock = clock;
    }

    /** The answer to {@code text} from {@code actor} in {@code chatId}; a refusal is an answer too. */
    String handle(long chatId, String actor, String text) {
        String[] words = text.strip().split("\\s+", 2);
        String rest = words.length > 1 ? words[1].strip() : "";
        Optional<BotCommand> command = BotCommand.parse(words[0]);
        if (command.isEmpty()) {
            return "Unknown command " + words[0] + ". /help lists the commands.";
        }
        try {
            return run(command.get(), chatId, actor, rest);
        } catch (IllegalArgumentException | ActionRefused e) {
            return "Refused: " + e.getMessage();
        }
    }

    private String run(BotCommand command, long chatId, String actor, String rest) {
        if (command.setting().isPresent()) {
            return set(command.setting().get(), actor, rest);
        }
        return switch (command) {
            case START -> "tvbridge turns TradingView alerts into orders at " + broker.name()
                    + ". This chat gets its fills, rejections and alarms, and can steer it.\n\n" + help();
            case HELP -> help();
            case STATUS -> status();
            case POSITIONS -> positions();
            case PNL -> ReportTexts.pnl(pnl.report(Period.DAY));
            case PNL_WEEK -> ReportTexts.pnl(pnl.report(Period.WEEK));
            case MARKET -> market();
            case QUEUE -> queue();
            case SETTINGS -> settingsText();
            case PAUSE -> "Paused (entries stop, exits pass): " + halt(control.pause(actor, reason(rest)));
            case RESUME -> "Resumed: " + halt(control.resume(actor, reason(rest)));
            case KILL -> "Kill switch ON: " + halt(control.kill(actor, reason(rest)));
            case SELL_ALL -> sellAll(chatId, actor, rest);
            case CLEAR_QUEUE -> clearQueue(actor, rest);
            case SET_AMOUNT, SET_MAX_POSITIONS, SET_MAX_DAILY, SET_MAX_INVEST, SET_MAX_PER_TICKER, SET_MAX_LOSS,
                 SET_RESERVE -> throw new IllegalStateException(command + " changes a setting");
        };
    }

    static String help() {
        return Arrays.stream(BotCommand.values()).map(c -> "/" + c.command() + " - " + c.description())
                .collect(Collectors.joining("\n"));
    }

    private String set(Setting setting, String actor, String value) {
        if (value.isEmpty()) {
            return "Say the new value: /" + commandOf(setting) + " <" + setting.kind().expected() + ">. Now "
                    + setting.key() + " = " + settings.values().get(setting.key()) + " (0 is off).";
        }
        String before = settings.values().get(setting.key());
        settings.update(Map.of(setting.key(), value), actor);
        return "Set " + setting.key() + ": " + before + " -> " + settings.values().get(setting.key());
    }

    private static String commandOf(Setting setting) {
        return Arrays.stream(BotCommand.values()).filter(c -> c.setting().equals(Optional.of(setting))).findFirst()
                .map(BotCommand::command).orElse(setting.key());
    }

    private String status() {
        DaemonStatus s = status.status();
        HealthReport health = s.health();
        List<String> lines = new ArrayList<>();
        lines.add("tvbridge " + health.version() + ": " + health.status() + ", up " + health.uptime().toMinutes()
                + " min");
        lines.add("Broker " + health.brokerName() + ": " + (health.broker().connected() ? "connected" : "NOT connected")
                + " - " + health.broker().summary());
        lines.add("Kill switch: " + onOff(s.halt().kill()));
        lines.add("Pause: " + onOff(s.halt().pause()));
        if (s.settings().dryRun()) {
            lines.add("DRY RUN: nothing is sent to the broker");
        }
        s.usage().ifPresent(u -> lines.add("Today: " + u.orders() + " order(s), " + u.openPositions()
                + " open position(s), result " + money(u.dailyResult()) + " " + u.currency()));
        DaemonStatus.Queues q = s.queues();
        lines.add("Queues: " + q.pendingSignals() + " waiting for the open, " + q.ordersWorking() + " order(s) working, "
                + q.decisions() + " to decide, " + q.submitter() + " to send");
        lines.add("Circuit breaker: " + health.circuitBreaker() + health.circuitBreakerReason().map(r -> " (" + r + ")")
                .orElse(""));
        s.lastReconciliation().ifPresent(r -> lines.add("Last reconciliation: " + r.outcome().wireName() + " at "
                + r.at()));
        for (JobStatus job : s.jobs()) {
            lines.add("Job " + job.name() + ": next " + job.nextRun().map(Instant::toString).orElse("on request")
                    + job.lastOutcome().map(o -> ", last: " + o).orElse(""));
        }
        return String.join("\n", lines);
    }

    private static String onOff(Optional<TradingHalt.Switch> value) {
        return value.map(v -> "ON since " + v.since() + " by " + v.actor() + ": " + v.reason()).orElse("off");
    }

    private static String halt(TradingHalt halt) {
        return "kill switch " + (halt.kill().isPresent() ? "on" : "off") + ", pause "
                + (halt.pause().isPresent() ? "on" : "off");
    }

    private String positions() {
        Map<String, BigDecimal> expected = new TreeMap<>();
        store.inTransaction(session -> session.positions(broker.name())).stream()
                .filter(p -> p.quantity().signum() != 0)
                .forEach(p -> expected.put(p.symbol(), p.quantity()));
        Map<String, BigDecimal> actual = new TreeMap<>();
        String brokerNote = "";
        try {
            for (Position p : broker.broker().positions()) {
                actual.put(p.symbol(), p.quantity());
            }
        } catch (BrokerException | RuntimeException e) {
            brokerNote = "\n(the broker did not answer: " + e.getMessage() + ")";
        }
        if (expected.isEmpty() && actual.isEmpty()) {
            return "No open positions." + brokerNote;
        }
        TreeMap<String, String> lines = new TreeMap<>();
        boolean brokerAnswered = brokerNote.isEmpty();
        expected.forEach((symbol, quantity) -> lines.put(symbol, symbol + " " + plain(quantity)));
        actual.forEach((symbol, quantity) -> {
            BigDecimal mine = expected.getOrDefault(symbol, BigDecimal.ZERO);
            lines.put(symbol, symbol + " " + plain(mine) + (mine.compareTo(quantity) != 0 ? "  DIFFERS: broker "
                    + plain(quantity) : ""));
        });
        if (brokerAnswered) {
            expected.keySet().stream().filter(s -> !actual.containsKey(s))
                    .forEach(s -> lines.put(s, lines.get(s) + "  DIFFERS: broker 0"));
        }
        return "Positions (expected" + (brokerAnswered ? ", broker where it differs" : "") + "):\n"
                + String.join("\n", lines.values()) + brokerNote;
    }

    private String market() {
        Instant now = clock.instant();
        List<String> lines = new ArrayList<>();
        for (AssetClass assetClass : List.of(AssetClass.STOCK, AssetClass.FOREX, AssetClass.FUTURE,
                AssetClass.CRYPTO)) {
            MarketCalendar calendar = MarketCalendars.forAssetClass(assetClass);
            boolean open = calendar.isOpen(now, false);
            String when = open ? calendar.nextClose(now, false).map(c -> "closes " + c).orElse("never closes")
                    : "opens " + calendar.nextOpen(now, false);
            lines.add(calendar.name() + ": " + (open ? "OPEN" : "closed") + ", " + when);
        }
        if (settings.current().everyMarketOpen()) {
            lines.add("market_hours is 'always': tvbridge treats every market as open");
        }
        return String.join("\n", lines);
    }

    private String queue() {
        List<PendingSignal> waiting = control.pending();
        if (waiting.isEmpty()) {
            return "The pending queue is empty.";
        }
        return waiting.size() + " signal(s) waiting for the open:\n" + waiting.stream()
                .map(p -> "signal " + p.signalId() + " " + p.symbol() + ", queued " + p.queuedAt() + ", opens "
                        + p.releaseAt()).collect(Collectors.joining("\n"));
    }

    private String settingsText() {
        Map<String, String> values = settings.values();
        return "Settings (0 is off):\n" + SHOWN.stream().map(s -> s.key() + " = " + values.get(s.key()))
                .collect(Collectors.joining("\n"));
    }

    private String sellAll(long chatId, String actor, String rest) {
        Instant now = clock.instant();
        if (!"confirm".equalsIgnoreCase(rest)) {
            sellAllAsked.put(chatId, now);
            return "This closes EVERY position at market. To go ahead send /sell_all confirm within "
                    + CONFIRM_WITHIN.toMinutes() + " minutes.";
        }
        Instant asked = sellAllAsked.remove(chatId);
        if (asked == null || now.isAfter(asked.plus(CONFIRM_WITHIN))) {
            return "Nothing to confirm: send /sell_all first, then /sell_all confirm within "
                    + CONFIRM_WITHIN.toMinutes() + " minutes.";
        }
        Outcome outcome = control.flatten(actor, "sell all from Telegram");
        if (outcome instanceof Outcome.Decided decided) {
            return "Sell all: " + decided.decision().wireName() + decided.reason().map(r -> " - " + r).orElse("")
                    + (decided.orders().isEmpty() ? "" : "\nOrders: " + decided.orders().stream()
                    .map(Object::toString).collect(Collectors.joining(", ")));
        }
        return "Sell all: " + outcome;
    }

    private String clearQueue(String actor, String rest) {
        Optional<String> symbol = rest.isEmpty() ? Optional.empty() : Optional.of(rest);
        List<Long> cleared = control.clearPending(symbol, actor, "cleared from Telegram");
        return cleared.isEmpty() ? "Nothing was waiting" + symbol.map(s -> " for " + s).orElse("") + "."
                : "Cleared " + cleared.size() + " signal(s) from the pending queue: " + cleared;
    }

    private static String reason(String rest) {
        return rest.isEmpty() ? DEFAULT_REASON : rest;
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private static String money(BigDecimal value) {
        return value.setScale(2, java.math.RoundingMode.HALF_EVEN).toPlainString();
    }
}

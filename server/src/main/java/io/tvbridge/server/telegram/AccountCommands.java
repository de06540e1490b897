package io.tvbridge.server.telegram;

import io.tvbridge.broker.spi.BrokerException;
import io.tvbridge.broker.spi.model.Position;
import io.tvbridge.core.account.AccountName;
import io.tvbridge.core.health.DaemonStatus;
import io.tvbridge.core.health.HealthReport;
import io.tvbridge.core.jobs.JobStatus;
import io.tvbridge.core.model.Outcome;
import io.tvbridge.core.report.Period;
import io.tvbridge.core.report.ReportTexts;
import io.tvbridge.core.risk.TradingHalt;
import io.tvbridge.core.settings.Setting;
import io.tvbridge.core.store.PendingSignal;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * What the bot's commands answer about one account and do to it, through that account's
 * services. The commands it tells the trader to send name the account when the daemon has
 * several ({@code /sell_all @live confirm}).
 */
final class AccountCommands {
    /** How long a {@code /sell_all} waits for its {@code /sell_all confirm}. */
    static final Duration CONFIRM_WITHIN = Duration.ofMinutes(2);
    private static final List<Setting> SHOWN = List.of(Setting.DRY_RUN, Setting.SIZING_MODE, Setting.SIZING_AMOUNT,
            Setting.MAX_OPEN_POSITIONS, Setting.MAX_DAILY_TRADES, Setting.MAX_TOTAL_EXPOSURE,
            Setting.MAX_ENTRIES_PER_TICKER, Setting.MAX_DAILY_LOSS, Setting.MIN_CASH_RESERVE,
            Setting.MAX_POSITION_SIZE, Setting.MAX_POSITION_NOTIONAL, Setting.KILL_SWITCH_ALLOWS_EXITS,
            Setting.CLOSED_MARKET_POLICY, Setting.MARKET_HOURS);

    private final AccountName name;
    private final TelegramCommandServices services;
    /** What follows a command to name this account: nothing for a daemon's only one, {@code " @live"} otherwise. */
    private final String address;
    private final Clock clock;
    /** Chats that asked to sell everything, and when: the confirmation must follow soon. */
    private final Map<Long, Instant> sellAllAsked = new ConcurrentHashMap<>();

    AccountCommands(AccountName name, TelegramCommandServices services, boolean named, Clock clock) {
        this.name = name;
        this.services = services;
        this.address = named ? " " + AccountArgument.MARK + name.value() : "";
        this.clock = clock;
    }

    AccountName name() {
        return name;
    }

    String brokerName() {
        return services.broker().name();
    }

    /** {@code /sell_all} or {@code /sell_all @live}: the command as it reaches this account. */
    String call(BotCommand command) {
        return "/" + command.command() + address;
    }

    TradingHalt kill(String actor, String reason) {
        return services.control().kill(actor, reason);
    }

    TradingHalt pause(String actor, String reason) {
        return services.control().pause(actor, reason);
    }

    TradingHalt resume(String actor, String reason) {
        return services.control().resume(actor, reason);
    }

    boolean everyMarketOpen() {
        return services.settings().current().everyMarketOpen();
    }

    String pnl(Period period) {
        return ReportTexts.pnl(services.pnl().report(period));
    }

    String set(BotCommand command, Setting setting, String actor, String value) {
        Map<String, String> values = services.settings().values();
        if (value.isEmpty()) {
            return "Say the new value: " + call(command) + " <" + setting.kind().expected() + ">. Now "
                    + setting.key() + " = " + values.get(setting.key()) + " (0 is off).";
        }
        String before = values.get(setting.key());
        services.settings().update(Map.of(setting.key(), value), actor);
        return "Set " + setting.key() + ": " + before + " -> " + services.settings().values().get(setting.key());
    }

    String status() {
        DaemonStatus s = services.status().status();
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

    String positions() {
        String broker = services.broker().name();
        Map<String, BigDecimal> expected = new TreeMap<>();
        services.store().inTransaction(session -> session.positions(broker)).stream()
                .filter(p -> p.quantity().signum() != 0)
                .forEach(p -> expected.put(p.symbol(), p.quantity()));
        Map<String, BigDecimal> actual = new TreeMap<>();
        String brokerNote = "";
        try {
            for (Position p : services.broker().broker().positions()) {
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

    String queue() {
        List<PendingSignal> waiting = services.control().pending();
        if (waiting.isEmpty()) {
            return "The pending queue is empty.";
        }
        return waiting.size() + " signal(s) waiting for the open:\n" + waiting.stream()
                .map(p -> "signal " + p.signalId() + " " + p.symbol() + ", queued " + p.queuedAt() + ", opens "
                        + p.releaseAt()).collect(Collectors.joining("\n"));
    }

    String settings() {
        Map<String, String> values = services.settings().values();
        return "Settings (0 is off):\n" + SHOWN.stream().map(s -> s.key() + " = " + values.get(s.key()))
                .collect(Collectors.joining("\n"));
    }

    String sellAll(long chatId, String actor, String rest) {
        Instant now = clock.instant();
        String confirm = call(BotCommand.SELL_ALL) + " confirm";
        if (!"confirm".equalsIgnoreCase(rest)) {
            sellAllAsked.put(chatId, now);
            return "This closes EVERY position at market. To go ahead send " + confirm + " within "
                    + CONFIRM_WITHIN.toMinutes() + " minutes.";
        }
        Instant asked = sellAllAsked.remove(chatId);
        if (asked == null || now.isAfter(asked.plus(CONFIRM_WITHIN))) {
            return "Nothing to confirm: send " + call(BotCommand.SELL_ALL) + " first, then " + confirm + " within "
                    + CONFIRM_WITHIN.toMinutes() + " minutes.";
        }
        Outcome outcome = services.control().flatten(actor, "sell all from Telegram");
        if (outcome instanceof Outcome.Decided decided) {
            return "Sell all: " + decided.decision().wireName() + decided.reason().map(r -> " - " + r).orElse("")
                    + (decided.orders().isEmpty() ? "" : "\nOrders: " + decided.orders().stream()
                    .map(Object::toString).collect(Collectors.joining(", ")));
        }
        return "Sell all: " + outcome;
    }

    String clearQueue(String actor, String rest) {
        Optional<String> symbol = rest.isEmpty() ? Optional.empty() : Optional.of(rest);
        List<Long> cleared = services.control().clearPending(symbol, actor, "cleared from Telegram");
        return cleared.isEmpty() ? "Nothing was waiting" + symbol.map(s -> " for " + s).orElse("") + "."
                : "Cleared " + cleared.size() + " signal(s) from the pending queue: " + cleared;
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private static String money(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }
}

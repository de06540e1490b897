package io.tvbridge.server.telegram;

import io.tvbridge.broker.spi.model.AssetClass;
import io.tvbridge.core.ActionRefused;
import io.tvbridge.core.account.AccountName;
import io.tvbridge.core.calendar.MarketCalendar;
import io.tvbridge.core.calendar.MarketCalendars;
import io.tvbridge.core.report.Period;
import io.tvbridge.core.risk.TradingHalt;
import io.tvbridge.core.settings.Setting;
import io.tvbridge.core.settings.SettingsService;
import io.tvbridge.core.signal.TradingControl;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What each bot command does and answers, through the same services as the admin API: the
 * switches and flatten through {@link TradingControl}, the settings through
 * {@link SettingsService} (checked and audited), so an action from Telegram has the same
 * effect and leaves the same audit trail, with the Telegram user as actor.
 *
 * <p>With several accounts a command takes one as {@code @name} ({@link AccountArgument}).
 * Without one, what only reads answers for every account, a section each; the switches act on
 * every account; what changes one account's positions, queue or settings does nothing and asks
 * which account.
 */
final class TelegramCommands {
    private static final Logger log = LoggerFactory.getLogger(TelegramCommands.class);
    private static final String DEFAULT_REASON = "from Telegram";

    private final TelegramAccounts accounts;
    private final Map<AccountName, AccountCommands> each = new LinkedHashMap<>();
    private final Clock clock;

    TelegramCommands(TelegramAccounts accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
        accounts.accounts().forEach((name, services) -> each.put(name, new AccountCommands(name, services,
                accounts.several(), clock)));
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

    private String run(BotCommand command, long chatId, String actor, String text) {
        if (command == BotCommand.START) {
            return start();
        }
        if (command == BotCommand.HELP) {
            return help();
        }
        AccountArgument argument = AccountArgument.read("/" + command.command(), text, accounts.names(),
                accounts.several());
        String rest = argument.rest();
        if (command.setting().isPresent()) {
            Setting setting = command.setting().get();
            return one(command, argument, account -> account.set(command, setting, actor, rest));
        }
        return switch (command) {
            case START, HELP -> throw new IllegalStateException(command + " names no account");
            case STATUS -> read(argument, AccountCommands::status);
            case POSITIONS -> read(argument, AccountCommands::positions);
            case PNL -> read(argument, account -> account.pnl(Period.DAY));
            case PNL_WEEK -> read(argument, account -> account.pnl(Period.WEEK));
            case MARKET -> market(argument);
            case QUEUE -> read(argument, AccountCommands::queue);
            case SETTINGS -> read(argument, AccountCommands::settings);
            case PAUSE -> switches("Paused (entries stop, exits pass)", argument,
                    account -> account.pause(actor, reason(rest)));
            case RESUME -> switches("Resumed", argument, account -> account.resume(actor, reason(rest)));
            case KILL -> switches("Kill switch ON", argument, account -> account.kill(actor, reason(rest)));
            case SELL_ALL -> one(command, argument, account -> account.sellAll(chatId, actor, rest));
            case CLEAR_QUEUE -> one(command, argument, account -> account.clearQueue(actor, rest));
            case SET_AMOUNT, SET_MAX_POSITIONS, SET_MAX_DAILY, SET_MAX_INVEST, SET_MAX_PER_TICKER, SET_MAX_LOSS,
                 SET_RESERVE -> throw new IllegalStateException(command + " changes a setting");
        };
    }

    private String start() {
        String where = accounts.several() ? each.values().stream().map(a -> a.name() + " (" + a.brokerName() + ")")
                .collect(Collectors.joining(", ")) : only().brokerName();
        return "tvbridge turns TradingView alerts into orders at " + where
                + ". This chat gets its fills, rejections and alarms, and can steer it.\n\n" + help();
    }

    String help() {
        String commands = Arrays.stream(BotCommand.values()).map(c -> "/" + c.command() + " - " + c.description())
                .collect(Collectors.joining("\n"));
        if (!accounts.several()) {
            return commands;
        }
        String first = accounts.names().get(0).value();
        return commands + "\n\nAccounts: " + accounts.listed() + ". Name one with @ right after the command: /status @"
                + first + ", /kill @" + first + " <reason>, /sell_all @" + first + ", /set_amount @" + first + " 1000.\n"
                + "Without an account, /status, /positions, /pnl, /pnl_week, /market, /queue and /settings answer for"
                + " every account, and /kill, /pause and /resume act on every account. /sell_all, /clear_queue and"
                + " the /set_ commands change one account: they need its @name.\n"
                + "Only @name names an account: a first word without @ is the command's own text (/kill market crash"
                + " stops every account), except an account's bare name, which is refused as unclear (write @" + first
                + ", or @all for every account).";
    }

    /** A command that only reads: the account's answer, or with several accounts a section for each one asked. */
    private String read(AccountArgument argument, Function<AccountCommands, String> answer) {
        if (!accounts.several()) {
            return answer.apply(only());
        }
        return targets(argument).stream().map(account -> "[" + account.name() + "]\n" + answerOf(account, answer))
                .collect(Collectors.joining("\n\n"));
    }

    /** The kill switch and the pause: on the account named, else on every account, each saying how it went. */
    private String switches(String done, AccountArgument argument, Function<AccountCommands, TradingHalt> action) {
        if (!accounts.several()) {
            return done + ": " + halt(action.apply(only()));
        }
        List<String> lines = new ArrayList<>();
        lines.add(done + (argument.account().isEmpty() ? " on every account:" : ":"));
        for (AccountCommands account : targets(argument)) {
            lines.add("[" + account.name() + "] " + answerOf(account, action.andThen(TelegramCommands::halt)));
        }
        return String.join("\n", lines);
    }

    /** A command that changes one account: without an account named it does nothing and says how to name one. */
    private String one(BotCommand command, AccountArgument argument, Function<AccountCommands, String> action) {
        if (!accounts.several()) {
            return action.apply(only());
        }
        if (argument.account().isEmpty()) {
            String usage = command.setting().map(s -> " <" + s.kind().expected() + ">")
                    .orElse(command == BotCommand.CLEAR_QUEUE ? " [symbol]" : "");
            return "/" + command.command() + " changes one account: say which, e.g. /" + command.command() + " @"
                    + accounts.names().get(0) + usage + ". Accounts: " + accounts.listed() + ". Nothing was done.";
        }
        AccountCommands account = each.get(argument.account().get());
        return "[" + account.name() + "]\n" + action.apply(account);
    }

    /**
     * One account's answer in a message about several: its refusal or failure is its section's
     * text, so that one account in trouble never keeps the others from being shown or stopped.
     */
    private static String answerOf(AccountCommands account, Function<AccountCommands, String> answer) {
        try {
            return answer.apply(account);
        } catch (IllegalArgumentException | ActionRefused e) {
            return "Refused: " + e.getMessage();
        } catch (RuntimeException e) {
            log.error("Telegram command for account {} failed", account.name(), e);
            return "FAILED: " + e.getMessage();
        }
    }

    private String market(AccountArgument argument) {
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
        for (AccountCommands account : targets(argument)) {
            if (account.everyMarketOpen()) {
                lines.add((accounts.several() ? "[" + account.name() + "] " : "")
                        + "market_hours is 'always': tvbridge treats every market as open");
            }
        }
        return String.join("\n", lines);
    }

    private List<AccountCommands> targets(AccountArgument argument) {
        return argument.account().map(name -> List.of(each.get(name))).orElseGet(() -> List.copyOf(each.values()));
    }

    private AccountCommands only() {
        return each.values().iterator().next();
    }

    private static String halt(TradingHalt halt) {
        return "kill switch " + (halt.kill().isPresent() ? "on" : "off") + ", pause "
                + (halt.pause().isPresent() ? "on" : "off");
    }

    private static String reason(String rest) {
        return rest.isEmpty() ? DEFAULT_REASON : rest;
    }
}

package io.tvbridge.core.settings;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Every runtime-editable setting: its name (the settings table's key; the environment variable
 * that seeds it on first start is the name in upper case), kind, default and meaning. A limit
 * of {@code 0} is off. Values are checked here, so nothing invalid is ever stored.
 */
public enum Setting {
    DRY_RUN("dry_run", Kind.BOOLEAN, "false", "record every decision but send no order to the broker"),

    SIZING_MODE("sizing_mode", Kind.choice("quantity", "notional", "equity_percent", "risk"), "quantity",
            "how entries are sized: the alert's quantity, a fixed amount, a percent of equity, or by risk"),
    SIZING_AMOUNT("sizing_amount", Kind.DECIMAL, "1000", "amount per entry in the account currency (notional)"),
    SIZING_EQUITY_PERCENT("sizing_equity_percent", Kind.DECIMAL, "5", "percent of equity per entry (equity_percent)"),
    SIZING_RISK_PERCENT("sizing_risk_percent", Kind.DECIMAL, "1",
            "percent of equity risked per entry (risk), unless the alert's conviction says otherwise"),
    CONVICTION_RISK("conviction_risk", Kind.MAP, "low=0.5,medium=1,high=2",
            "risk percent for each conviction an alert may carry (risk sizing)"),
    STRATEGY_SIZING("strategy_sizing", Kind.TEXT, "",
            "per-strategy sizing: name=mode[:value], separated by ';' (e.g. ema=notional:500;brk=risk:1.5)"),
    FRACTIONAL_QUANTITIES("fractional_quantities", Kind.BOOLEAN, "false",
            "let computed sizes be fractional (crypto always may)"),
    SIGNAL_QUANTITY("signal_quantity", Kind.choice("use", "ignore"), "use",
            "use: an alert's own quantity (in units, lots, money, percent...) wins and the sizing mode applies when"
                    + " it has none; ignore: the sizing mode always applies"),
    LOT_SIZE("lot_size", Kind.DECIMAL, "0",
            "units in one lot, for alerts that give lots (PineConnector vol_lots=); 0: alerts in lots are refused"),
    PINECONNECTOR_RISK("pineconnector_risk", Kind.choice("unset", "lots", "risk_money", "risk_percent"), "unset",
            "what PineConnector's risk= means, as the Volume Type of the EA it was written for: lots, the money"
                    + " lost at the stop-loss, or the percent of equity lost at the stop-loss; unset: refused"),
    PINECONNECTOR_TARGET("pineconnector_target", Kind.choice("unset", "pips", "price", "percent"), "unset",
            "what PineConnector's sl= and tp= count, as the Target Type of the EA they were written for: pips or a"
                    + " percent from the entry, or the price itself; unset: refused"),
    TARGET_REVERSAL("target_reversal", Kind.choice("one_step", "two_steps"), "one_step",
            "a target position that flips long to short: one order, or a close then an open"),

    KILL_SWITCH_ALLOWS_EXITS("kill_switch_allows_exits", Kind.BOOLEAN, "false",
            "while the kill switch is on, let signals that only reduce positions through"),
    MAX_POSITION_SIZE("max_position_size", Kind.DECIMAL, "0", "largest position per symbol, in units"),
    MAX_POSITION_NOTIONAL("max_position_notional", Kind.DECIMAL, "0", "largest position per symbol, in the account's currency"),
    MAX_OPEN_POSITIONS("max_open_positions", Kind.INTEGER, "0", "most symbols held at once"),
    MAX_DAILY_TRADES("max_daily_trades", Kind.INTEGER, "0", "most orders per trading day"),
    MAX_ENTRIES_PER_TICKER("max_entries_per_ticker", Kind.INTEGER, "0",
            "most orders that open or add to a position, per symbol and trading day"),
    MAX_DAILY_LOSS("max_daily_loss", Kind.DECIMAL, "0",
            "stop entries when today's loss (realized plus unrealized, after commissions) reaches this, in the"
                    + " account's currency"),
    MAX_TOTAL_EXPOSURE("max_total_exposure", Kind.DECIMAL, "0", "largest gross value of all positions together, in the account's currency"),
    MIN_CASH_RESERVE("min_cash_reserve", Kind.DECIMAL, "0", "cash that entries must leave untouched, in the account's currency"),
    CHECK_BUYING_POWER("check_buying_power", Kind.BOOLEAN, "true",
            "refuse entries worth more than the broker's available buying power, or whose margin (at the"
                    + " instrument's margin rate, where the broker gives one) exceeds the margin available"),
    MAX_ORDER_NOTIONAL("max_order_notional", Kind.DECIMAL, "0", "largest value of a single order, in the account's currency"),
    CHECK_STOP_TARGET_SIDES("check_stop_target_sides", Kind.BOOLEAN, "true",
            "a stop-loss must be on the losing side of the entry and a take-profit on the winning side"),
    MIN_REWARD_RISK("min_reward_risk", Kind.DECIMAL, "0",
            "least take-profit distance over stop-loss distance when an alert gives both"),
    ALLOWED_SYMBOLS("allowed_symbols", Kind.LIST, "", "only these symbols may be traded (empty: all)"),
    ALLOWED_STRATEGIES("allowed_strategies", Kind.LIST, "", "only alerts of these strategies are traded (empty: all)"),
    ALLOWED_HOURS("allowed_hours", Kind.HOURS, "",
            "entries only between these times of the exchange's day, e.g. 09:35-15:55 (empty: any time)"),
    MAX_SIGNAL_AGE("max_signal_age", Kind.INTEGER, "300",
            "seconds after its time ({{timenow}}) that an alert is too old to trade"),
    CIRCUIT_BREAKER_FAILURES("circuit_breaker_failures", Kind.INTEGER, "5",
            "consecutive broker failures that halt new orders"),
    CIRCUIT_BREAKER_COOLDOWN("circuit_breaker_cooldown", Kind.INTEGER, "300",
            "seconds new orders stay halted after the circuit breaker opens"),
    EXCHANGE_TIMEZONE("exchange_timezone", Kind.ZONE, "America/New_York",
            "time zone of the trading day, the allowed hours and the daily counters"),
    TRADING_DAY_RESET("trading_day_reset", Kind.TIME, "00:00", "time the daily counters start again"),

    MARKET_HOURS("market_hours", Kind.choice("exchange", "always"), "exchange",
            "exchange: each market trades by its calendar; always: every market counts as open (trying tvbridge"
                    + " at the weekend)"),
    CLOSED_MARKET_POLICY("closed_market_policy", Kind.choice("queue", "reject", "send"), "queue",
            "a signal for a closed market waits for the open (queue), is refused (reject) or goes to the broker"
                    + " at once, allowed outside regular hours (send)"),
    STRATEGY_CLOSED_MARKET_POLICY("strategy_closed_market_policy", Kind.TEXT, "",
            "per-strategy closed_market_policy: name=queue|reject|send, separated by ',' (e.g. scalp=reject)"),
    MAX_ORDERS_PER_SECOND("max_orders_per_second", Kind.INTEGER, "50",
            "orders sent to the broker per second at most; more wait their turn, exits first"),
    MAX_OUTSTANDING_ORDERS("max_outstanding_orders", Kind.INTEGER, "100",
            "orders working at the broker at once at most; more wait until earlier ones end, exits first"),
    MARKET_ORDER_TIMEOUT("market_order_timeout", Kind.INTEGER, "60",
            "seconds a market order may stay unfilled while its market is open before it is cancelled"),

    RECONCILIATION_INTERVAL("reconciliation_interval", Kind.INTEGER, "300",
            "seconds between two comparisons of the expected positions with the broker's (0: only on request)"),
    RECONCILIATION_TOLERANCE("reconciliation_tolerance", Kind.DECIMAL, "0",
            "units by which an expected position may differ from the broker's without counting as a mismatch"),
    AUTO_HALT_ON_MISMATCH("auto_halt_on_mismatch", Kind.BOOLEAN, "true",
            "turn the kill switch on when a reconciliation finds a mismatch"),

    BACKUP_TIME("backup_time", Kind.TIME, "02:00",
            "time of the daily database backup, in the exchange's time zone"),
    BACKUP_KEEP("backup_keep", Kind.INTEGER, "7",
            "daily backups kept in <data-dir>/backups, older ones deleted (0: no daily backup)");

    private final String key;
    private final Kind kind;
    private final String defaultValue;
    private final String description;

    Setting(String key, Kind kind, String defaultValue, String description) {
        this.key = key;
        this.kind = kind;
        this.defaultValue = defaultValue;
        this.description = description;
    }

    public String key() {
        return key;
    }

    /** The environment variable that seeds this setting on first start. */
    public String environmentName() {
        return key.toUpperCase(Locale.ROOT);
    }

    public String defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }

    public Kind kind() {
        return kind;
    }

    public static Optional<Setting> byKey(String key) {
        return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
    }

    /** This setting's value among stored {@code values}, or its default when none is stored. */
    public String valueIn(Map<String, String> values) {
        return validate(values.getOrDefault(key, defaultValue));
    }

    /** The value in its stored form, or why it is not acceptable. */
    public String validate(String value) {
        String text = value == null ? "" : value.strip();
        String problem = kind.problem(text);
        if (problem != null) {
            throw new IllegalArgumentException(key + " " + problem + ", not '" + text + "'");
        }
        return kind == Kind.BOOLEAN ? Boolean.toString(Kind.parseBoolean(text)) : text;
    }

    /** The kinds of values settings take. */
    public static final class Kind {
        static final Kind BOOLEAN = new Kind("true or false", List.of());
        static final Kind DECIMAL = new Kind("a number of at least 0", List.of());
        static final Kind INTEGER = new Kind("a whole number of at least 0", List.of());
        static final Kind TEXT = new Kind("text", List.of());
        static final Kind LIST = new Kind("names separated by commas", List.of());
        static final Kind MAP = new Kind("name=number pairs separated by commas", List.of());
        static final Kind HOURS = new Kind("a time range like 09:35-15:55, or empty", List.of());
        static final Kind ZONE = new Kind("a time zone like America/New_York", List.of());
        static final Kind TIME = new Kind("a time like 00:00", List.of());

        private final String expected;
        private final List<String> choices;

        private Kind(String expected, List<String> choices) {
            this.expected = expected;
            this.choices = choices;
        }

        static Kind choice(String... choices) {
            return new Kind("one of " + String.join(", ", choices), List.of(choices));
        }

        public String expected() {
            return expected;
        }

        public List<String> choices() {
            return choices;
        }

        /** Null when {@code text} is acceptable, else what was expected. */
        String problem(String text) {
            try {
                boolean ok;
                if (!choices.isEmpty()) {
                    ok = choices.contains(text);
                } else if (this == BOOLEAN) {
                    parseBoolean(text);
                    ok = true;
                } else if (this == DECIMAL) {
                    ok = new BigDecimal(text).signum() >= 0;
                } else if (this == INTEGER) {
                    ok = Integer.parseInt(text) >= 0;
                } else if (this == MAP) {
                    ok = text.isEmpty() || Arrays.stream(text.split(",")).allMatch(pair -> {
                        String[] parts = pair.split("=");
                        return parts.length == 2 && !parts[0].isBlank() && new BigDecimal(parts[1].strip()).signum() >= 0;
                    });
                } else if (this == HOURS) {
                    ok = text.isEmpty() || hours(text) != null;
                } else if (this == ZONE) {
                    ZoneId.of(text);
                    ok = true;
                } else if (this == TIME) {
                    LocalTime.parse(text);
                    ok = true;
                } else {
                    ok = text.length() <= 2000;
                }
                return ok ? null : "must be " + expected;
            } catch (RuntimeException e) {
                return "must be " + expected;
            }
        }

        static boolean parseBoolean(String text) {
            return switch (text.toLowerCase(Locale.ROOT)) {
                case "true", "yes", "on", "1" -> true;
                case "false", "no", "off", "0" -> false;
                default -> throw new IllegalArgumentException(text);
            };
        }

        /** {@code 09:35-15:55} → the two times. */
        static LocalTime[] hours(String text) {
            String[] parts = text.split("-");
            if (parts.length != 2) {
                throw new DateTimeException(text);
            }
            return new LocalTime[]{LocalTime.parse(parts[0].strip()), LocalTime.parse(parts[1].strip())};
        }
    }
}

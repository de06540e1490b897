package io.tvbridge.core.settings;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The settings the decision stage works with, read from the stored values (every value valid,
 * {@link Setting#validate}). Limits of zero are off.
 */
public record RiskSettings(
        boolean dryRun,
        SizingRule defaultSizing,
        Map<String, SizingRule> strategySizing,
        BigDecimal sizingAmount,
        BigDecimal sizingEquityPercent,
        BigDecimal sizingRiskPercent,
        Map<String, BigDecimal> convictionRisk,
        boolean fractionalQuantities,
        boolean reversalInTwoSteps,
        boolean killSwitchAllowsExits,
        BigDecimal maxPositionSize,
        BigDecimal maxPositionNotional,
        int maxOpenPositions,
        int maxDailyTrades,
        int maxEntriesPerTicker,
        BigDecimal maxDailyLoss,
        BigDecimal maxTotalExposure,
        BigDecimal minCashReserve,
        boolean checkBuyingPower,
        BigDecimal maxOrderNotional,
        boolean checkStopTargetSides,
        BigDecimal minRewardRisk,
        Set<String> allowedSymbols,
        Set<String> allowedStrategies,
        Optional<LocalTime[]> allowedHours,
        int maxSignalAgeSeconds,
        int circuitBreakerFailures,
        int circuitBreakerCooldownSeconds,
        ZoneId exchangeZone,
        LocalTime tradingDayReset,
        boolean everyMarketOpen,
        ClosedMarketPolicy closedMarketPolicy,
        Map<String, ClosedMarketPolicy> strategyClosedMarketPolicy,
        int maxOrdersPerSecond,
        int maxOutstandingOrders,
        int marketOrderTimeoutSeconds,
        AlertRules alertRules) {

    /** The typed settings of stored values; a key not stored takes its default. */
    public static RiskSettings of(Map<String, String> values) {
        Map<Setting, String> v = new LinkedHashMap<>();
        for (Setting setting : Setting.values()) {
            v.put(setting, setting.validate(values.getOrDefault(setting.key(), setting.defaultValue())));
        }
        return new RiskSettings(
                bool(v, Setting.DRY_RUN),
                new SizingRule(SizingRule.Mode.parse(v.get(Setting.SIZING_MODE)), Optional.empty()),
                strategySizing(v.get(Setting.STRATEGY_SIZING)),
                decimal(v, Setting.SIZING_AMOUNT),
                decimal(v, Setting.SIZING_EQUITY_PERCENT),
                decimal(v, Setting.SIZING_RISK_PERCENT),
                convictions(v.get(Setting.CONVICTION_RISK)),
                bool(v, Setting.FRACTIONAL_QUANTITIES),
                v.get(Setting.TARGET_REVERSAL).equals("two_steps"),
                bool(v, Setting.KILL_SWITCH_ALLOWS_EXITS),
                decimal(v, Setting.MAX_POSITION_SIZE),
                decimal(v, Setting.MAX_POSITION_NOTIONAL),
                integer(v, Setting.MAX_OPEN_POSITIONS),
                integer(v, Setting.MAX_DAILY_TRADES),
                integer(v, Setting.MAX_ENTRIES_PER_TICKER),
                decimal(v, Setting.MAX_DAILY_LOSS),
                decimal(v, Setting.MAX_TOTAL_EXPOSURE),
                decimal(v, Setting.MIN_CASH_RESERVE),
                bool(v, Setting.CHECK_BUYING_POWER),
                decimal(v, Setting.MAX_ORDER_NOTIONAL),
                bool(v, Setting.CHECK_STOP_TARGET_SIDES),
                decimal(v, Setting.MIN_REWARD_RISK),
                list(v.get(Setting.ALLOWED_SYMBOLS), true),
                list(v.get(Setting.ALLOWED_STRATEGIES), false),
                v.get(Setting.ALLOWED_HOURS).isEmpty() ? Optional.empty()
                        : Optional.of(Setting.Kind.hours(v.get(Setting.ALLOWED_HOURS))),
                integer(v, Setting.MAX_SIGNAL_AGE),
                integer(v, Setting.CIRCUIT_BREAKER_FAILURES),
                integer(v, Setting.CIRCUIT_BREAKER_COOLDOWN),
                ZoneId.of(v.get(Setting.EXCHANGE_TIMEZONE)),
                LocalTime.parse(v.get(Setting.TRADING_DAY_RESET)),
                v.get(Setting.MARKET_HOURS).equals("always"),
                ClosedMarketPolicy.parse(v.get(Setting.CLOSED_MARKET_POLICY)),
                strategyClosedMarketPolicy(v.get(Setting.STRATEGY_CLOSED_MARKET_POLICY)),
                integer(v, Setting.MAX_ORDERS_PER_SECOND),
                integer(v, Setting.MAX_OUTSTANDING_ORDERS),
                integer(v, Setting.MARKET_ORDER_TIMEOUT),
                AlertRules.of(v.get(Setting.SIGNAL_QUANTITY), decimal(v, Setting.LOT_SIZE),
                        v.get(Setting.PINECONNECTOR_RISK), v.get(Setting.PINECONNECTOR_TARGET)));
    }

    public static RiskSettings defaults() {
        return of(Map.of());
    }

    /** The sizing of a strategy: its own rule, else the default one. */
    public SizingRule sizingFor(Optional<String> strategy) {
        return strategy.map(name -> strategySizing.get(name.toLowerCase(Locale.ROOT))).orElse(defaultSizing);
    }

    /** What a signal of this strategy does when its market is closed: its own policy, else the default one. */
    public ClosedMarketPolicy closedMarketPolicyFor(Optional<String> strategy) {
        return strategy.map(name -> strategyClosedMarketPolicy.get(name.toLowerCase(Locale.ROOT)))
                .orElse(closedMarketPolicy);
    }

    private static Map<String, ClosedMarketPolicy> strategyClosedMarketPolicy(String text) {
        return perStrategy(text, ",", Setting.STRATEGY_CLOSED_MARKET_POLICY, "name=queue|reject|send",
                ClosedMarketPolicy::parse);
    }

    private static Map<String, SizingRule> strategySizing(String text) {
        return perStrategy(text, ";", Setting.STRATEGY_SIZING, "name=mode[:value]", SizingRule::parse);
    }

    /** Reads {@code name=value} entries, keyed by the strategy's name in lower case. */
    private static <T> Map<String, T> perStrategy(String text, String separator, Setting setting, String form,
                                                  Function<String, T> value) {
        Map<String, T> entries = new TreeMap<>();
        for (String entry : text.split(separator)) {
            if (entry.isBlank()) {
                continue;
            }
            String[] parts = entry.split("=", 2);
            if (parts.length != 2 || parts[0].isBlank()) {
                throw new IllegalArgumentException(setting.key() + " entry '" + entry.strip() + "' is not " + form);
            }
            entries.put(parts[0].strip().toLowerCase(Locale.ROOT), value.apply(parts[1]));
        }
        return Map.copyOf(entries);
    }

    private static Map<String, BigDecimal> convictions(String text) {
        Map<String, BigDecimal> table = new TreeMap<>();
        for (String pair : text.split(",")) {
            if (!pair.isBlank()) {
                String[] parts = pair.split("=");
                table.put(parts[0].strip().toLowerCase(Locale.ROOT), new BigDecimal(parts[1].strip()));
            }
        }
        return Map.copyOf(table);
    }

    private static Set<String> list(String text, boolean upper) {
        return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> upper ? s.toUpperCase(Locale.ROOT) : s.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    private static boolean bool(Map<Setting, String> v, Setting s) {
        return Boolean.parseBoolean(v.get(s));
    }

    private static BigDecimal decimal(Map<Setting, String> v, Setting s) {
        return new BigDecimal(v.get(s));
    }

    private static int integer(Map<Setting, String> v, Setting s) {
        return Integer.parseInt(v.get(s));
    }

    /** The settings as they are stored, for display. */
    public static List<String> keys() {
        return Arrays.stream(Setting.values()).map(Setting::key).toList();
    }
}

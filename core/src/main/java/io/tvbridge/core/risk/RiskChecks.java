package io.tvbridge.core.risk;

import io.tvbridge.broker.spi.model.AssetClass;
import io.tvbridge.broker.spi.model.Side;
import io.tvbridge.core.money.Converted;
import io.tvbridge.core.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The checks, in the order they run: first the switches that stop everything, then the
 * limits that only entries (orders that open or add to a position) must respect. Exits pass
 * every limit: a trader must always be able to get out.
 */
public final class RiskChecks {

    private RiskChecks() {
    }

    public static List<RiskCheck> all() {
        return List.of(new KillSwitch(), new Pause(), new CircuitBreakerCheck(), new AllowedSymbols(),
                new AllowedStrategies(), new AllowedHours(), new StopTargetSides(), new RewardRisk(),
                new MaxOrderNotional(), new MaxPositionSize(), new MaxPositionNotional(), new MaxOpenPositions(),
                new MaxDailyTrades(), new MaxEntriesPerTicker(), new DailyLoss(), new MaxTotalExposure(),
                new CashReserve(), new BuyingPower());
    }

    /** The kill switch: no signal order at all, unless exits are let through. */
    static final class KillSwitch implements RiskCheck {
        @Override
        public String name() {
            return "kill_switch";
        }

        @Override
        public Optional<String> refuse(CheckContext c) {
            return c.halt().kill().filter(k -> c.opens() || !c.settings().killSwitchAllowsExits())
                    .map(k -> "kill switch is on (" + k.describe() + ")");
        }
    }

    /** The pause: nothing that opens or adds; exits pass. */
    static final class Pause implements RiskCheck {
        @Override
        public String name() {
            return "pause";
        }

        @Override
        public Optional<String> refuse(CheckContext c) {
            return c.halt().pause().filter(p -> c.opens())
                    .map(p -> "trading is paused (" + p.describe() + "); only exits pass");
        }
    }

    /** Too many broker failures in a row: new orders wait out the cool-down. */
    static final class CircuitBreakerCheck implements RiskCheck {
        @Override
        public String name() {
            return "circuit_breaker";
        }

        @Override
        public Optional<String> refuse(CheckContext c) {
            return c.breakerOpen();
        }
    }

    static final class AllowedSymbols implements RiskCheck {
        @Override
        public String name() {
            return "allowed_symbols";
        }

        @Override
        public Optional<String> refuse(CheckContext c) {
            if (c.settings().allowedSymbols().isEmpty() || c.settings().allowedSymbols().contains(c.symbol())) {
                return Optional.empty();
            }
            return Optional.of(c.symbol() + " is not among the allowed symbols " + sorted(c.settings().allowedSymbols()));
        }
    }

    static final class AllowedStrategies implements RiskCheck {
        @Override
        public String name() {
            return "allowed_strategies";
        }

        @Override
        public Optional<String> refuse(CheckContext c) {
            if (c.settings().allowedStrategies().isEmpty()) {
                return Optional.empty();
            }
            String strategy = c.alert().strategy().map(s -> s.toLowerCase(Locale.ROOT)).orElse("");
            if (c.settings().allowedStrategies().contains(strategy)) {
                return Optional.empty();
            }
            return Optional.of("strategy '" + c.alert().strategy().orElse("(none)") + "' is not among the allowed "
                    + sorted(c.settings().allowedStrategies()));
        }
    }

    /** Entries only between the allowed times of the exchange's day. */
    static final class AllowedHours implements RiskCheck {
        @Override
        public String name() {
            return "allowed_hours";
        }

        @Override
        public Optional<String> refuse(CheckContext c) {
            Optional<LocalTime[]> hours = c.settings().allowedHours();
            if (hours.isEmpty() || !c.opens()) {
                return Optional.empty();
            }
            LocalTime now = c.now().atZone(c.settings().exchangeZone()).toLocalTime();
            LocalTime from = hours.get()[0];
            LocalTime to = hours.get()[1];
            boolean inside = from.isBefore(to) ? !now.isBefore(from) && now.isBefore(to)
                    : !now.isBefore(from) || now.isBefore(to);
            return inside ? Optional.empty() : Optional.of("entries are allowed from " + from + " to " + to + " ("
                    + c.settings().exchangeZone() + "), and it is " + now.withNano(0));
        }
    }

    /** A stop-loss below a buy's entry and a take-profit above it (the other way round for a sell). */
    static final class StopTargetSides implements RiskCheck {
        @Override
        public String name() {
            return "stop_target_sides";
        }

        @Override
        public Optional<String> refuse(CheckContext c) {
            if (!c.settings().checkStopTargetSides() || !c.opens() || c.price().isEmpty()) {
                return Optional.empty();
            }
            BigDecimal entry = c.order().prices().limitPrice().orElse(c.price().get());
            boolean buy = c.order().side() == Side.BUY;
            Optional<BigDecimal> stop = c.alert().stopLoss();
            Optional<BigDecimal> target = c.order().takeProfit();   // each bracket of a split entry has its own
            if (stop.isPresent() && (buy ? stop.get().compareTo(entry) >= 0 : stop.get().compareTo(entry) <= 0)) {
                return Optional.of("the stop-loss " + plain(stop.get()) + " must be " + (buy ? "below" : "above")
                        + " the entry " + plain(entry) + " of a " + (buy ? "buy" : "sell"));
            }
            if (target.isPresent() && (buy ? target.get().compareTo(entry) <= 0 : target.get().compareTo(entry) >= 0)) {
                return Optional.of("the take-profit " + plain(target.get()) + " must be " + (buy ? "above" : "below")
                        + " the entry " + plain(entry) + " of a " + (buy ? "buy" : "sell"));
            }
            return Optional.empty();
        }
    }

    /** Reward (entry to take-profit) over risk (entry to stop-loss), when an alert gives both. */
    static final class RewardRisk implements RiskCheck {
        @Override
        public String name() {
            return "min_reward_risk";
        }

        @Override
        public Optional<String> refuse(CheckContext c) {
            BigDecimal minimum = c.settings().minRewardRisk();
            if (minimum.signum() == 0 || !c.opens() || c.price().isEmpty() || c.alert().stopLoss().isEmpty()
                    || c.order().takeProfit().isEmpty()) {
                return Optional.empty();
            }
            BigDecimal entry = c.order().prices().limitPrice().orElse(c.price().get());
            BigDecimal risk = entry.subtract(c.alert().stopLoss().get()).abs();
            BigDecimal reward = c.order().takeProfit().get().subtract(entry).abs();
            if (risk.signum() == 0) {
                return Optional.of("the stop-loss equals the entry " + plain(entry));
            }
            BigDecimal ratio = reward.divide(risk, 2, RoundingMode.HALF_UP);
            return ratio.compareTo(minimum) >= 0 ? Optional.empty()
                    : Optional.of("reward:risk is " + plain(ratio) + " (" + plain(reward) + " to gain, " + plain(risk)
                    + " to lose), the minimum is " + plain(minimum));
        }
    }

    static final class MaxOrderNotional implements RiskCheck {
        @Override
        public String name() {
            return "max_order_notional";
        }

        @Override
        public Optional<String> refuse(CheckContext c) {
            BigDecimal limit = c.settings().maxOrderNotional();
            if (limit.signum() == 0 || !c.opens()) {
                return Optional.empty();
            }
            return valued(c, value -> {
                Money most = Money.of(limit, value.inAccount().currency());
                return value.inAccount().compareTo(most) <= 0 ? Optional.empty() : Optional.of("the order is worth "
                        + value.notional().display() + " (" + plain(c.order().quantity()) + " " + c.symbol() + " at "
                        + plain(c.price().get()) + "), the limit is " + most.display());
            });
        }
    }

    static final class MaxPositionSize implements RiskCheck {
        @Override
        public String name() {
            return "max_position_size";
        }

        @Override
        public Optional<String> refuse(CheckContext c) {
            BigDecimal limit = c.settings().maxPositionSize();
            BigDecimal after = c.positionAfter().abs();
            if (limit.signum() == 0 || !c.opens() || after.compareTo(limit) <= 0) {
                return Optional.empty();
            }
            return Optional.of(c.symbol() + " would reach " + plain(after) + " units (now "
                    + plain(c.state().projected(c.symbol())) + "), the limit is " + plain(limit));
        }
    }

    static final class MaxPositionNotional implements RiskCheck {
        @Override
        public String name() {
            return "max_position_notional";
        }

        @Override
        public Optional<String> refuse(CheckContext c) {
            BigDecimal limit = c.settings().maxPositionNotional();
            if (limit.signum() == 0 || !c.opens()) {
                return Optional.empty();
            }
            return valued(c, order -> {
                Converted value = c.state().value(c.symbol(), c.positionAfter(), c.price().get()).notional();
                Money most = Money.of(limit, value.value().currency());
                return value.value().compareTo(most) <= 0 ? Optional.empty() : Optional.of(c.symbol()
                        + " would be worth " + value.display() + ", the limit per symbol is " + most.display());
            });
        }
    }

    static final class MaxOpenPositions implements RiskCheck {
        @Override
        public String name() {
            return "max_open_positions";
        }

        @Override
        public Optional<String> refuse(CheckContext c) {
            int limit = c.settings().maxOpenPositions();
            boolean newSymbol = c.state().projected(c.symbol()).signum() == 0;
            if (limit == 0 || !c.opens() || !newSymbol || c.state().openPositions() < limit) {
                return Optional.empty();
            }
            return Optional.of(c.state().openPositions() + " positions are open, the limit is " + limit);
        }
    }

    static final class MaxDailyTrades implements RiskCheck {
        @Override
        public String name() {
            return "max_daily_trades";
        }

        @Override
        public Optional<String> refuse(CheckContext c) {
            int limit = c.settings().maxDailyTrades();
            if (limit == 0 || !c.opens() || c.state().ordersToday() < limit) {
                return Optional.empty();
            }
            return Optional.of(c.state().ordersToday() + " orders today, the limit is " + limit);
        }
    }

    static final class MaxEntriesPerTicker implements RiskCheck {
        @Override
        public String name() {
            return "max_entries_per_ticker";
        }

        @Override
        public Optional<String> refuse(CheckContext c) {
            int limit = c.settings().maxEntriesPerTicker();
            long entries = c.state().entriesToday(c.symbol());
            if (limit == 0 || !c.opens() || entries < limit) {
                return Optional.empty();
            }
            return Optional.of(entries + " entries in " + c.symbol() + " today, the limit is " + limit);
        }
    }

    /** Today's result (realized less commissions, plus unrealized) must stay above the loss limit. */
    static final class DailyLoss implements RiskCheck {
        @Override
        public String name() {
            return "max_daily_loss";
        }

        @Override
        public Optional<String> refuse(CheckContext c) {
            BigDecimal limit = c.settings().maxDailyLoss();
            if (limit.signum() == 0 || !c.opens()) {
                return Optional.empty();
            }
            Money result;
            try {
                result = c.state().dailyResult();
            } catch (NotValued e) {
                return Optional.of("today's result cannot be put in the account's currency: " + e.getMessage());
            }
            Money most = Money.of(limit, result.currency());
            return result.compareTo(most.negate()) > 0 ? Optional.empty() : Optional.of("today's result is "
                    + result.display() + ", the loss limit is " + most.display());
        }
    }

    static final class MaxTotalExposure implements RiskCheck {
        @Override
        public String name() {
            return "max_total_exposure";
        }

        @Override
        public Optional<String> refuse(CheckContext c) {
            BigDecimal limit = c.settings().maxTotalExposure();
            if (limit.signum() == 0 || !c.opens()) {
                return Optional.empty();
            }
            return valued(c, value -> {
                Money now = c.state().grossExposure();
                Money after = now.plus(value.inAccount());
                Money most = Money.of(limit, after.currency());
                return after.compareTo(most) <= 0 ? Optional.empty() : Optional.of("total exposure would be "
                        + after.display() + " (now " + now.display() + ", the order " + value.notional().display()
                        + "), the limit is " + most.display());
            });
        }
    }

    /** Entries may not spend the cash reserve. */
    static final class CashReserve implements RiskCheck {
        @Override
        public String name() {
            return "min_cash_reserve";
        }

        @Override
        public Optional<String> refuse(CheckContext c) {
            BigDecimal reserve = c.settings().minCashReserve();
            if (reserve.signum() == 0 || !c.opens()) {
                return Optional.empty();
            }
            Optional<BigDecimal> cash = c.state().availableCash();
            if (cash.isEmpty()) {
                return Optional.of("the account's cash is not known yet, so the cash reserve cannot be kept");
            }
            return valued(c, value -> {
                // an order on margin ties up its margin whichever way it goes; a cash buy spends its value
                Money spent = value.onMargin() || c.order().side() == Side.BUY ? value.committed()
                        : Money.zero(value.inAccount().currency());
                Money before = Money.of(cash.get(), spent.currency());
                Money left = before.minus(spent);
                Money least = Money.of(reserve, spent.currency());
                return left.compareTo(least) >= 0 ? Optional.empty() : Optional.of("the order would leave "
                        + left.display() + " cash (of " + before.display() + "; the order is worth "
                        + value.notional().display() + (value.onMargin() ? ", its margin " + spent.display() : "")
                        + "), the reserve is " + least.display());
            });
        }
    }

    /** Entries worth more than the broker's buying power would be refused by the broker anyway. */
    static final class BuyingPower implements RiskCheck {
        @Override
        public String name() {
            return "buying_power";
        }

        @Override
        public Optional<String> refuse(CheckContext c) {
            Optional<BigDecimal> available = c.state().availableBuyingPower();
            if (!c.settings().checkBuyingPower() || !c.opens() || available.isEmpty() || c.price().isEmpty()) {
                return Optional.empty();
            }
            return valued(c, value -> {
                boolean future = c.state().assetClass(c.symbol()).or(() -> c.order().instrument().assetClass())
                        .filter(AssetClass.FUTURE::equals).isPresent();
                if (future && !value.onMargin()) {
                    // a future ties up its exchange margin, not its notional: without the venue's margin figure,
                    // the venue's own margin check is the one that applies (a notional check would refuse all)
                    return Optional.empty();
                }
                Money power = Money.of(available.get(), value.inAccount().currency());
                if (value.committed().compareTo(power) <= 0) {
                    return Optional.empty();
                }
                return Optional.of(value.onMargin()
                        ? "the order is worth " + value.notional().display() + "; the margin needed is "
                                + value.committed().display() + ", the margin available " + power.display()
                        : "the order is worth " + value.notional().display() + ", the available buying power is "
                                + power.display());
            });
        }
    }

    /** A check of the order's value: it runs once the order is priced and valued in the account's currency. */
    private interface ValueCheck {
        Optional<String> refuse(OrderValue value) throws NotValued;
    }

    /** Runs {@code check} on the order's value; an unpriced order, or one that cannot be valued, is refused. */
    private static Optional<String> valued(CheckContext c, ValueCheck check) {
        if (c.price().isEmpty()) {
            return Optional.of(unpriced(c));
        }
        try {
            return check.refuse(c.value());
        } catch (NotValued e) {
            return Optional.of(e.getMessage());
        }
    }

    private static String unpriced(CheckContext c) {
        return "no price is known for " + c.symbol() + " to value the order: add \"price\": \"{{close}}\" to the alert";
    }

    private static String sorted(Set<String> values) {
        return values.stream().sorted().toList().toString();
    }

    static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    static String money(BigDecimal value) {
        return new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT))
                .format(value.setScale(2, RoundingMode.HALF_UP));
    }
}

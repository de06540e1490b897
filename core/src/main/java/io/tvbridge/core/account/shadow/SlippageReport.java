package io.tvbridge.core.account.shadow;

import io.tvbridge.broker.spi.model.OrderType;
import io.tvbridge.broker.spi.model.Side;
import io.tvbridge.core.money.Money;
import io.tvbridge.core.store.StoredOrder;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * What the leader's fills cost against its shadow's: for each order the leader placed, the
 * difference between its average fill price and the shadow's copy's (filled on paper at the
 * price the signal saw), per unit, in ticks and in money, then summed per symbol and per
 * strategy. Positive slippage is a cost: the leader bought higher, or sold lower, than its
 * shadow. A pure function of the orders it is given.
 */
public final class SlippageReport {
    /** Ticks and per-unit figures are rounded to this many decimals; money to its currency's. */
    private static final int SCALE = 4;

    /** A leader's order with its shadow's copy (absent when none was made, and why), as the report reads them. */
    public record Pair(Optional<String> strategy, StoredOrder live, Optional<StoredOrder> shadow,
                       Optional<String> notCopied, BigDecimal tickSize, String currency) {
        public Pair {
            Objects.requireNonNull(strategy, "strategy");
            Objects.requireNonNull(live, "live");
            Objects.requireNonNull(shadow, "shadow");
            Objects.requireNonNull(notCopied, "notCopied");
            Objects.requireNonNull(currency, "currency");
            if (tickSize.signum() <= 0) {
                throw new IllegalArgumentException("a tick is above zero: " + tickSize);
            }
        }
    }

    /**
     * One order: {@code measured} when both filled. {@code perUnit} is the leader's price minus the
     * shadow's for a buy (the shadow's minus the leader's for a sell), {@code money} that times the
     * leader's filled quantity and the contract's multiplier, in the instrument's currency, and
     * {@code accountMoney} the same in the leader account's currency, when its rate is known.
     */
    public record OrderSlippage(long signalId, Optional<String> strategy, String symbol, Side side,
                                String live, Optional<String> shadow, BigDecimal quantity,
                                Optional<BigDecimal> livePrice, Optional<BigDecimal> shadowPrice, boolean measured,
                                String status, Optional<BigDecimal> perUnit, Optional<BigDecimal> ticks,
                                Optional<Money> money, Optional<Money> accountMoney) {
    }

    /**
     * The orders of one symbol, one strategy or all: how many, how many were measured, their
     * quantity-weighted average in ticks, and the money they cost by currency (and in the account's
     * currency when every measured order could be converted).
     */
    public record Total(String key, int orders, int measured, Optional<BigDecimal> averageTicks,
                        Map<String, BigDecimal> money, Optional<Money> accountMoney) {
    }

    /** The leader's orders created from {@code from} (and before {@code to}, when given), compared. */
    public record Report(String leader, String shadow, Instant from, Optional<Instant> to, List<OrderSlippage> orders,
                         List<Total> bySymbol,
                         List<Total> byStrategy, Total total) {
    }

    /** Converts an amount of a symbol's currency into the leader account's, when the rate is known. */
    @FunctionalInterface
    public interface ToAccount {
        Optional<Money> convert(String symbol, BigDecimal amount);
    }

    private SlippageReport() {
    }

    public static Report of(String leader, String shadow, Instant from, Optional<Instant> to, List<Pair> pairs,
                            ToAccount toAccount) {
        List<OrderSlippage> orders = pairs.stream().map(pair -> order(pair, toAccount)).toList();
        return new Report(leader, shadow, from, to, orders, totals(orders, OrderSlippage::symbol),
                totals(orders, order -> order.strategy().orElse("(none)")), total("all", orders));
    }

    static OrderSlippage order(Pair pair, ToAccount toAccount) {
        StoredOrder live = pair.live();
        Optional<StoredOrder> shadow = pair.shadow();
        Optional<BigDecimal> livePrice = filledPrice(live);
        Optional<BigDecimal> shadowPrice = shadow.flatMap(SlippageReport::filledPrice);
        BigDecimal quantity = live.progress().filledQuantity();
        String status;
        if (shadow.isEmpty()) {
            status = "not copied: " + pair.notCopied().orElse("the shadow has not copied it yet");
        } else if (live.type() == OrderType.MARKET && live.referencePrice().isEmpty()) {
            // the paper broker filled the copy at whatever price it last saw: no measure of anything
            status = "not measured: the alert gave no price (\"price\": \"{{close}}\"), so the shadow had none to"
                    + " fill at";
        } else if (livePrice.isEmpty()) {
            status = "the live order has not filled (" + phase(live) + ")";
        } else if (shadowPrice.isEmpty()) {
            status = "the shadow's copy has not filled (" + phase(shadow.get()) + ")";
        } else {
            status = "measured";
        }
        if (!status.equals("measured")) {
            return new OrderSlippage(live.signalId(), pair.strategy(), live.symbol(), live.side(),
                    live.clientOrderId().value(), shadow.map(order -> order.clientOrderId().value()), quantity,
                    livePrice, shadowPrice, false, status,
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        }
        BigDecimal difference = livePrice.get().subtract(shadowPrice.get());
        BigDecimal perUnit = live.side() == Side.BUY ? difference : difference.negate();
        BigDecimal ticks = perUnit.divide(pair.tickSize(), SCALE, RoundingMode.HALF_EVEN).stripTrailingZeros();
        BigDecimal amount = perUnit.multiply(quantity).multiply(live.multiplier());
        Money money = Money.of(amount, pair.currency());
        return new OrderSlippage(live.signalId(), pair.strategy(), live.symbol(), live.side(),
                live.clientOrderId().value(), shadow.map(order -> order.clientOrderId().value()), quantity,
                livePrice, shadowPrice, true, status,
                Optional.of(perUnit.stripTrailingZeros()), Optional.of(ticks), Optional.of(money),
                toAccount.convert(live.symbol(), amount));
    }

    private static Optional<BigDecimal> filledPrice(StoredOrder order) {
        return order.progress().filledQuantity().signum() > 0 ? order.progress().averageFillPrice() : Optional.empty();
    }

    private static String phase(StoredOrder order) {
        return order.phase().name().toLowerCase(Locale.ROOT)
                + order.progress().reason().map(reason -> ": " + reason).orElse("");
    }

    private static List<Total> totals(List<OrderSlippage> orders, Function<OrderSlippage, String> key) {
        Map<String, List<OrderSlippage>> groups = new TreeMap<>();
        orders.forEach(order -> groups.computeIfAbsent(key.apply(order), k -> new ArrayList<>()).add(order));
        List<Total> totals = new ArrayList<>();
        groups.forEach((name, group) -> totals.add(total(name, group)));
        return totals;
    }

    private static Total total(String key, List<OrderSlippage> orders) {
        List<OrderSlippage> measured = orders.stream().filter(OrderSlippage::measured).toList();
        BigDecimal quantity = measured.stream().map(OrderSlippage::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
        Optional<BigDecimal> averageTicks = quantity.signum() == 0 ? Optional.empty()
                : Optional.of(measured.stream().map(order -> order.ticks().orElseThrow().multiply(order.quantity()))
                        .reduce(BigDecimal.ZERO, BigDecimal::add).divide(quantity, SCALE, RoundingMode.HALF_EVEN)
                        .stripTrailingZeros());
        Map<String, BigDecimal> money = new LinkedHashMap<>();
        measured.forEach(order -> money.merge(order.money().orElseThrow().currency(),
                order.money().orElseThrow().amount(), BigDecimal::add));
        Optional<Money> accountMoney = Optional.empty();
        if (!measured.isEmpty() && measured.stream().allMatch(order -> order.accountMoney().isPresent())) {
            String currency = measured.get(0).accountMoney().orElseThrow().currency();
            accountMoney = Optional.of(Money.of(measured.stream().map(order -> order.accountMoney().orElseThrow()
                    .amount()).reduce(BigDecimal.ZERO, BigDecimal::add), currency));
        }
        return new Total(key, orders.size(), measured.size(), averageTicks, money, accountMoney);
    }
}

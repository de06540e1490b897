package io.tvbridge.core.alert;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The take-profit targets of an entry, in the order the alert gave them. One target without a
 * share is the single take-profit tvbridge has always placed. Several (or one closing only part
 * of the position) split the entry: each target closes its share, given in percent; the targets
 * without a share split equally what the given shares leave; when every target has its share
 * and they add up to less than 100%, the rest is entered with the stop-loss only. The planner
 * makes one bracket order per target.
 */
public record TakeProfitTargets(List<TakeProfitTarget> targets) {
    private static final BigDecimal HUNDRED = new BigDecimal("100");   // before NONE, which its constructor checks
    /** No take-profit. */
    public static final TakeProfitTargets NONE = new TakeProfitTargets(List.of());

    public TakeProfitTargets {
        targets = List.copyOf(targets);
        BigDecimal given = targets.stream().flatMap(t -> t.sharePercent().stream()).reduce(BigDecimal.ZERO,
                BigDecimal::add);
        if (given.compareTo(HUNDRED) > 0) {
            throw new IllegalArgumentException("the targets' shares add up to " + given.toPlainString()
                    + "%, more than the whole position");
        }
        boolean unshared = targets.stream().anyMatch(t -> t.sharePercent().isEmpty());
        if (unshared && given.compareTo(HUNDRED) == 0) {
            throw new IllegalArgumentException("the targets' shares add up to 100%, leaving nothing for the"
                    + " targets without a share");
        }
    }

    /** The single take-profit of today's alerts: a price or a distance, or none. */
    public static TakeProfitTargets single(Optional<BigDecimal> price, Optional<ExitDistance> distance) {
        if (price.isEmpty() && distance.isEmpty()) {
            return NONE;
        }
        return new TakeProfitTargets(List.of(new TakeProfitTarget(price, distance, Optional.empty())));
    }

    public boolean isEmpty() {
        return targets.isEmpty();
    }

    /** Whether the entry is split over its targets: several of them, or one that closes only part of it. */
    public boolean splits() {
        return targets.size() > 1 || untargeted().signum() > 0;
    }

    /** The take-profit price of an entry that is not split. */
    public Optional<BigDecimal> singlePrice() {
        return splits() || isEmpty() ? Optional.empty() : targets.get(0).price();
    }

    /** The take-profit distance of an entry that is not split. */
    public Optional<ExitDistance> singleDistance() {
        return splits() || isEmpty() ? Optional.empty() : targets.get(0).distance();
    }

    /** The percent the given shares leave for the targets without one (all of it when none is given). */
    public BigDecimal rest() {
        return HUNDRED.subtract(targets.stream().flatMap(t -> t.sharePercent().stream())
                .reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    /** How many targets have no share of their own. */
    public int unshared() {
        return (int) targets.stream().filter(t -> t.sharePercent().isEmpty()).count();
    }

    /** The percent entered with the stop-loss only: what the shares leave when every target has one. */
    public BigDecimal untargeted() {
        return isEmpty() || unshared() > 0 ? BigDecimal.ZERO : rest();
    }

    /** The share of target {@code index}, in percent: its own, or its equal part of the rest. */
    public BigDecimal share(int index) {
        return targets.get(index).sharePercent().orElseGet(() -> rest().divide(BigDecimal.valueOf(unshared()),
                MathContext.DECIMAL64));
    }

    /** The same targets with their distances made prices, in order: {@code prices} has one per target. */
    public TakeProfitTargets atPrices(List<BigDecimal> prices) {
        List<TakeProfitTarget> priced = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            priced.add(targets.get(i).atPrice(prices.get(i)));
        }
        return new TakeProfitTargets(priced);
    }

    /**
     * As answers show it: {@code 98650} for a single take-profit, {@code 98650 (50%), 103000 (50%)}
     * for a split entry, with {@code ; 20% without take-profit} when the shares leave a rest.
     */
    @Override
    public String toString() {
        if (!splits()) {
            return isEmpty() ? "" : targets.get(0).toString();
        }
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            shown.add(targets.get(i) + " (" + percent(share(i)) + ")");
        }
        BigDecimal rest = untargeted();
        return String.join(", ", shown) + (rest.signum() > 0 ? "; " + percent(rest) + " without take-profit" : "");
    }

    private static String percent(BigDecimal share) {
        return share.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + "%";
    }
}

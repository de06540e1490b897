package io.tvbridge.core.signal;

import io.tvbridge.core.alert.TakeProfitTargets;
import io.tvbridge.core.risk.SizingRefused;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Shares an entry's sized quantity out over its take-profit targets, one leg per target (and one
 * more for a rest the shares leave without a target). Each leg but the last is its share rounded
 * down to the quantity step; the last takes what remains, so the legs always add up to the
 * quantity. A leg of zero refuses the entry: a target that closes nothing is not what the alert meant.
 */
final class TargetSplit {
    /** Enough decimals that an equal third of a quantity in steps of 10^-8 rounds the right way. */
    private static final int SCALE = 20;
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private TargetSplit() {
    }

    /** The legs of {@code quantity} units of {@code symbol}, in the targets' order, in steps of {@code step}. */
    static List<BigDecimal> split(BigDecimal quantity, TakeProfitTargets targets, BigDecimal step, String symbol)
            throws SizingRefused {
        int count = targets.targets().size();
        int legs = count + (targets.untargeted().signum() > 0 ? 1 : 0);
        List<BigDecimal> split = new ArrayList<>(legs);
        BigDecimal placed = BigDecimal.ZERO;
        for (int i = 0; i < legs - 1; i++) {
            BigDecimal leg = portion(quantity, targets, i).divide(step, 0, RoundingMode.DOWN).multiply(step);
            split.add(plain(leg));
            placed = placed.add(leg);
        }
        split.add(plain(quantity.subtract(placed)));
        if (split.stream().anyMatch(leg -> leg.signum() <= 0)) {
            throw new SizingRefused(quantity.toPlainString() + " " + symbol + " does not split over " + count
                    + " take-profit targets" + (legs > count ? " and the rest without one" : "") + " ("
                    + targets + "): a leg would be 0 in steps of " + step.stripTrailingZeros().toPlainString()
                    + "; raise the quantity or give fewer targets");
        }
        return List.copyOf(split);
    }

    private static BigDecimal plain(BigDecimal quantity) {
        BigDecimal stripped = quantity.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /**
     * Target {@code index}'s part of {@code quantity}, before rounding: its share, or its equal part of
     * the rest, multiplied before it is divided so that equal parts of a whole stay whole.
     */
    private static BigDecimal portion(BigDecimal quantity, TakeProfitTargets targets, int index) {
        return targets.targets().get(index).sharePercent()
                .map(share -> quantity.multiply(share).divide(HUNDRED, SCALE, RoundingMode.DOWN))
                .orElseGet(() -> quantity.multiply(targets.rest()).divide(
                        HUNDRED.multiply(BigDecimal.valueOf(targets.unshared())), SCALE, RoundingMode.DOWN));
    }
}

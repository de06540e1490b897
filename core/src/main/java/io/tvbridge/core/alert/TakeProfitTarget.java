package io.tvbridge.core.alert;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * One take-profit target of an entry: a price, or a distance from the entry (made a price when
 * the order is planned), never both; and the share of the position it closes, in percent, when
 * the alert gives one ({@link TakeProfitTargets} shares out what the alert leaves open).
 */
public record TakeProfitTarget(Optional<BigDecimal> price, Optional<ExitDistance> distance,
                               Optional<BigDecimal> sharePercent) {
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    public TakeProfitTarget {
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(distance, "distance");
        Objects.requireNonNull(sharePercent, "sharePercent");
        if (price.isPresent() == distance.isPresent()) {
            throw new IllegalArgumentException("a take-profit target is a price or a distance, one of them");
        }
        if (price.filter(p -> p.signum() <= 0).isPresent()) {
            throw new IllegalArgumentException("a take-profit price must be positive: " + price.get().toPlainString());
        }
        if (sharePercent.filter(s -> s.signum() <= 0 || s.compareTo(HUNDRED) > 0).isPresent()) {
            throw new IllegalArgumentException("a target's share is above 0% and at most 100%: "
                    + sharePercent.get().toPlainString());
        }
        sharePercent = sharePercent.map(BigDecimal::stripTrailingZeros);
    }

    /** A target at {@code price} closing what is left to share. */
    public static TakeProfitTarget at(BigDecimal price) {
        return new TakeProfitTarget(Optional.of(price), Optional.empty(), Optional.empty());
    }

    /** A target {@code distance} from the entry closing what is left to share. */
    public static TakeProfitTarget away(ExitDistance distance) {
        return new TakeProfitTarget(Optional.empty(), Optional.of(distance), Optional.empty());
    }

    /** The same target closing {@code percent} of the position. */
    public TakeProfitTarget sharing(BigDecimal percent) {
        return new TakeProfitTarget(price, distance, Optional.of(percent));
    }

    /** The same target, its distance measured from the entry: at {@code at}, with its share. */
    public TakeProfitTarget atPrice(BigDecimal at) {
        return new TakeProfitTarget(Optional.of(at), Optional.empty(), sharePercent);
    }

    /** {@code 98650} or {@code 20 pips}: the level, without the share. */
    @Override
    public String toString() {
        return price.map(BigDecimal::toPlainString).orElseGet(() -> distance.orElseThrow().toString());
    }
}

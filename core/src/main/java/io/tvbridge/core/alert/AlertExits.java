package io.tvbridge.core.alert;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * The stop-loss and take-profit targets an alert attaches to its entry. The stop-loss is a price
 * or a distance from the entry (which becomes a price when the order is planned), never both;
 * each target is one or the other too ({@link TakeProfitTargets}).
 */
public record AlertExits(Optional<BigDecimal> stopLoss, Optional<ExitDistance> stopLossDistance,
                         TakeProfitTargets takeProfits) {
    /** No exits attached. */
    public static final AlertExits NONE = new AlertExits(Optional.empty(), Optional.empty(), TakeProfitTargets.NONE);

    public AlertExits {
        Objects.requireNonNull(stopLoss, "stopLoss");
        Objects.requireNonNull(stopLossDistance, "stopLossDistance");
        Objects.requireNonNull(takeProfits, "takeProfits");
        if (stopLoss.isPresent() && stopLossDistance.isPresent()) {
            throw new IllegalArgumentException("an exit is given as a price or as a distance, not both");
        }
    }

    /** Exits at prices: a single take-profit. */
    public static AlertExits atPrices(Optional<BigDecimal> stopLoss, Optional<BigDecimal> takeProfit) {
        return new AlertExits(stopLoss, Optional.empty(), TakeProfitTargets.single(takeProfit, Optional.empty()));
    }

    /** These exits with the distances given instead (the prices, if any, stay). */
    public AlertExits withDistances(Optional<ExitDistance> stopLossAway, Optional<ExitDistance> takeProfitAway) {
        if (takeProfitAway.isPresent() && !takeProfits.isEmpty()) {
            throw new IllegalArgumentException("an exit is given as a price or as a distance, not both");
        }
        return new AlertExits(stopLoss, stopLossAway, takeProfitAway.isPresent()
                ? TakeProfitTargets.single(Optional.empty(), takeProfitAway) : takeProfits);
    }

    /** The take-profit price of an entry that is not split over several targets. */
    public Optional<BigDecimal> takeProfit() {
        return takeProfits.singlePrice();
    }

    /** The take-profit distance of an entry that is not split over several targets. */
    public Optional<ExitDistance> takeProfitDistance() {
        return takeProfits.singleDistance();
    }
}

package io.tvbridge.core.alert;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * The stop-loss and take-profit an alert attaches to its entry, each as a price or as a
 * distance from the entry (which becomes a price when the order is planned), never both.
 */
public record AlertExits(Optional<BigDecimal> stopLoss, Optional<BigDecimal> takeProfit,
                         Optional<ExitDistance> stopLossDistance, Optional<ExitDistance> takeProfitDistance) {
    /** No exits attached. */
    public static final AlertExits NONE = new AlertExits(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty());

    public AlertExits {
        Objects.requireNonNull(stopLoss, "stopLoss");
        Objects.requireNonNull(takeProfit, "takeProfit");
        Objects.requireNonNull(stopLossDistance, "stopLossDistance");
        Objects.requireNonNull(takeProfitDistance, "takeProfitDistance");
        if (stopLoss.isPresent() && stopLossDistance.isPresent()
                || takeProfit.isPresent() && takeProfitDistance.isPresent()) {
            throw new IllegalArgumentException("an exit is given as a price or as a distance, not both");
        }
    }

    /** Exits at prices. */
    public static AlertExits atPrices(Optional<BigDecimal> stopLoss, Optional<BigDecimal> takeProfit) {
        return new AlertExits(stopLoss, takeProfit, Optional.empty(), Optional.empty());
    }

    /** These exits with the distances given instead (the prices, if any, stay). */
    public AlertExits withDistances(Optional<ExitDistance> stopLossAway, Optional<ExitDistance> takeProfitAway) {
        return new AlertExits(stopLoss, takeProfit, stopLossAway, takeProfitAway);
    }
}

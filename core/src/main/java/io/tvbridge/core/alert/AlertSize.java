package io.tvbridge.core.alert;

import io.tvbridge.broker.spi.model.Side;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * How much an alert asks for: a {@code quantity} counted in {@code unit} (units unless the alert
 * said otherwise), or none (the sizing settings decide), and for a target alert the position to
 * end at ({@code targetPosition}, signed: negative is short) and, when the alert also says buy
 * or sell ({@code {{strategy.order.action}}} beside {@code {{strategy.market_position}}}), the
 * side its order is on ({@code saidSide}): reaching the target must take an order on that side.
 */
public record AlertSize(Optional<BigDecimal> quantity, QuantityUnit unit, Optional<BigDecimal> targetPosition,
                        Optional<Side> saidSide) {
    /** No quantity: the sizing settings decide it. */
    public static final AlertSize UNSIZED = new AlertSize(Optional.empty(), QuantityUnit.UNITS, Optional.empty());

    public AlertSize {
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(targetPosition, "targetPosition");
        Objects.requireNonNull(saidSide, "saidSide");
        if (saidSide.isPresent() && targetPosition.isEmpty()) {
            throw new IllegalArgumentException("the side an alert says is kept for a target alert only");
        }
    }

    /** Without a side said beside the target. */
    public AlertSize(Optional<BigDecimal> quantity, QuantityUnit unit, Optional<BigDecimal> targetPosition) {
        this(quantity, unit, targetPosition, Optional.empty());
    }

    /** {@code quantity} units, or none. */
    public static AlertSize units(Optional<BigDecimal> quantity) {
        return new AlertSize(quantity, QuantityUnit.UNITS, Optional.empty());
    }

    /** The same quantity counted in {@code newUnit}. */
    public AlertSize in(QuantityUnit newUnit) {
        return new AlertSize(quantity, newUnit, targetPosition, saidSide);
    }
}

package io.tvbridge.core.risk;

import io.tvbridge.broker.spi.model.Side;
import io.tvbridge.core.alert.Alert;
import io.tvbridge.core.model.PlannedOrder;
import io.tvbridge.core.settings.RiskSettings;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * One planned order as the checks see it: the alert, the order, whether it opens or adds,
 * the price it is valued at, and the state around it.
 */
public record CheckContext(Alert alert, PlannedOrder order, boolean opens, Optional<BigDecimal> price,
                           RiskSettings settings, RiskState state, TradingHalt halt, Optional<String> breakerOpen,
                           Instant now) {

    public String symbol() {
        return order.instrument().symbol();
    }

    /**
     * The order's value (units × price × multiplier) in the instrument's currency and the
     * account's, and the margin it needs; only asked once the price is known.
     */
    public OrderValue value() throws NotValued {
        return state.value(symbol(), order.quantity(), price.orElseThrow());
    }

    /** The projected position in the symbol once this order fills. */
    public BigDecimal positionAfter() {
        BigDecimal change = order.side() == Side.BUY ? order.quantity()
                : order.quantity().negate();
        return state.projected(symbol()).add(change);
    }
}

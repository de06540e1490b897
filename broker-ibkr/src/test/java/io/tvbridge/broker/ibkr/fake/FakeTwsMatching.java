package io.tvbridge.broker.ibkr.fake;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * When an order can execute at a price: market orders always, limits when marketable, stops
 * (and stop-limits, and trailing stops) once the price has reached their trigger, which they
 * remember. Other order types never execute by themselves. Fills split into parts here too.
 */
final class FakeTwsMatching {
    /** Order types TWS holds as PreSubmitted until triggered. */
    static final Set<String> STOPS = Set.of("STP", "STP LMT", "TRAIL");

    private FakeTwsMatching() {
    }

    static boolean executable(VenueOrder order, BigDecimal price) {
        return switch (order.type()) {
            case "MKT" -> true;
            case "LMT" -> marketable(order, price);
            case "STP" -> triggered(order, price, order.order.auxPrice());
            case "STP LMT" -> triggered(order, price, order.order.auxPrice()) && marketable(order, price);
            case "TRAIL" -> triggered(order, price, trail(order, price));
            default -> false;                              // other order types rest until the test fills them
        };
    }

    private static boolean marketable(VenueOrder order, BigDecimal price) {
        BigDecimal limit = order.order.lmtPrice();
        return limit != null && (order.buy() ? price.compareTo(limit) <= 0 : price.compareTo(limit) >= 0);
    }

    private static boolean triggered(VenueOrder order, BigDecimal price, BigDecimal stop) {
        if (!order.triggered && stop != null) {
            order.triggered = order.buy() ? price.compareTo(stop) >= 0 : price.compareTo(stop) <= 0;
        }
        return order.triggered;
    }

    /** A trailing stop follows the price by its amount (auxPrice) or percent, never moving back. */
    private static BigDecimal trail(VenueOrder order, BigDecimal price) {
        BigDecimal offset = order.order.auxPrice() != null ? order.order.auxPrice()
                : order.order.trailingPercent() == null ? null
                : price.multiply(order.order.trailingPercent()).movePointLeft(2);
        if (offset == null) {
            return null;
        }
        BigDecimal candidate = order.buy() ? price.add(offset) : price.subtract(offset);
        BigDecimal stop = order.trailStop != null ? order.trailStop : order.order.trailStopPrice();
        order.trailStop = stop == null ? candidate : order.buy() ? stop.min(candidate) : stop.max(candidate);
        return order.trailStop;
    }

    /** {@code quantity} in {@code pieces} parts in units of its own last digit; the last part takes the rest. */
    static List<BigDecimal> split(BigDecimal quantity, int pieces) {
        int scale = Math.max(0, quantity.stripTrailingZeros().scale());
        BigDecimal part = quantity.divide(BigDecimal.valueOf(pieces), scale, RoundingMode.DOWN);
        if (part.signum() == 0) {
            return List.of(quantity);
        }
        List<BigDecimal> parts = new ArrayList<>();
        for (int i = 1; i < pieces; i++) {
            parts.add(part);
        }
        parts.add(quantity.subtract(part.multiply(BigDecimal.valueOf(pieces - 1L))));
        return parts;
    }
}

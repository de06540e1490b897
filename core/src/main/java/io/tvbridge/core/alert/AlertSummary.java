package io.tvbridge.core.alert;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An alert as the webhook's answer, the explain tool and the signal list show it: what was
 * understood, in tvbridge's words ({@code action}, {@code symbol}, {@code quantity} with its
 * {@code quantity_unit}, {@code order_type}, the prices, a trailing stop's {@code trail_amount}
 * or {@code trail_percent}, the take-profit targets with their shares; for a cancel,
 * {@code cancel_order_type}), the {@code strategy} and the {@code account} it names, absent
 * values left out.
 */
public final class AlertSummary {
    private AlertSummary() {
    }

    public static Map<String, String> of(Alert alert) {
        Map<String, String> summary = new LinkedHashMap<>();
        summary.put("dialect", alert.dialect().wireName());
        summary.put("action", alert.action().wireName());
        alert.symbol().ifPresent(symbol -> summary.put("symbol", symbol));
        alert.instrument().flatMap(i -> i.exchange()).ifPresent(exchange -> summary.put("exchange", exchange));
        put(summary, "quantity", alert.quantity());
        if (alert.quantity().isPresent()) {
            summary.put("quantity_unit", alert.quantityUnit().wireName());
        }
        if (alert.cancels().isPresent()) {
            summary.put("cancel_order_type", alert.cancels().get().wireName());   // a cancel has no order type
        } else {
            summary.put("order_type", alert.orderType().name().toLowerCase(Locale.ROOT));
        }
        put(summary, "price", alert.price());
        put(summary, "limit_price", alert.limitPrice());
        put(summary, "stop_price", alert.stopPrice());
        alert.trail().ifPresent(trail -> summary.put(trail.percent() ? "trail_percent" : "trail_amount",
                trail.distance().toPlainString()));
        if (!alert.takeProfits().isEmpty()) {
            // one target as a price or distance; several as "98650 (50%), 103000 (50%)"
            summary.put("take_profit", alert.takeProfits().toString());
        }
        put(summary, "stop_loss", alert.stopLoss());
        alert.stopLossDistance().ifPresent(d -> summary.put("stop_loss", d.toString()));
        put(summary, "target_position", alert.targetPosition());
        alert.strategy().ifPresent(strategy -> summary.put("strategy", strategy));
        alert.account().ifPresent(account -> summary.put("account", account));
        return Collections.unmodifiableMap(summary);
    }

    private static void put(Map<String, String> summary, String key, Optional<BigDecimal> value) {
        value.ifPresent(v -> summary.put(key, v.toPlainString()));
    }
}

package io.tvbridge.core.signal;

import io.tvbridge.core.alert.Alert;
import io.tvbridge.core.model.PlannedOrder;
import java.util.List;
import java.util.Objects;

/**
 * The orders one account decided for one of its signals, for the shadow account that follows it
 * to place as they are: same instrument, side, quantity, type, prices and reference price (the
 * price the signal saw when the leader decided, at which the paper broker fills a market order).
 *
 * @param leader the account that decided them
 * @param signalId the leader's signal
 * @param alert the leader's alert; the shadow stores it under {@link #alertId()}
 */
public record Mirror(String leader, long signalId, Alert alert, List<PlannedOrder> orders) {
    public Mirror {
        Objects.requireNonNull(leader, "leader");
        Objects.requireNonNull(alert, "alert");
        orders = List.copyOf(orders);
        if (orders.isEmpty()) {
            throw new IllegalArgumentException("a mirror copies at least one order");
        }
    }

    /** {@code mirror:live:12}: the shadow's alert id for the leader's signal 12, never copied twice. */
    public String alertId() {
        return alertId(leader, signalId);
    }

    public static String alertId(String leader, long signalId) {
        return "mirror:" + leader + ":" + signalId;
    }

    /** The alert as the shadow stores it. */
    public Alert copiedAlert() {
        return alert.copiedAs(alertId());
    }

    /** What the shadow stores as the signal's body: where the orders come from. */
    String payload() {
        return "{\"mirror_of\":\"" + leader + "\",\"signal_id\":" + signalId + ",\"orders\":" + orders.size() + "}";
    }
}

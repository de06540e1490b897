package io.tvbridge.core.signal;

import io.tvbridge.core.model.Decision;
import io.tvbridge.core.model.PlannedOrder;
import io.tvbridge.core.store.StoredOrder;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The decision about one signal and what it leads to: the orders to place, or for a cancel
 * alert the working orders to cancel (none of either when rejected or queued).
 */
public record Plan(Decision decision, Optional<String> reason, List<PlannedOrder> orders, List<StoredOrder> cancels) {
    public Plan {
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(reason, "reason");
        orders = List.copyOf(orders);
        cancels = List.copyOf(cancels);
        if (decision != Decision.ACCEPTED && (reason.isEmpty() || !orders.isEmpty() || !cancels.isEmpty())) {
            throw new IllegalArgumentException("a rejected or queued signal has a reason and no orders");
        }
    }

    public Plan(Decision decision, Optional<String> reason, List<PlannedOrder> orders) {
        this(decision, reason, orders, List.of());
    }

    public static Plan accept(List<PlannedOrder> orders) {
        return new Plan(Decision.ACCEPTED, Optional.empty(), orders);
    }

    /** A cancel alert's plan: these working orders are to be cancelled, as {@code reason} says. */
    public static Plan cancel(List<StoredOrder> working, String reason) {
        return new Plan(Decision.ACCEPTED, Optional.of(reason), List.of(), working);
    }

    public static Plan reject(String reason) {
        return new Plan(Decision.REJECTED, Optional.of(reason), List.of());
    }

    public static Plan queue(String reason) {
        return new Plan(Decision.QUEUED, Optional.of(reason), List.of());
    }
}

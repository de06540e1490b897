package io.tvbridge.core.signal;

import io.tvbridge.core.model.Decision;
import io.tvbridge.core.model.PlannedOrder;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The decision about one signal and the orders it leads to (none when rejected). */
public record Plan(Decision decision, Optional<String> reason, List<PlannedOrder> orders) {
    public Plan {
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(reason, "reason");
        orders = List.copyOf(orders);
        if (decision != Decision.ACCEPTED && (reason.isEmpty() || !orders.isEmpty())) {
            throw new IllegalArgumentException("a rejected or queued signal has a reason and no orders");
        }
    }

    public static Plan accept(List<PlannedOrder> orders) {
        return new Plan(Decision.ACCEPTED, Optional.empty(), orders);
    }

    public static Plan reject(String reason) {
        return new Plan(Decision.REJECTED, Optional.of(reason), List.of());
    }

    public static Plan queue(String reason) {
        return new Plan(Decision.QUEUED, Optional.of(reason), List.of());
    }
}

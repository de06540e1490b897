package io.tvbridge.core.signal;

import io.tvbridge.core.model.PlannedOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a pasted alert message would do, for the explain tool: the dialect it was read in, the
 * repairs made to it, and for each order it asks for the fields read, what was understood and
 * the decision under the current settings (the orders, or the reason for refusing); or the
 * refusal of the message itself. Nothing is stored or sent to find it out.
 */
public record Explanation(Optional<String> dialect, List<String> repairs, List<Order> orders,
                          Optional<String> refusal) {
    public Explanation {
        Objects.requireNonNull(dialect, "dialect");
        repairs = List.copyOf(repairs);
        orders = List.copyOf(orders);
        Objects.requireNonNull(refusal, "refusal");
    }

    /** One order of the message: the fields read, the alert understood, and what it would become. */
    public record Order(Map<String, String> fields, Map<String, String> read, String decision,
                        Optional<String> reason, List<String> orders) {
        public Order {
            // in the order they were read
            fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
            read = Collections.unmodifiableMap(new LinkedHashMap<>(read));
            Objects.requireNonNull(decision, "decision");
            Objects.requireNonNull(reason, "reason");
            orders = List.copyOf(orders);
        }
    }

    static Explanation refused(Optional<String> dialect, List<String> repairs, String reason) {
        return new Explanation(dialect, repairs, List.of(), Optional.of(reason));
    }

    /** An order as a trader reads it: {@code BUY 10 AAPL LIMIT 150.5, take-profit 160, stop-loss 140}. */
    static String describe(PlannedOrder order) {
        List<String> words = new ArrayList<>();
        words.add(order.side() + " " + order.quantity().toPlainString() + " " + order.instrument().symbol() + " "
                + order.prices().type().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        order.prices().limitPrice().ifPresent(p -> words.add("limit " + p.toPlainString()));
        order.prices().stopPrice().ifPresent(p -> words.add("stop " + p.toPlainString()));
        order.prices().trail().ifPresent(t -> words.add("trail " + t));
        order.takeProfit().ifPresent(p -> words.add("take-profit " + p.toPlainString()));
        order.stopLoss().ifPresent(p -> words.add("stop-loss " + p.toPlainString()));
        return String.join(", ", words);
    }
}

package io.tvbridge.core.alert;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A message read by {@link AlertDialects}, written on one line so that tables of cases stay readable. */
final class DialectCases {
    private DialectCases() {
    }

    /**
     * {@code dialect action symbol [quantity unit] type|cancel= [limit=] [stop=] [trail=] [tp=] [sl=] [target=]}, orders
     * separated by " | ", or {@code refused: <reason>}.
     */
    static String read(String message) {
        try {
            AlertReading reading = AlertDialects.read(message.getBytes(StandardCharsets.UTF_8));
            return reading.alerts().stream().map(DialectCases::line).collect(Collectors.joining(" | "));
        } catch (AlertProblem problem) {
            return "refused: " + problem.getMessage();
        }
    }

    private static String line(Alert alert) {
        Map<String, String> summary = AlertSummary.of(alert);
        List<String> words = new ArrayList<>();
        words.add(summary.get("dialect"));
        words.add(summary.get("action"));
        if (summary.containsKey("symbol")) {
            words.add(summary.get("symbol"));
        }
        if (summary.containsKey("quantity")) {
            words.add(summary.get("quantity"));
            words.add(summary.get("quantity_unit"));
        }
        words.add(summary.containsKey("cancel_order_type") ? "cancel=" + summary.get("cancel_order_type")
                : summary.get("order_type"));
        for (String[] price : new String[][] {{"limit_price", "limit"}, {"stop_price", "stop"}, {"trail_amount", "trail"},
                {"trail_percent", "trail%"}, {"take_profit", "tp"}, {"stop_loss", "sl"}, {"target_position", "target"}}) {
            if (summary.containsKey(price[0])) {
                words.add(price[1] + "=" + summary.get(price[0]));
            }
        }
        return String.join(" ", words);
    }
}

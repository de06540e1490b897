package io.tvbridge.core.alert;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Alert messages to paste into TradingView, filled in with the webhook secret. */
public final class AlertTemplates {

    /** A kind of alert message: its name, what it is for, and the message for a secret. */
    public enum Kind {
        PLAIN("Plain alert (an indicator or drawing; set the side and size yourself):", AlertTemplates::plain),
        STRATEGY("Strategy alert (every order fill of a strategy):", AlertTemplates::strategy),
        TARGET("Target position (tvbridge orders the difference to the strategy's position):",
                AlertTemplates::targetPosition);

        private final String title;
        private final UnaryOperator<String> message;

        Kind(String title, UnaryOperator<String> message) {
            this.title = title;
            this.message = message;
        }

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public String title() {
            return title;
        }

        public String message(String secret) {
            return message.apply(secret);
        }

        /** plain, strategy or target, in any case. */
        public static Optional<Kind> parse(String text) {
            return List.of(values()).stream().filter(k -> k.wireName().equalsIgnoreCase(text.strip())).findFirst();
        }
    }

    private AlertTemplates() {
    }

    /**
     * For a strategy's order-fill alerts: TradingView fills in the side, size and price of
     * each fill; the alert id makes a resend of the same fill a duplicate.
     */
    public static String strategy(String secret) {
        return "{\"secret\": \"" + secret + "\", \"symbol\": \"{{exchange}}:{{ticker}}\","
                + " \"action\": \"{{strategy.order.action}}\", \"quantity\": \"{{strategy.order.contracts}}\","
                + " \"price\": \"{{close}}\", \"strategy\": \"my-strategy\","
                + " \"alert_id\": \"{{ticker}}-{{interval}}-{{strategy.order.id}}-{{timenow}}\"}";
    }

    /** For an indicator's or a drawing's alert: a fixed side and size, the price at the bar's close. */
    public static String plain(String secret) {
        return "{\"secret\": \"" + secret + "\", \"symbol\": \"{{exchange}}:{{ticker}}\", \"action\": \"buy\","
                + " \"quantity\": 1, \"price\": \"{{close}}\", \"time\": \"{{timenow}}\","
                + " \"alert_id\": \"{{ticker}}-{{interval}}-{{timenow}}\"}";
    }

    /**
     * For a strategy's alerts stating the position it wants: tvbridge orders the difference from
     * what it holds, so a missed alert is caught up by the next one.
     */
    public static String targetPosition(String secret) {
        return "{\"secret\": \"" + secret + "\", \"symbol\": \"{{exchange}}:{{ticker}}\","
                + " \"market_position\": \"{{strategy.market_position}}\","
                + " \"market_position_size\": \"{{strategy.market_position_size}}\", \"price\": \"{{close}}\","
                + " \"strategy\": \"my-strategy\","
                + " \"alert_id\": \"{{ticker}}-{{interval}}-{{strategy.order.id}}-{{timenow}}\"}";
    }
}

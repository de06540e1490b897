package io.tvbridge.core.alert;

import io.tvbridge.broker.spi.model.OrderType;
import java.util.Locale;
import java.util.Optional;

/**
 * Which working orders of its symbol a cancel alert cancels: all of them, or those of one
 * kind. {@link #STOP} covers every order that waits for a stop price (stop, stop-limit and
 * trailing stop), as traders say "cancel my stops"; the other kinds cover their own type only.
 */
public enum CancelScope {
    ALL,
    MARKET,
    LIMIT,
    STOP,
    STOP_LIMIT,
    TRAILING_STOP;

    static final String ACCEPTED_WORDS = "all, limit, stop (stop, stop-limit and trailing stop), stop_limit,"
            + " trailing_stop or market";

    /** Reads {@code all}, {@code limit}, {@code stop}, {@code stop_limit}, {@code trailing_stop}, {@code market}. */
    public static Optional<CancelScope> parse(String text) {
        String word = text.strip().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        return Optional.ofNullable(switch (word) {
            case "all", "any", "" -> ALL;
            case "market" -> MARKET;
            case "limit" -> LIMIT;
            case "stop", "stops" -> STOP;
            case "stop_limit", "stoplimit" -> STOP_LIMIT;
            case "trailing_stop", "trailingstop", "trail" -> TRAILING_STOP;
            default -> null;
        });
    }

    public boolean covers(OrderType type) {
        return switch (this) {
            case ALL -> true;
            case MARKET -> type == OrderType.MARKET;
            case LIMIT -> type == OrderType.LIMIT;
            case STOP -> type == OrderType.STOP || type == OrderType.STOP_LIMIT || type == OrderType.TRAILING_STOP;
            case STOP_LIMIT -> type == OrderType.STOP_LIMIT;
            case TRAILING_STOP -> type == OrderType.TRAILING_STOP;
        };
    }

    /** The name in answers: {@code stop_limit}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** How a trader reads {@code count} of them: "1 working stop order", "no working orders". */
    public String describe(int count) {
        String kind = this == ALL ? "working order" : "working " + wireName().replace('_', '-') + " order";
        return (count == 0 ? "no" : String.valueOf(count)) + " " + kind + (count == 1 ? "" : "s");
    }
}

package io.tvbridge.core.alert;

import java.util.Locale;
import java.util.Optional;

/** What an alert asks for. */
public enum AlertAction {
    /** Buy: open or add to a long, or cover a short. */
    BUY,
    /** Sell: reduce or close a long, or open a short. */
    SELL,
    /** Exit the whole position in the alert's symbol (or the given quantity of it). */
    CLOSE,
    /** Exit every open position. */
    CLOSE_ALL,
    /** Reach the position the alert states ({@code market_position} and its size): order the difference. */
    TARGET;

    static final String ACCEPTED_WORDS = "buy, sell, close (or exit), close_all";

    /** Reads the words traders and TradingView's {@code {{strategy.order.action}}} use, in any case. */
    public static Optional<AlertAction> parse(String text) {
        String word = text.trim().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        return Optional.ofNullable(switch (word) {
            case "buy" -> BUY;
            case "sell" -> SELL;
            case "close", "exit" -> CLOSE;
            case "close_all", "closeall", "exit_all", "flatten" -> CLOSE_ALL;
            default -> null;
        });
    }

    /** Whether this action only ever reduces positions (a target may do either: its orders decide). */
    public boolean isExit() {
        return switch (this) {
            case CLOSE, CLOSE_ALL -> true;
            case BUY, SELL, TARGET -> false;
        };
    }
}

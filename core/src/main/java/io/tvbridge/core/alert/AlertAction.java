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
    /** Sell the long in the alert's symbol (all of it, or the given quantity); never opens a short. */
    CLOSE_LONG,
    /** Buy back the short in the alert's symbol (all of it, or the given quantity); never opens a long. */
    CLOSE_SHORT,
    /** Reach the position the alert states ({@code market_position} and its size): order the difference. */
    TARGET,
    /** Cancel working orders of the alert's symbol (all, or those of one kind): no order, the position untouched. */
    CANCEL;

    static final String ACCEPTED_WORDS = "buy (long), sell (short), close (exit, flat), close_long (exit_long),"
            + " close_short (exit_short, cover), close_all, cancel (its working orders)";

    /** Reads the words traders and TradingView's {@code {{strategy.order.action}}} use, in any case. */
    public static Optional<AlertAction> parse(String text) {
        String word = text.trim().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        return Optional.ofNullable(switch (word) {
            case "buy", "long", "enter_long", "openlong", "open_long", "buy_to_open", "entrylong", "entry_long" -> BUY;
            case "sell", "short", "enter_short", "openshort", "open_short", "sell_to_open", "entryshort", "entry_short"
                    -> SELL;
            case "close", "exit", "flat", "flatten_position" -> CLOSE;
            case "close_all", "closeall", "exit_all", "flatten" -> CLOSE_ALL;
            case "close_long", "closelong", "exit_long", "exitlong", "sell_to_close" -> CLOSE_LONG;
            case "close_short", "closeshort", "exit_short", "exitshort", "cover", "buy_to_close" -> CLOSE_SHORT;
            case "cancel", "cancel_orders" -> CANCEL;
            default -> null;
        });
    }

    /** The name in answers: {@code close_long}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether this action only ever reduces positions (a target may do either: its orders decide). */
    public boolean isExit() {
        return switch (this) {
            case CLOSE, CLOSE_ALL, CLOSE_LONG, CLOSE_SHORT -> true;
            case BUY, SELL, TARGET, CANCEL -> false;
        };
    }

    /** Whether the alert asks for orders at all: a cancel only takes working orders back. */
    public boolean places() {
        return this != CANCEL;
    }
}

package io.tvbridge.core.alert;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The fields tvbridge reads from an alert, each with the names it goes by. Names match
 * without regard to case, {@code _}, {@code -}, spaces or dots, so {@code order_type},
 * {@code orderType} and {@code Order-Type} are one field.
 */
public enum AlertField {
    SECRET("secret", "passphrase"),
    SYMBOL("symbol", "ticker"),
    EXCHANGE("exchange"),
    ACTION("action", "side"),
    QUANTITY("quantity", "qty", "contracts"),
    QUANTITY_UNIT("quantity_unit"),
    ORDER_TYPE("order_type", "type"),
    PRICE("price"),
    LIMIT_PRICE("limit_price"),
    STOP_PRICE("stop_price"),
    TRAIL_AMOUNT("trail_amount"),
    TRAIL_PERCENT("trail_percent"),
    STOP_LOSS("stop_loss", "sl"),
    TAKE_PROFIT("take_profit", "tp"),
    /** Several targets, each closing a share of the position: a JSON list ({@link AlertReader}). */
    TAKE_PROFITS("take_profits"),
    STRATEGY("strategy"),
    /** Which of the daemon's accounts the alert goes to; read in tvbridge's own dialect only. */
    ACCOUNT("account"),
    ALERT_ID("alert_id", "id"),
    TIME("timestamp", "time"),
    COMMENT("comment"),
    MARKET_POSITION("market_position", "target_side"),
    MARKET_POSITION_SIZE("market_position_size", "target_qty"),
    POSITION_SIZE("position_size", "target_signed"),
    CONVICTION("conviction"),
    OUTSIDE_RTH("outside_rth", "extended_hours"),
    CANCEL_ORDER_TYPE("cancel_order_type", "cancel_type");

    private static final Map<String, AlertField> BY_NAME = Stream.of(values())
            .flatMap(field -> field.names.stream().map(name -> Map.entry(normalize(name), field)))
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));

    private final List<String> names;

    AlertField(String... names) {
        this.names = List.of(names);
    }

    /** The name used in messages and documentation. */
    public String displayName() {
        return names.get(0);
    }

    public List<String> names() {
        return names;
    }

    public static Optional<AlertField> byName(String key) {
        return Optional.ofNullable(BY_NAME.get(normalize(key)));
    }

    static String normalize(String key) {
        StringBuilder out = new StringBuilder(key.length());
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c != '_' && c != '-' && c != ' ' && c != '.') {
                out.append(c);
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

}

package io.tvbridge.core.alert;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The JSON of the open-source "trade-engine" TradingView endpoint: {@code symbol},
 * {@code direction} (where the position ends: {@code long}, {@code short}, {@code flat}),
 * {@code action} ({@code buy} / {@code sell}), {@code size}, {@code leverage},
 * {@code priority}, {@code takeprofit}, {@code trailstop} and {@code price}. Its sizes are
 * fractions of the portfolio written as text ({@code "7.5/100"}); an exit carries a label
 * instead ({@code "Exit @ 3263.55"}).
 *
 * <p>Read: an exit, {@code direction: flat}, which closes the long ({@code sell}) or the short
 * ({@code buy}) whatever its size says. Refused with the reason: entries and partial exits,
 * because a fraction of the portfolio does not say whether it adds to the position or sets its
 * total; a take-profit or trailing stop other than zero (the endpoint's "not set"), whose unit
 * its documentation does not give. The leverage is the account's, set at the broker.
 */
final class TradeEngineReader implements DialectReader {
    @Override
    public AlertDialect dialect() {
        return AlertDialect.TRADE_ENGINE;
    }

    @Override
    public boolean recognises(AlertMessage message) {
        return JsonFields.of(message).map(json -> json.has("direction") && json.has("size") && json.has("priority")
                && json.hasAny("takeprofit", "trailstop")).orElse(false);
    }

    @Override
    public List<TranslatedAlert> translate(AlertMessage message) throws AlertProblem {
        JsonFields json = JsonFields.of(message).orElseThrow();
        TranslatedAlert alert = new TranslatedAlert();
        alert.copy(json, AlertField.SYMBOL, "symbol", "ticker");
        alert.copy(json, AlertField.PRICE, "price");
        alert.copy(json, AlertField.SECRET, "secret", "passphrase");
        alert.copy(json, AlertField.TIME, "time", "timestamp");
        for (String level : List.of("takeprofit", "trailstop")) {
            Optional<String> value = json.text(level).map(String::strip).filter(v -> !v.isEmpty());
            if (value.isPresent() && !isZero(value.get())) {
                throw AlertProblem.invalid(level, "\"" + level + "\": \"" + value.get() + "\" is not read: its unit is"
                        + " not stated; give an exit price as \"take_profit\" or \"stop_loss\"");
            }
        }
        String direction = json.text("direction").orElse("").strip().toLowerCase(Locale.ROOT);
        String action = json.text("action").orElseThrow(() -> AlertProblem.invalid("action",
                "the action is missing: say \"action\": \"buy\" or \"sell\"")).strip().toLowerCase(Locale.ROOT);
        if (!action.equals("buy") && !action.equals("sell")) {
            throw AlertProblem.invalid("action", "unknown action '" + action + "': use buy or sell");
        }
        String size = json.text("size").orElse("").strip();
        if (!direction.equals("flat")) {
            if (!List.of("long", "short").contains(direction)) {
                throw AlertProblem.invalid("direction", "direction '" + direction + "' is not long, short or flat");
            }
            throw AlertProblem.invalid("size", "the size '" + size + "' is a fraction of the portfolio, and whether a "
                    + direction + " " + action + " of it adds to the position or sets its total is not said: write"
                    + " \"quantity\" with \"quantity_unit\": \"percent_equity\" to add, or a target position");
        }
        if (!size.isEmpty() && !size.toLowerCase(Locale.ROOT).startsWith("exit") && !isZero(size)) {
            throw AlertProblem.invalid("size", "direction flat ends flat, but the size '" + size + "' asks for part of"
                    + " the position: the two contradict each other");
        }
        alert.put(AlertField.ACTION, "action " + action + ", direction flat",
                action.equals("sell") ? "close_long" : "close_short");
        return List.of(alert);
    }

    private static boolean isZero(String text) {
        try {
            return new BigDecimal(text).signum() == 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}

package io.tvbridge.core.alert;

import java.util.List;
import java.util.Locale;

/**
 * Tickerly's JSON: {@code ticker}, {@code action} ({@code buy} / {@code sell}), {@code quantity},
 * {@code pointer} (which of the sender's exchange accounts; not ours to read) and
 * {@code prev_position}, the strategy's position before this order ({@code long}, {@code short},
 * {@code flat}). Tickerly tells an exit from an entry by that previous position: a {@code sell}
 * after a long closes the long (it never opens a short), a {@code buy} after a short covers it.
 */
final class TickerlyReader implements DialectReader {
    @Override
    public AlertDialect dialect() {
        return AlertDialect.TICKERLY;
    }

    @Override
    public boolean recognises(AlertMessage message) {
        return JsonFields.of(message).map(json -> json.hasAny("prev_position", "pointer")).orElse(false);
    }

    @Override
    public List<TranslatedAlert> translate(AlertMessage message) throws AlertProblem {
        JsonFields json = JsonFields.of(message).orElseThrow();
        TranslatedAlert alert = new TranslatedAlert();
        alert.copy(json, AlertField.SYMBOL, "ticker", "symbol");
        alert.copy(json, AlertField.QUANTITY, "quantity");
        alert.copy(json, AlertField.PRICE, "price");
        alert.copy(json, AlertField.SECRET, "secret", "passphrase");
        alert.copy(json, AlertField.TIME, "time", "timestamp");
        String action = json.text("action").orElseThrow(() -> AlertProblem.invalid("action",
                "the action is missing: Tickerly alerts say \"action\": \"buy\" or \"sell\"")).toLowerCase(Locale.ROOT);
        String previous = json.text("prev_position").orElse("flat").toLowerCase(Locale.ROOT);
        if (!List.of("long", "short", "flat").contains(previous)) {
            throw AlertProblem.invalid("prev_position", "prev_position '" + previous + "' is not long, short or flat");
        }
        String read = switch (action) {
            case "buy" -> previous.equals("short") ? "close_short" : "buy";
            case "sell" -> previous.equals("long") ? "close_long" : "sell";
            default -> throw AlertProblem.invalid("action", "unknown Tickerly action '" + action
                    + "': use buy or sell");
        };
        alert.put(AlertField.ACTION, "action " + action + ", prev_position " + previous, read);
        return List.of(alert);
    }
}

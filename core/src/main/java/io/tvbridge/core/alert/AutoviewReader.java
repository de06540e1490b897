package io.tvbridge.core.alert;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Autoview's commands: {@code key=value} words on one line, {@code a=} the account alias at
 * Autoview (not read), {@code e=} the exchange, {@code s=} the symbol, {@code b=} the side
 * ({@code buy}, {@code sell}, {@code long}, {@code short}), {@code q=} the quantity (units, or
 * {@code N%} of what is available: the cash for a buy, the coins held for a sell) and
 * {@code t=} the order type ({@code market}, {@code limit} with {@code fp=} its price). Other
 * keys (leverage, relative prices, stops) are refused with the key named.
 */
final class AutoviewReader implements DialectReader {
    private static final Pattern LINE = Pattern.compile("\\s*(\\w+=\\S+\\s+)+\\w+=\\S+\\s*");

    @Override
    public AlertDialect dialect() {
        return AlertDialect.AUTOVIEW;
    }

    @Override
    public boolean recognises(AlertMessage message) {
        return message.json().isEmpty() && LINE.matcher(message.text()).matches()
                && message.text().matches("(?s).*\\bb=.*") && message.text().matches("(?s).*\\bs=.*");
    }

    @Override
    public List<TranslatedAlert> translate(AlertMessage message) throws AlertProblem {
        Map<String, String> words = new LinkedHashMap<>();
        for (String word : message.text().strip().split("\\s+")) {
            String[] pair = word.split("=", 2);
            if (words.put(pair[0].toLowerCase(Locale.ROOT), pair[1]) != null) {
                throw AlertProblem.invalid(pair[0], pair[0] + "= is given twice");
            }
        }
        TranslatedAlert alert = new TranslatedAlert();
        for (Map.Entry<String, String> word : words.entrySet()) {
            String value = word.getValue();
            switch (word.getKey()) {
                case "a" -> { }
                case "e" -> alert.put(AlertField.EXCHANGE, "e", value);
                case "s" -> alert.put(AlertField.SYMBOL, "s", value);
                case "b" -> alert.put(AlertField.ACTION, "b", value);
                case "t" -> alert.put(AlertField.ORDER_TYPE, "t", value);
                case "fp" -> alert.put(AlertField.LIMIT_PRICE, "fp", value);
                case "q" -> {
                    boolean percent = value.endsWith("%");
                    alert.put(AlertField.QUANTITY, "q", percent ? value.substring(0, value.length() - 1) : value)
                            .unit(percent ? QuantityUnit.PERCENT_AVAILABLE : QuantityUnit.UNITS);
                }
                default -> throw AlertProblem.invalid(word.getKey(), "the Autoview key '" + word.getKey()
                        + "=' is not read: tvbridge reads a=, e=, s=, b=, q=, t= and fp=");
            }
        }
        return List.of(alert);
    }
}

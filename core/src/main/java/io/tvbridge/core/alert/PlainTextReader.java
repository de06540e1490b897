package io.tvbridge.core.alert;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A plain sentence: an action word, optionally a quantity in units, a symbol and optionally
 * {@code at <price>} ({@code sell BTCUSD at 97250.5}, {@code sell 5 NVDA at 120}); the price is a
 * reference, the order a market order. A bare action word ({@code BUY}) is recognised and
 * refused, since it names no symbol.
 */
final class PlainTextReader implements DialectReader {
    private static final String WORDS = "buy|sell|long|short|close|exit|cover|closelong|closeshort";
    private static final Pattern SENTENCE = Pattern.compile("(?i)(" + WORDS + ")(?:\\s+([0-9]+(?:\\.[0-9]+)?))?"
            + "\\s+([A-Za-z0-9][A-Za-z0-9._!/:-]*)(?:\\s+at\\s+([0-9]+(?:\\.[0-9]+)?))?");
    private static final Pattern WORD = Pattern.compile("(?i)" + WORDS);

    @Override
    public AlertDialect dialect() {
        return AlertDialect.PLAIN_TEXT;
    }

    @Override
    public boolean recognises(AlertMessage message) {
        return message.json().isEmpty() && (SENTENCE.matcher(message.text()).matches()
                || WORD.matcher(message.text()).matches());
    }

    @Override
    public List<TranslatedAlert> translate(AlertMessage message) throws AlertProblem {
        Matcher sentence = SENTENCE.matcher(message.text());
        if (!sentence.matches()) {
            throw AlertProblem.invalid("symbol", "'" + message.text() + "' names no symbol: write '"
                    + message.text().toLowerCase(java.util.Locale.ROOT) + " {{ticker}}', or JSON with \"symbol\"");
        }
        TranslatedAlert alert = new TranslatedAlert().put(AlertField.ACTION, "word", sentence.group(1))
                .put(AlertField.SYMBOL, "symbol", sentence.group(3));
        if (sentence.group(2) != null) {
            alert.put(AlertField.QUANTITY, "quantity", sentence.group(2));
        }
        if (sentence.group(4) != null) {
            alert.put(AlertField.PRICE, "at", sentence.group(4));
        }
        return List.of(alert);
    }
}

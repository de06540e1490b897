package io.tvbridge.core.alert;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * TradingView's own message for a strategy's order fill, sent when the alert's message is
 * left as it was: {@code <strategy> (<inputs>): order <buy|sell> @ <contracts> filled on
 * <ticker>. New strategy position is <signed size>}, alone or as the one text of a JSON
 * object. Read as the fill it reports: buy or sell that many units of the ticker. The
 * strategy's name and inputs before it are not read. It carries no secret: use the signature
 * header or the secret in the webhook's path.
 */
final class TradingViewFillReader implements DialectReader {
    private static final Pattern FILL = Pattern.compile(
            ".*\\border (buy|sell) @ ([0-9.]+) filled on (\\S+?)\\. New strategy position is (-?[0-9.]+)\\s*",
            Pattern.DOTALL | Pattern.CASE_INSENSITIVE);

    @Override
    public AlertDialect dialect() {
        return AlertDialect.TRADINGVIEW_FILL;
    }

    @Override
    public boolean recognises(AlertMessage message) {
        return sentence(message).isPresent();
    }

    @Override
    public List<TranslatedAlert> translate(AlertMessage message) {
        Matcher fill = FILL.matcher(sentence(message).orElseThrow());
        if (!fill.matches()) {
            throw new IllegalStateException("recognised before");
        }
        return List.of(new TranslatedAlert().put(AlertField.ACTION, "order", fill.group(1))
                .put(AlertField.QUANTITY, "@", fill.group(2)).put(AlertField.SYMBOL, "filled on", fill.group(3)));
    }

    private static Optional<String> sentence(AlertMessage message) {
        Optional<String> text = message.json().isEmpty() ? Optional.of(message.text())
                : JsonFields.of(message).filter(json -> json.all().size() == 1)
                .flatMap(json -> json.all().values().stream().findFirst())
                .filter(member -> member.getValue().isTextual()).map(member -> member.getValue().asText());
        return text.filter(t -> FILL.matcher(t).matches());
    }
}

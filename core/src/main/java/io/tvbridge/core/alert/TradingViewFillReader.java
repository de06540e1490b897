package io.tvbridge.core.alert;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * TradingView's own message for a strategy's order fill, sent when the alert's message is
 * left as it was: {@code <strategy> (<inputs>): order <buy|sell> @ <contracts> filled on
 * <ticker>. New strategy position is <signed size>}, alone or as the one text of a JSON
 * object. Read as the fill it reports, that many units of the ticker, in the direction the
 * position it states says: a sell that leaves the strategy long or flat only closes (part of)
 * a long and a buy that leaves it short or flat only closes (part of) a short, so an account
 * out of step with the strategy never opens the opposite side on an exit; a sell ending short
 * sells and a buy ending long buys. The strategy's name and inputs before it are not read. It
 * carries no secret: use the signature header or the secret in the webhook's path.
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
        boolean buy = fill.group(1).equalsIgnoreCase("buy");
        int after = new BigDecimal(fill.group(4)).signum();
        String action = buy ? (after > 0 ? "buy" : "close_short") : (after < 0 ? "sell" : "close_long");
        TranslatedAlert alert = new TranslatedAlert().put(AlertField.ACTION, "order, new strategy position", action)
                .put(AlertField.QUANTITY, "@", fill.group(2)).put(AlertField.SYMBOL, "filled on", fill.group(3));
        JsonFields.of(message).flatMap(json -> json.member("secret", "passphrase"))
                .ifPresent(secret -> alert.put(AlertField.SECRET, secret));
        return List.of(alert);
    }

    /** The one text member of a JSON object, the secret aside: {"secret": "...", "message": "<sentence>"}. */
    private static Optional<String> onlyText(JsonFields json) {
        List<Map.Entry<String, JsonNode>> others = json.all().values().stream()
                .filter(member -> AlertField.byName(member.getKey()).filter(f -> f == AlertField.SECRET).isEmpty())
                .toList();
        return others.size() == 1 && others.get(0).getValue().isTextual()
                ? Optional.of(others.get(0).getValue().asText()) : Optional.empty();
    }

    private static Optional<String> sentence(AlertMessage message) {
        Optional<String> text = message.json().isEmpty() ? Optional.of(message.text())
                : JsonFields.of(message).flatMap(TradingViewFillReader::onlyText);
        return text.filter(t -> FILL.matcher(t).matches());
    }
}

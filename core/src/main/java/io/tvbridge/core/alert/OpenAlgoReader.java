package io.tvbridge.core.alert;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * OpenAlgo's JSON: {@code apikey} (OpenAlgo's own key, not tvbridge's secret), {@code strategy},
 * {@code symbol}, {@code exchange} ({@code NSE}, {@code NFO}...), {@code action} ({@code BUY},
 * {@code SELL}; its strategy webhooks also use {@code SHORT} to open a short and {@code COVER}
 * to buy it back), {@code quantity} in units, {@code product} ({@code MIS} intraday,
 * {@code CNC} delivery, {@code NRML} carried futures and options: a broker attribute tvbridge
 * does not send) and {@code pricetype}: {@code MARKET}; {@code LIMIT} at {@code price};
 * {@code SL} a stop-limit triggered at {@code trigger_price} with limit {@code price};
 * {@code SL-M} a stop at {@code trigger_price}. With {@code position_size} the alert is a
 * smart order: the position to end at, whatever is held now; {@code position_size} 0 with a
 * quantity is refused, since OpenAlgo then places the plain order when nothing is held and
 * exits otherwise, a choice made on the sender's position.
 */
final class OpenAlgoReader implements DialectReader {
    @Override
    public AlertDialect dialect() {
        return AlertDialect.OPENALGO;
    }

    @Override
    public boolean recognises(AlertMessage message) {
        return JsonFields.of(message).map(json -> json.hasAny("apikey", "pricetype", "product", "trigger_price"))
                .orElse(false);
    }

    @Override
    public List<TranslatedAlert> translate(AlertMessage message) throws AlertProblem {
        JsonFields json = JsonFields.of(message).orElseThrow();
        TranslatedAlert alert = new TranslatedAlert();
        alert.copy(json, AlertField.SYMBOL, "symbol");
        alert.copy(json, AlertField.EXCHANGE, "exchange");
        if (json.text("position_size").isEmpty()) {
            alert.copy(json, AlertField.ACTION, "action");   // a smart order's side follows from its target alone
        }
        alert.copy(json, AlertField.STRATEGY, "strategy");
        alert.copy(json, AlertField.SECRET, "secret");
        Optional<String> quantity = json.text("quantity").filter(OpenAlgoReader::nonZero);
        quantity.ifPresent(q -> alert.put(AlertField.QUANTITY, "quantity", q));
        Optional<String> target = json.text("position_size");
        if (target.isPresent() && !nonZero(target.get()) && quantity.isPresent()) {
            // OpenAlgo's smart order: with position_size 0 it places the plain order when nothing is held,
            // and squares off what is held otherwise; which one depends on the position at the sender's broker
            throw AlertProblem.invalid("position_size", "position_size 0 with quantity " + quantity.get()
                    + " is a plain order when nothing is held and an exit otherwise: leave position_size out for"
                    + " the order, or give \"quantity\": \"0\" to end flat");
        }
        target.ifPresent(t -> alert.put(AlertField.POSITION_SIZE, "position_size", t));
        String type = json.text("pricetype").orElse("MARKET").toUpperCase(Locale.ROOT);
        Optional<String> price = json.text("price").filter(OpenAlgoReader::nonZero);
        Optional<String> trigger = json.text("trigger_price").filter(OpenAlgoReader::nonZero);
        switch (type) {
            case "MARKET" -> price.ifPresent(p -> alert.put(AlertField.PRICE, "price", p));
            case "LIMIT" -> alert.put(AlertField.ORDER_TYPE, "pricetype", "limit")
                    .put(AlertField.LIMIT_PRICE, "price", price.orElseThrow(() -> missing("LIMIT", "price")));
            case "SL" -> alert.put(AlertField.ORDER_TYPE, "pricetype", "stop_limit")
                    .put(AlertField.LIMIT_PRICE, "price", price.orElseThrow(() -> missing("SL", "price")))
                    .put(AlertField.STOP_PRICE, "trigger_price", trigger.orElseThrow(() -> missing("SL", "trigger_price")));
            case "SL-M" -> alert.put(AlertField.ORDER_TYPE, "pricetype", "stop")
                    .put(AlertField.STOP_PRICE, "trigger_price", trigger.orElseThrow(() -> missing("SL-M", "trigger_price")));
            default -> throw AlertProblem.invalid("pricetype", "unknown pricetype '" + type
                    + "': use MARKET, LIMIT, SL or SL-M");
        }
        return List.of(alert);
    }

    private static boolean nonZero(String text) {
        return !text.matches("0*(\\.0*)?");
    }

    private static AlertProblem missing(String type, String key) {
        return AlertProblem.invalid(key, "pricetype " + type + " needs \"" + key + "\"");
    }
}

package io.tvbridge.core.alert;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The JSON of TBOT (TradingBoat), the TradingView-to-IBKR bridge, as its Pine library builds
 * it: {@code ticker}, {@code direction} (the Pine call that made the order:
 * {@code strategy.entrylong} / {@code strategy.entryshort} open, {@code strategy.close} and
 * {@code strategy.close_all} flatten, {@code strategy.exitlong} / {@code strategy.exitshort}
 * place exit orders, {@code strategy.cancel_all} / {@code strategy.cancellong} /
 * {@code strategy.cancelshort} cancel), {@code contract} ({@code stock}, {@code forex},
 * {@code crypto}, {@code future}), {@code lastTradeDateOrContractMonth} for a future's month,
 * and {@code metrics}, a list of {@code {name, value}}: {@code qty}, {@code price}, and the
 * four order prices {@code entry.limit}, {@code entry.stop}, {@code exit.limit},
 * {@code exit.stop}, zero when unused. An entry's order type follows from which entry prices are
 * set (none: market; limit; stop; both: stop-limit); its exit prices become the bracket's
 * take-profit and stop-loss. {@code key}, {@code clientId} and {@code orderRef} address TBOT's
 * own set-up and are not read.
 *
 * <p>Refused with the reason: an exit order ({@code strategy.exitlong}...), which rests at the
 * exit prices for an earlier entry of the same {@code orderRef}; cancels of one side; a future
 * whose month is not given as {@code YYYYMM}.
 */
final class TbotReader implements DialectReader {
    private static final Pattern CONTRACT_MONTH = Pattern.compile("(20\\d\\d)(0[1-9]|1[0-2])(\\d\\d)?");
    private static final String MONTH_CODES = "FGHJKMNQUVXZ";

    @Override
    public AlertDialect dialect() {
        return AlertDialect.TBOT;
    }

    @Override
    public boolean recognises(AlertMessage message) {
        return JsonFields.of(message).map(json -> json.has("metrics") && json.text("direction")
                .filter(d -> d.toLowerCase(Locale.ROOT).startsWith("strategy.")).isPresent()).orElse(false);
    }

    @Override
    public List<TranslatedAlert> translate(AlertMessage message) throws AlertProblem {
        JsonFields json = JsonFields.of(message).orElseThrow();
        Map<String, String> metrics = metrics(json);
        TranslatedAlert alert = new TranslatedAlert();
        alert.put(AlertField.SYMBOL, "ticker", symbol(json));
        alert.copy(json, AlertField.EXCHANGE, "exchange");
        alert.copy(json, AlertField.TIME, "timestamp");
        String direction = json.text("direction").orElseThrow().strip().toLowerCase(Locale.ROOT);
        switch (direction) {
            case "strategy.entrylong", "strategy.entryshort" -> {
                alert.put(AlertField.ACTION, "direction", direction.endsWith("long") ? "buy" : "sell");
                quantity(alert, metrics);
                entryPrices(alert, metrics);
                price(metrics, "exit.limit").ifPresent(p -> alert.put(AlertField.TAKE_PROFIT, "exit.limit", p));
                price(metrics, "exit.stop").ifPresent(p -> alert.put(AlertField.STOP_LOSS, "exit.stop", p));
            }
            case "strategy.close", "strategy.close_all" -> {
                alert.put(AlertField.ACTION, "direction", "close");
                if (direction.equals("strategy.close")) {
                    quantity(alert, metrics);
                }
            }
            case "strategy.cancel_all" -> alert.put(AlertField.ACTION, "direction", "cancel");
            case "strategy.exitlong", "strategy.exitshort" -> throw AlertProblem.invalid("direction", "'" + direction
                    + "' places exit orders for an earlier entry of the same orderRef at TBOT; tvbridge attaches"
                    + " exits to the entry itself: send exit.limit / exit.stop with strategy.entrylong, or close"
                    + " with strategy.close");
            default -> throw AlertProblem.invalid("direction", "'" + direction + "' is not read: tvbridge reads"
                    + " strategy.entrylong, strategy.entryshort, strategy.close, strategy.close_all and"
                    + " strategy.cancel_all");
        }
        price(metrics, "price").ifPresent(p -> alert.put(AlertField.PRICE, "price", p));
        return List.of(alert);
    }

    /** The ticker; a future with its month apart becomes the dated contract (ES and 202403: ESH2024). */
    private static String symbol(JsonFields json) throws AlertProblem {
        String ticker = json.text("ticker").orElseThrow(() -> AlertProblem.invalid("ticker", "the ticker is missing"));
        Optional<String> month = json.text("lastTradeDateOrContractMonth").map(String::strip).filter(m -> !m.isEmpty());
        boolean future = json.text("contract").filter(c -> c.equalsIgnoreCase("future")).isPresent();
        if (month.isEmpty() || !future) {
            return ticker;
        }
        var parsed = CONTRACT_MONTH.matcher(month.get());
        if (!parsed.matches()) {
            throw AlertProblem.invalid("lastTradeDateOrContractMonth", "the contract month '" + month.get()
                    + "' is not YYYYMM: name the contract in the ticker (ESZ2026) or use the continuous one (ES1!)");
        }
        String root = ticker.strip().toUpperCase(Locale.ROOT).replaceAll("\\d*!$", "");
        return root + MONTH_CODES.charAt(Integer.parseInt(parsed.group(2)) - 1) + parsed.group(1);
    }

    private static Map<String, String> metrics(JsonFields json) throws AlertProblem {
        JsonNode list = json.member("metrics").map(Map.Entry::getValue).orElseThrow();
        if (!list.isArray()) {
            throw AlertProblem.invalid("metrics", "metrics must be a list of {\"name\", \"value\"}");
        }
        Map<String, String> values = new HashMap<>();
        for (JsonNode metric : list) {
            JsonNode name = metric.get("name");
            JsonNode value = metric.get("value");
            if (name == null || value == null || value.isContainerNode()) {
                throw AlertProblem.invalid("metrics", "each metric is {\"name\": ..., \"value\": ...}");
            }
            values.put(name.asText().toLowerCase(Locale.ROOT), value.asText());
        }
        return values;
    }

    private static void quantity(TranslatedAlert alert, Map<String, String> metrics) {
        Optional.ofNullable(metrics.get("qty")).ifPresent(q -> alert.put(AlertField.QUANTITY, "qty", q));
    }

    /** None set: market; entry.limit: limit; entry.stop: stop; both: a stop-limit. */
    private static void entryPrices(TranslatedAlert alert, Map<String, String> metrics) throws AlertProblem {
        Optional<String> limit = price(metrics, "entry.limit");
        Optional<String> stop = price(metrics, "entry.stop");
        String type = limit.isPresent() ? (stop.isPresent() ? "stop_limit" : "limit") : stop.isPresent() ? "stop" : "market";
        alert.put(AlertField.ORDER_TYPE, "entry prices", type);
        limit.ifPresent(p -> alert.put(AlertField.LIMIT_PRICE, "entry.limit", p));
        stop.ifPresent(p -> alert.put(AlertField.STOP_PRICE, "entry.stop", p));
    }

    /** A price metric, absent when missing or zero (TBOT's "not used"). */
    private static Optional<String> price(Map<String, String> metrics, String name) throws AlertProblem {
        String text = metrics.get(name);
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return new BigDecimal(text.strip()).signum() == 0 ? Optional.empty() : Optional.of(text.strip());
        } catch (NumberFormatException e) {
            throw AlertProblem.invalid(name, "the metric " + name + " is not a number: '" + text + "'");
        }
    }
}

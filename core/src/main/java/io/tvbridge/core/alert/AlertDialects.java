package io.tvbridge.core.alert;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads any alert message: repairs copy-paste damage ({@link AlertMessage}), finds the dialect
 * by asking each {@link DialectReader} in turn (the products with keys or shapes of their own
 * first, tvbridge's own last), and validates what it read with {@link AlertReader}. A JSON
 * array is several orders, each read on its own; they must share one dialect and one secret.
 * Pure: no I/O, no clock.
 */
public final class AlertDialects {
    /** Readers in the order they are asked: the most distinctive shapes first. */
    private static final List<DialectReader> READERS = List.of(new TradingViewFillReader(), new PineConnectorReader(),
            new AlertatronReader(), new AutoviewReader(), new PlainTextReader(), new WhookReader(), new ThreeCommasReader(),
            new WunderTradingReader(), new OpenAlgoReader(), new TickerlyReader(), new TradeEngineReader(), new TbotReader(),
            new TradersPostReader(),
            new TvbridgeReader());
    private static final int MAX_ORDERS = 10;

    private AlertDialects() {
    }

    public static AlertReading read(byte[] body) throws AlertProblem {
        AlertMessage message = AlertMessage.of(body);
        List<AlertMessage> parts = new ArrayList<>();
        if (message.json().filter(JsonNode::isArray).isPresent()) {
            JsonNode array = message.json().get();
            if (array.isEmpty() || array.size() > MAX_ORDERS) {
                throw AlertProblem.malformed("a JSON array holds one alert per element, 1 to " + MAX_ORDERS
                        + "; this one holds " + array.size());
            }
            for (JsonNode element : array) {
                if (!element.isObject()) {
                    throw AlertProblem.malformed("each element of the JSON array must be an alert object");
                }
                parts.add(new AlertMessage(element.toString(), Optional.of(element), List.of()));
            }
        } else {
            parts.add(message);
        }
        AlertDialect dialect = null;
        List<Alert> alerts = new ArrayList<>();
        List<Map<String, String>> fields = new ArrayList<>();
        Optional<String> secret = Optional.empty();
        for (int i = 0; i < parts.size(); i++) {
            AlertMessage part = parts.get(i);
            DialectReader reader = READERS.stream().filter(r -> r.recognises(part)).findFirst().orElseThrow();
            if (dialect != null && dialect != reader.dialect()) {
                throw AlertProblem.malformed("the orders of the array are written in two dialects (" + dialect.wireName()
                        + ", " + reader.dialect().wireName() + "): write them the same way");
            }
            dialect = reader.dialect();
            String where = parts.size() > 1 ? "order " + (i + 1) + " of the array: " : "";
            for (TranslatedAlert translated : translate(reader, part, where)) {
                alerts.add(read(translated, reader.dialect(), where));
                fields.add(describe(translated));
                Optional<String> given = translated.text(AlertField.SECRET);
                if (secret.isPresent() && given.isPresent() && !secret.equals(given)) {
                    throw AlertProblem.unauthorized("the orders of the array carry different secrets");
                }
                secret = secret.or(() -> given);
            }
        }
        return new AlertReading(dialect, alerts, fields, message.repairs(), secret);
    }

    private static List<TranslatedAlert> translate(DialectReader reader, AlertMessage message, String where)
            throws AlertProblem {
        try {
            return reader.translate(message);
        } catch (AlertProblem problem) {
            throw in(problem, reader.dialect(), where);
        }
    }

    private static Alert read(TranslatedAlert translated, AlertDialect dialect, String where) throws AlertProblem {
        try {
            return translated.read(dialect);
        } catch (AlertProblem problem) {
            throw in(problem, dialect, where);
        }
    }

    /** The refusal, saying which dialect the message was read as (tvbridge's own says nothing extra). */
    private static AlertProblem in(AlertProblem problem, AlertDialect dialect, String where) {
        String prefix = where + (dialect == AlertDialect.TVBRIDGE ? "" : "read as " + dialect.wireName() + ": ");
        return prefix.isEmpty() ? problem
                : new AlertProblem(problem.kind(), problem.field().orElse(null), prefix + problem.getMessage());
    }

    private static Map<String, String> describe(TranslatedAlert translated) {
        Map<String, String> fields = new LinkedHashMap<>();
        translated.fields().forEach((field, value) -> {
            if (field != AlertField.SECRET) {
                String from = AlertField.normalize(value.key()).equals(AlertField.normalize(field.displayName()))
                        ? "" : " (from " + value.key() + ")";
                fields.put(field.displayName(), value.text() + from);
            }
        });
        if (translated.unit() != QuantityUnit.UNITS) {
            fields.put("quantity_unit", translated.unit().wireName());
        }
        fields.putAll(translated.distances());
        return fields;
    }
}

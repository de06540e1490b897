package io.tvbridge.core.alert;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A foreign message put into tvbridge's own fields, so that every dialect is validated by
 * the one {@link AlertReader}: numbers, placeholders left unfilled, symbols, prices. Each
 * value keeps the key it came from, for refusals and the explain tool.
 */
final class TranslatedAlert {
    private final Map<AlertField, AlertBody.Value> fields = new LinkedHashMap<>();
    private Optional<QuantityUnit> unit = Optional.empty();
    private Optional<ExitDistance> stopLossDistance = Optional.empty();
    private Optional<ExitDistance> takeProfitDistance = Optional.empty();
    private final Map<AlertField, String> distanceKeys = new LinkedHashMap<>();

    /** Sets {@code field} from {@code key}'s text; a blank text sets nothing. */
    TranslatedAlert put(AlertField field, String key, String text) {
        if (text != null && !text.isBlank()) {
            fields.put(field, new AlertBody.Value(key, text.strip(), true));
        }
        return this;
    }

    TranslatedAlert put(AlertField field, Map.Entry<String, JsonNode> member) {
        fields.put(field, AlertBody.value(member.getKey(), member.getValue()));
        return this;
    }

    /** Sets {@code field} from the first of {@code names} the message has, as given. */
    TranslatedAlert copy(JsonFields json, AlertField field, String... names) {
        json.member(names).ifPresent(member -> put(field, member));
        return this;
    }

    /** Copies the fields tvbridge reads under their own names from a body. */
    TranslatedAlert putAll(AlertBody body) {
        body.fields().forEach(fields::putIfAbsent);
        return this;
    }

    /** The text given for {@code field}, if it is a single value. */
    Optional<String> text(AlertField field) {
        return Optional.ofNullable(fields.get(field)).filter(AlertBody.Value::scalar).map(AlertBody.Value::text);
    }

    /** The unit the dialect gave the quantity; units when it gave none (tvbridge's quantity_unit aside). */
    QuantityUnit unit() {
        return unit.orElse(QuantityUnit.UNITS);
    }

    boolean has(AlertField field) {
        return fields.containsKey(field);
    }

    TranslatedAlert remove(AlertField field) {
        fields.remove(field);
        return this;
    }

    /**
     * Sets a take-profit or stop-loss written relative to the entry: measured from
     * {@code entry} (the message's own price), above it or below it.
     */
    TranslatedAlert offset(AlertField leg, String key, PriceOffset offset, Optional<String> entry, boolean above)
            throws AlertProblem {
        String base = entry.orElseThrow(() -> AlertProblem.invalid(key, "'" + key + "' is " + offset
                + " from the entry, but the alert gives no entry price to measure it from: add \"price\":"
                + " \"{{close}}\", or give the " + leg.displayName() + " as a price"));
        BigDecimal price;
        try {
            price = new BigDecimal(base.strip());
        } catch (NumberFormatException e) {
            throw AlertProblem.invalid(key, "'" + key + "' is measured from the entry price, which is not a number: '"
                    + base + "'");
        }
        if (price.signum() <= 0) {
            throw AlertProblem.invalid(key, "the entry price must be greater than zero to measure '" + key + "' from");
        }
        return put(leg, key, offset.from(price, above).toPlainString());
    }

    /** An exit as a distance from the entry in {@code unit}, made a price when the order is planned. */
    TranslatedAlert distance(AlertField leg, String key, String text, ExitDistance.Unit distanceUnit)
            throws AlertProblem {
        ExitDistance distance;
        try {
            distance = new ExitDistance(new BigDecimal(text.strip()), distanceUnit);
        } catch (IllegalArgumentException e) {
            throw AlertProblem.invalid(key, "'" + key + "' must be a positive number, but is '" + text + "'");
        }
        if (leg == AlertField.STOP_LOSS) {
            stopLossDistance = Optional.of(distance);
        } else {
            takeProfitDistance = Optional.of(distance);
        }
        distanceKeys.put(leg, key);
        return this;
    }

    /** The exits given as distances, for the explain tool: tvbridge's name, the distance and its key. */
    Map<String, String> distances() {
        Map<String, String> described = new LinkedHashMap<>();
        stopLossDistance.ifPresent(d -> described.put(AlertField.STOP_LOSS.displayName(), d + " (from "
                + distanceKeys.get(AlertField.STOP_LOSS) + ")"));
        takeProfitDistance.ifPresent(d -> described.put(AlertField.TAKE_PROFIT.displayName(), d + " (from "
                + distanceKeys.get(AlertField.TAKE_PROFIT) + ")"));
        return described;
    }

    TranslatedAlert unit(QuantityUnit quantityUnit) {
        this.unit = Optional.of(quantityUnit);
        return this;
    }

    Alert read(AlertDialect dialect) throws AlertProblem {
        Alert alert = AlertReader.read(AlertBody.of(fields));
        return alert.as(unit.orElse(alert.quantityUnit()), dialect).withDistances(stopLossDistance, takeProfitDistance);
    }

    /** The fields as read, for the explain tool: tvbridge's name, the key it came from, the value. */
    Map<AlertField, AlertBody.Value> fields() {
        return Collections.unmodifiableMap(fields);   // in the order they were read
    }
}

package io.tvbridge.broker.oanda.codec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Field access for OANDA's JSON. v20 writes prices, units and money as decimal strings
 * ({@code "1.08452"}), precision fields as integers and times as RFC 3339 with nanoseconds;
 * a few fields (liquidity) come either way, so every decimal is read from a string or a number.
 * Unknown fields are ignored everywhere: OANDA adds fields without a version change.
 */
public final class OandaJson {
    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private OandaJson() {
    }

    /** Parses a reply body; an empty body is an empty object (OANDA sends none with some 429s). */
    public static JsonNode parse(String what, String body) {
        if (body == null || body.isBlank()) {
            return MAPPER.createObjectNode();
        }
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node == null || !node.isObject()) {
                throw new OandaProtocolException(what + ": expected a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new OandaProtocolException(what + ": not JSON (" + e.getOriginalMessage() + ")", e);
        }
    }

    static JsonNode member(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? MissingNode.getInstance() : value;
    }

    static Optional<String> optionalText(JsonNode node, String field) {
        JsonNode value = member(node, field);
        return value.isMissingNode() || value.asText().isEmpty() ? Optional.empty() : Optional.of(value.asText());
    }

    static String text(JsonNode node, String field, String what) {
        return optionalText(node, field).orElseThrow(() -> missing(what, field));
    }

    static Optional<BigDecimal> optionalDecimal(JsonNode node, String field, String what) {
        JsonNode value = member(node, field);
        if (value.isMissingNode()) {
            return Optional.empty();
        }
        if (value.isNumber()) {
            return Optional.of(value.decimalValue());
        }
        try {
            return Optional.of(new BigDecimal(value.asText().trim()));
        } catch (NumberFormatException e) {
            throw new OandaProtocolException(what + ": " + field + " is not a number: '" + value.asText() + "'");
        }
    }

    static BigDecimal decimal(JsonNode node, String field, String what) {
        return optionalDecimal(node, field, what).orElseThrow(() -> missing(what, field));
    }

    static int integer(JsonNode node, String field, String what) {
        JsonNode value = member(node, field);
        if (value.isMissingNode()) {
            throw missing(what, field);
        }
        if (value.canConvertToInt()) {
            return value.intValue();
        }
        try {
            return Integer.parseInt(value.asText().trim());
        } catch (NumberFormatException e) {
            throw new OandaProtocolException(what + ": " + field + " is not a whole number: '" + value.asText() + "'");
        }
    }

    static Optional<Instant> optionalTime(JsonNode node, String field, String what) {
        return optionalText(node, field).map(text -> {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw new OandaProtocolException(what + ": " + field + " is not an RFC 3339 time: '" + text + "'");
            }
        });
    }

    static Instant time(JsonNode node, String field, String what) {
        return optionalTime(node, field, what).orElseThrow(() -> missing(what, field));
    }

    private static OandaProtocolException missing(String what, String field) {
        return new OandaProtocolException(what + ": the field " + field + " is missing");
    }
}

package io.tvbridge.core.alert;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The fields of one alert body, read from JSON (strict or the loose JSON TradingView sends
 * as {@code text/plain}), form encoding ({@code a=1&b=2}) or {@code key=value} /
 * {@code key: value} lines, whatever the Content-Type said. Keys are matched to
 * {@link AlertField}s; unknown keys are kept for later use but ignored here.
 */
public final class AlertBody {
    private static final ObjectMapper LENIENT_JSON = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(64).maxNumberLength(100).maxStringLength(65_536).build())
                    .build())
            .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES, JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES,
                    JsonReadFeature.ALLOW_TRAILING_COMMA, JsonReadFeature.ALLOW_JAVA_COMMENTS,
                    JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS, JsonReadFeature.ALLOW_LEADING_PLUS_SIGN_FOR_NUMBERS,
                    JsonReadFeature.ALLOW_LEADING_DECIMAL_POINT_FOR_NUMBERS,
                    JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    /** A value as the body gave it, with the key it was given under (for messages). */
    public record Value(String key, String text, boolean scalar) {
    }

    private final Map<AlertField, Value> fields;

    private AlertBody(Map<AlertField, Value> fields) {
        this.fields = fields;
    }

    public static AlertBody parse(byte[] body) throws AlertProblem {
        return parseText(text(body));
    }

    /** The body as text: UTF-8, without a byte-order mark or surrounding white space; never empty. */
    static String text(byte[] body) throws AlertProblem {
        String text = decodeUtf8(body).strip();
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1).strip();
        }
        if (text.isEmpty()) {
            throw AlertProblem.malformed("the body is empty: put the alert's JSON in the Message box of the alert");
        }
        return text;
    }

    /** The fields of a body already decoded (see {@link #text}). */
    static AlertBody parseText(String text) throws AlertProblem {
        return named(text.startsWith("{") || text.startsWith("[") ? readJson(readTree(text)) : readPairs(text));
    }

    /** The fields of a message already read: its JSON as parsed once, else its text as pairs. */
    static AlertBody read(AlertMessage message) throws AlertProblem {
        return named(message.json().isPresent() ? readJson(message.json().get()) : readPairs(message.text()));
    }

    /** The values under tvbridge's field names; two names of one field must agree. */
    private static AlertBody named(Map<String, Value> raw) throws AlertProblem {
        Map<AlertField, Value> fields = new LinkedHashMap<>();
        for (Value value : raw.values()) {
            Optional<AlertField> field = AlertField.byName(value.key());
            if (field.isEmpty()) {
                continue;
            }
            Value earlier = fields.putIfAbsent(field.get(), value);
            if (earlier != null && !earlier.text().equals(value.text())) {
                throw AlertProblem.invalid(field.get().displayName(), "'" + earlier.key() + "' and '" + value.key()
                        + "' both give the " + field.get().displayName() + ", with different values");
            }
        }
        return new AlertBody(fields);
    }

    /** Fields a dialect reader translated into tvbridge's own names. */
    static AlertBody of(Map<AlertField, Value> fields) {
        return new AlertBody(new LinkedHashMap<>(fields));
    }

    /** The fields read, in the order the body gave them. */
    public Map<AlertField, Value> fields() {
        return java.util.Collections.unmodifiableMap(fields);
    }

    /** Reads JSON as TradingView users write it (comments, trailing commas, single quotes allowed). */
    static JsonNode readTree(String text) throws AlertProblem {
        try {
            JsonNode root = LENIENT_JSON.readTree(text);
            if (root == null) {
                throw AlertProblem.malformed("the body is not valid JSON: it holds nothing");
            }
            return root;
        } catch (JacksonException e) {
            throw AlertProblem.malformed("the body is not valid JSON: " + describe(e));
        } catch (NumberFormatException | ArithmeticException e) {
            // a number Jackson can read but not hold, such as 1e2147483648
            throw AlertProblem.malformed("the body holds a number too large or too small to be read");
        }
    }

    /** The text of a JSON value as the alert reader takes it: numbers written out, objects as JSON. */
    static Value value(String key, JsonNode node) {
        boolean scalar = node.isValueNode();
        String value = !scalar ? node.toString()
                : node.isBigDecimal() ? node.decimalValue().toPlainString()
                : node.asText();
        return new Value(key, value, scalar);
    }

    public Optional<Value> get(AlertField field) {
        return Optional.ofNullable(fields.get(field));
    }

    private static String decodeUtf8(byte[] body) throws AlertProblem {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw AlertProblem.malformed("the body is not UTF-8 text");
        }
    }

    private static Map<String, Value> readJson(JsonNode root) throws AlertProblem {
        if (!root.isObject()) {
            throw AlertProblem.malformed("the body must be a JSON object ({\"symbol\": ...}), not "
                    + root.getNodeType().name().toLowerCase());
        }
        Map<String, Value> values = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            JsonNode node = entry.getValue();
            if (node.isNull()) {
                continue;
            }
            put(values, value(entry.getKey(), node));
        }
        return values;
    }

    /** {@code a=1&b=2} (form encoding) or one {@code key=value} / {@code key: value} per line. */
    static Map<String, Value> readPairs(String text) throws AlertProblem {
        boolean form = !text.contains("\n") && text.contains("=");
        String[] parts = form ? text.split("&") : text.split("\r?\n");
        Map<String, Value> values = new LinkedHashMap<>();
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i].strip();
            if (part.isEmpty() || part.startsWith("#")) {
                continue;
            }
            int equals = part.indexOf('=');
            int colon = part.indexOf(':');
            int split = equals >= 0 && (colon < 0 || equals < colon) ? equals : colon;
            if (split <= 0) {
                throw AlertProblem.malformed(form
                        ? "the body is neither JSON nor key=value pairs"
                        : "line " + (i + 1) + " of the body is neither JSON nor 'key=value' or 'key: value'");
            }
            String key = part.substring(0, split).strip();
            String value = part.substring(split + 1).strip();
            if (form) {
                key = urlDecode(key);
                value = urlDecode(value);
            }
            put(values, new Value(key, unquote(value), true));
        }
        if (values.isEmpty()) {
            throw AlertProblem.malformed("the body holds no fields");
        }
        return values;
    }

    private static void put(Map<String, Value> values, Value value) throws AlertProblem {
        String key = AlertField.normalize(value.key());
        Value earlier = values.putIfAbsent(key, value);
        if (earlier != null && !earlier.text().equals(value.text())) {
            throw AlertProblem.invalid(value.key(), "the field '" + value.key() + "' is given twice, with different values");
        }
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                || value.startsWith("'") && value.endsWith("'"))) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }

    private static String urlDecode(String text) throws AlertProblem {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw AlertProblem.malformed("the form-encoded body has a broken % escape");
        }
    }

    private static String describe(JacksonException e) {
        String message = e.getOriginalMessage();
        int newline = message.indexOf('\n');
        if (newline >= 0) {
            message = message.substring(0, newline);
        }
        // Jackson names the setting behind a limit ("from `StreamReadConstraints.getMaxNestingDepth()`"):
        // the limit itself says enough, and the setting's name is of no use to a trader
        message = message.replaceAll(",? from `[^`]*`", "").replaceAll("`[^`]*`", "a limit");
        if (message.length() > 200) {
            message = message.substring(0, 200) + "...";
        }
        JsonLocation location = e.getLocation();
        return location == null || location.getLineNr() < 0 ? message
                : message + " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}

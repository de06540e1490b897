package io.tvbridge.core.alert;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The members of one JSON object, found by name the way {@link AlertField} matches names:
 * without regard to case, {@code _}, {@code -}, spaces or dots ({@code quantityType} is
 * {@code quantity_unit}). Null values count as absent.
 */
final class JsonFields {
    private final Map<String, Map.Entry<String, JsonNode>> members = new LinkedHashMap<>();

    private JsonFields(JsonNode object) {
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> member = it.next();
            if (!member.getValue().isNull()) {
                members.putIfAbsent(AlertField.normalize(member.getKey()), member);
            }
        }
    }

    static Optional<JsonFields> of(AlertMessage message) {
        return message.json().filter(JsonNode::isObject).map(JsonFields::new);
    }

    static JsonFields of(JsonNode object) {
        return new JsonFields(object);
    }

    boolean has(String name) {
        return members.containsKey(AlertField.normalize(name));
    }

    boolean hasAny(String... names) {
        for (String name : names) {
            if (has(name)) {
                return true;
            }
        }
        return false;
    }

    /** The first of {@code names} present: its key as written and its value. */
    Optional<Map.Entry<String, JsonNode>> member(String... names) {
        for (String name : names) {
            Map.Entry<String, JsonNode> member = members.get(AlertField.normalize(name));
            if (member != null) {
                return Optional.of(member);
            }
        }
        return Optional.empty();
    }

    /** The text of the first of {@code names} present with a single, non-blank value. */
    Optional<String> text(String... names) {
        return member(names).map(Map.Entry::getValue).filter(JsonNode::isValueNode)
                .map(node -> AlertBody.value("", node).text().strip()).filter(text -> !text.isEmpty());
    }

    /** The nested object under {@code name}, if it is one. */
    Optional<JsonFields> object(String name) {
        return member(name).map(Map.Entry::getValue).filter(JsonNode::isObject).map(JsonFields::new);
    }

    Map<String, Map.Entry<String, JsonNode>> all() {
        return members;
    }
}

package io.tvbridge.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.tvbridge.core.store.ListQuery;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Reads what an admin request sends: a JSON body of plain fields, and query parameters, each
 * checked with a 400 that names the field. Query parameters arrive as text, because JAX-RS
 * answers 404 to a number it cannot convert.
 */
final class AdminInput {
    static final int DEFAULT_LIMIT = 50;

    private final JsonNode body;

    private AdminInput(JsonNode body) {
        this.body = body;
    }

    /** The JSON object of a request body; an empty body is an empty object. */
    static AdminInput body(String text) {
        if (text == null || text.isBlank()) {
            return new AdminInput(NullNode.getInstance());
        }
        try {
            JsonNode node = Json.MAPPER.readTree(text);
            if (!node.isObject()) {
                throw invalid("the body must be a JSON object", Optional.empty());
            }
            return new AdminInput(node);
        } catch (JsonProcessingException e) {
            throw invalid("the body is not JSON: " + e.getOriginalMessage(), Optional.empty());
        }
    }

    Optional<String> text(String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isValueNode()) {
            throw invalid(field + " must be text", Optional.of(field));
        }
        return Optional.of(value.asText().strip()).filter(text -> !text.isEmpty());
    }

    String required(String field) {
        return text(field).orElseThrow(() -> invalid(field + " is required", Optional.of(field)));
    }

    boolean flag(String field) {
        JsonNode value = body.get(field);
        return value != null && (value.isBoolean() ? value.asBoolean() : "true".equalsIgnoreCase(value.asText()));
    }

    JsonNode node(String field) {
        JsonNode value = body.get(field);
        return value == null ? NullNode.getInstance() : value;
    }

    /** The filters and page of a list; {@code statuses} are those the list knows (empty: no status filter). */
    static ListQuery listQuery(String symbol, String strategy, String status, Set<String> statuses, String from,
                               String to, String limit, String offset) {
        Optional<String> wantedStatus = blank(status).map(s -> s.toLowerCase(Locale.ROOT));
        wantedStatus.ifPresent(s -> {
            if (!statuses.contains(s)) {
                throw invalid("status must be one of " + String.join(", ", statuses.stream().sorted().toList())
                        + ", not '" + s + "'", Optional.of("status"));
            }
        });
        return build(() -> new ListQuery(blank(symbol).map(s -> s.toUpperCase(Locale.ROOT)), blank(strategy),
                wantedStatus, time(from, "from"), time(to, "to"), number(limit, "limit", DEFAULT_LIMIT),
                number(offset, "offset", 0)));
    }

    static Optional<Instant> time(String text, String name) {
        try {
            return blank(text).map(Instant::parse);
        } catch (DateTimeParseException e) {
            throw invalid(name + " must be an ISO-8601 time like 2026-03-02T14:30:00Z, not '" + text + "'",
                    Optional.of(name));
        }
    }

    static int number(String text, String name, int otherwise) {
        try {
            return blank(text).map(Integer::parseInt).orElse(otherwise);
        } catch (NumberFormatException e) {
            throw invalid(name + " must be a whole number, not '" + text + "'", Optional.of(name));
        }
    }

    static Optional<String> blank(String text) {
        return Optional.ofNullable(text).map(String::strip).filter(s -> !s.isEmpty());
    }

    /** Runs {@code work}, answering 400 with its message when it refuses its input. */
    static <T> T build(Supplier<T> work) {
        try {
            return work.get();
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage(), Optional.empty());
        }
    }

    static WebApplicationException invalid(String reason, Optional<String> field) {
        return new WebApplicationException(reason, Response.status(Response.Status.BAD_REQUEST)
                .type(MediaType.APPLICATION_JSON_TYPE).entity(new ErrorBody(reason, field)).build());
    }
}

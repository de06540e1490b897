package io.tvbridge.core.alert;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An alert body as text, with the damage copy and paste does to JSON repaired where the
 * repair cannot change the meaning: typographic quotes (“ ” ‘ ’) from word processors and
 * phones, Pine's escaped quotes ({@code {\"ticker\": ...}}), quotes around the whole JSON, and
 * white space or stray punctuation after the closing brace. Each repair is listed, so that
 * the answer and the explain tool can show it. A repair is tried only when the body does
 * not read as JSON without it.
 *
 * @param text    the body, repaired
 * @param json    the body read as JSON (an object or an array), when it is JSON
 * @param repairs what was repaired, in words
 */
public record AlertMessage(String text, Optional<JsonNode> json, List<String> repairs) {
    private static final int MAX_TRAILING_PUNCTUATION = 40;

    public AlertMessage {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(json, "json");
        repairs = List.copyOf(repairs);
    }

    /** Reads a raw body; refuses only what is empty, not UTF-8, or JSON that no repair makes readable. */
    public static AlertMessage of(byte[] body) throws AlertProblem {
        return of(AlertBody.text(body));
    }

    static AlertMessage of(String body) throws AlertProblem {
        String text = body;
        List<String> repairs = new ArrayList<>();
        if (text.length() > 2 && text.startsWith("\"") && text.endsWith("\"") && text.charAt(1) == '{') {
            text = text.substring(1, text.length() - 1).replace("\\\"", "\"");
            repairs.add("read the JSON inside the quotes around it");
        }
        if (!text.startsWith("{") && !text.startsWith("[")) {
            return new AlertMessage(text, Optional.empty(), repairs);
        }
        AlertProblem first;
        try {
            return new AlertMessage(text, Optional.of(AlertBody.readTree(text)), repairs);
        } catch (AlertProblem problem) {
            first = problem;
        }
        if (text.contains("\\\"")) {
            text = text.replace("\\\"", "\"");
            repairs.add("read Pine's escaped quotes (\\\") as quotes");
        }
        if (text.chars().anyMatch(c -> c == '\u201C' || c == '\u201D' || c == '\u201E' || c == '\u2033')) {
            text = text.replace('\u201C', '"').replace('\u201D', '"').replace('\u201E', '"').replace('\u2033', '"');
            repairs.add("read the typographic quotes (\u201C \u201D) as plain quotes");
        }
        int end = closingBracket(text);
        if (end > 0 && end < text.length() - 1) {
            String rest = text.substring(end + 1).strip();
            if (!rest.chars().allMatch(c -> !Character.isLetterOrDigit(c)) || rest.length() > MAX_TRAILING_PUNCTUATION) {
                throw AlertProblem.malformed("the body has text after its JSON: '" + shorten(rest)
                        + "': remove it, or put it inside the JSON");
            }
            text = text.substring(0, end + 1);
            repairs.add("ignored '" + rest + "' after the JSON");
        }
        if (repairs.isEmpty()) {
            throw first;
        }
        try {
            return new AlertMessage(text, Optional.of(AlertBody.readTree(text)), repairs);
        } catch (AlertProblem again) {
            throw AlertProblem.malformed(again.getMessage() + " (after trying to repair it: "
                    + String.join("; ", repairs) + ")");
        }
    }

    /** The index of the bracket that closes the first one, skipping strings; -1 when it is not closed. */
    private static int closingBracket(String text) {
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static String shorten(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }
}

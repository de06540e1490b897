package io.tvbridge.core.alert.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The alert messages other people wrote ({@code shared/alerts/corpus.jsonl}, beside the
 * repository), read where they lie: found by walking up from the working directory.
 */
public final class AlertCorpus {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path RELATIVE = Path.of("shared", "alerts", "corpus.jsonl");

    private AlertCorpus() {
    }

    /** One message and what it means. */
    public record Entry(String id, String kind, byte[] body, JsonNode expect) {
        /** Whether the message is an order at all ({@code action} other than {@code none}). */
        public boolean order() {
            return !expect.path("action").asText().equals("none");
        }

        /** Whether its notes say two readings are both defensible: a bridge must refuse it. */
        public boolean ambiguous() {
            return expect.path("notes").asText().toLowerCase().contains("genuinely ambiguous");
        }

        /** TradingView's content type for the body: JSON when it parses as JSON. */
        public String contentType() {
            try {
                JSON.readTree(body);
                return "application/json";
            } catch (IOException e) {
                return "text/plain; charset=utf-8";
            }
        }

        @Override
        public String toString() {
            return id;
        }
    }

    public static Path file() {
        Path folder = Path.of("").toAbsolutePath();
        for (Path at = folder; at != null; at = at.getParent()) {
            if (Files.isRegularFile(at.resolve(RELATIVE))) {
                return at.resolve(RELATIVE);
            }
        }
        throw new IllegalStateException("shared/alerts/corpus.jsonl is in no folder above " + folder
                + ": the shared folder must sit beside the repository");
    }

    public static List<Entry> entries() {
        try {
            List<Entry> entries = new ArrayList<>();
            for (String line : Files.readAllLines(file(), StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = JSON.readTree(line);
                String body = Optional.ofNullable(node.get("rendered")).filter(n -> !n.isNull())
                        .orElse(node.get("body")).asText();
                entries.add(new Entry(node.get("id").asText(), node.get("kind").asText(),
                        body.getBytes(StandardCharsets.UTF_8), node.get("expect")));
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

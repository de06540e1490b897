package io.tvbridge.broker.ibkr.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The golden vectors: every JSON file below the vectors folder (recursively), by default
 * {@code ../shared/ibkr/vectors}, or the folder named by the system property
 * {@code tws.vectors.dir}. A gate file (a {@code serverVersionRange}) yields one case per
 * server version of its range.
 */
public final class TwsVectors {
    public static final ObjectMapper JSON = new ObjectMapper();

    /** One vector at one server version. */
    public record Case(String file, JsonNode vector, int serverVersion) {
        public String direction() {
            return vector.get("direction").asText();
        }

        public String name() {
            return vector.get("name").asText();
        }

        public byte[] bytes() {
            return HexFormat.of().parseHex(vector.get("hex").asText());
        }

        @Override
        public String toString() {
            return file + " @" + serverVersion;
        }
    }

    private TwsVectors() {
    }

    public static Path folder() {
        String override = System.getProperty("tws.vectors.dir");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        return Path.of(System.getProperty("tvbridge.shared.dir", "../../shared"), "ibkr", "vectors");
    }

    public static Stream<Case> cases(String direction) {
        Path folder = folder();
        List<Case> cases = new ArrayList<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                JsonNode vector = JSON.readTree(file.toFile());
                if (!vector.has("direction") || !direction.equals(vector.get("direction").asText())) {
                    continue;
                }
                String name = folder.relativize(file).toString();
                JsonNode range = vector.get("serverVersionRange");
                if (range != null && range.isArray()) {
                    for (int sv = range.get(0).asInt(); sv <= range.get(1).asInt(); sv++) {
                        cases.add(new Case(name, vector, sv));
                    }
                } else {
                    cases.add(new Case(name, vector, vector.get("serverVersion").asInt()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the vectors in " + folder, e);
        }
        if (cases.isEmpty()) {
            throw new IllegalStateException("no '" + direction + "' vectors in " + folder.toAbsolutePath());
        }
        return cases.stream();
    }
}

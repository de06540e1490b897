package io.tvbridge.core.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code .env} files: {@code KEY=value} lines, {@code #} comments, an optional
 * {@code export } prefix, values optionally in single or double quotes.
 */
public final class DotEnv {
    private DotEnv() {
    }

    /** The variables of {@code file}, or none when it does not exist. */
    public static Map<String, String> read(Path file) {
        return lines(file).map(lines -> parse(lines, file)).orElse(Map.of());
    }

    /** The lines of a configuration file, or empty when it does not exist. */
    static Optional<List<String>> lines(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    static Map<String, String> parse(List<String> lines, Path source) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("export ")) {
                line = line.substring("export ".length()).strip();
            }
            int equals = line.indexOf('=');
            if (equals <= 0) {
                throw new ConfigException(source + " line " + (i + 1) + " is not KEY=value");
            }
            values.put(line.substring(0, equals).strip(), value(line.substring(equals + 1).strip()));
        }
        return values;
    }

    /** A quoted value ends at its closing quote; an unquoted one at a {@code " #"} comment. */
    private static String value(String raw) {
        if (!raw.isEmpty() && (raw.charAt(0) == '"' || raw.charAt(0) == '\'')) {
            int close = raw.indexOf(raw.charAt(0), 1);
            if (close > 0) {
                return raw.substring(1, close);
            }
        }
        int comment = raw.indexOf(" #");
        return comment >= 0 ? raw.substring(0, comment).strip() : raw;
    }
}

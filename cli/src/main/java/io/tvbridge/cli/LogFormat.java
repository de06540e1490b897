package io.tvbridge.cli;

import io.tvbridge.core.config.ConfigException;
import io.tvbridge.core.config.ConfigValues;
import java.util.Locale;
import java.util.Optional;

/** How each log line is written ({@code LOG_FORMAT}): for people to read, or for a log collector. */
enum LogFormat {
    /** {@code <time> <LEVEL> <component> - <message>}, a stack trace on the lines below. */
    TEXT,
    /** One JSON object a line: time, level, logger, thread, message, instance, and the error's stack trace. */
    JSON;

    static final String LOG_FORMAT = "LOG_FORMAT";

    /** {@code LOG_FORMAT}, text when it is not set. */
    static LogFormat from(ConfigValues values) {
        return values.text(LOG_FORMAT).map(LogFormat::parse).orElse(TEXT);
    }

    static LogFormat parse(String text) {
        return lenient(text).orElseThrow(() -> new ConfigException(LOG_FORMAT + " must be text or json, but is '"
                + text + "'"));
    }

    /** The format {@code text} names, if it names one (case aside, spaces around it ignored). */
    static Optional<LogFormat> lenient(String text) {
        return switch (text == null ? "" : text.strip().toLowerCase(Locale.ROOT)) {
            case "text" -> Optional.of(TEXT);
            case "json" -> Optional.of(JSON);
            default -> Optional.empty();
        };
    }
}

package io.tvbridge.core.store.export;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How an export is written. */
public enum ExportFormat {
    /** RFC 4180: a header row, then one row per record; lines end with CRLF. */
    CSV,
    /** One JSON array of objects, named like the CSV's columns. */
    JSON;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ExportFormat> parse(String text) {
        return Arrays.stream(values()).filter(format -> format.wireName().equalsIgnoreCase(text.strip())).findFirst();
    }
}

package io.tvbridge.core.store.export;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Writes RFC 4180 CSV: a header row, CRLF line ends, and a field in double quotes (its quotes
 * doubled) when it holds a comma, a quote or a line break. Times are ISO-8601 in UTC, numbers
 * plain decimals, absent values empty.
 */
final class CsvWriter {
    private static final String LINE_END = "\r\n";

    private CsvWriter() {
    }

    static void write(ExportTable table, Writer out) throws IOException {
        line(table.columns(), out);
        for (List<Object> row : table.rows()) {
            line(row, out);
        }
        out.flush();
    }

    private static void line(List<?> values, Writer out) throws IOException {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(field(text(values.get(i))));
        }
        out.write(LINE_END);
    }

    static String field(String text) {
        boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\r') >= 0
                || text.indexOf('\n') >= 0;
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }

    /** A value as text, the same way in every format that needs text. */
    static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof Instant instant) {
            return instant.toString();   // ISO-8601 in UTC: 2026-01-05T14:30:00.123Z
        }
        if (value instanceof Enum<?> constant) {
            return constant.name().toLowerCase(Locale.ROOT);
        }
        return value.toString();
    }
}

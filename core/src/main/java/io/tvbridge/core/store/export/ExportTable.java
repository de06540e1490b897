package io.tvbridge.core.store.export;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Columns and rows to export. A value is a String, a number, a Boolean, an Instant, an enum
 * constant, or null for nothing; an {@link Optional} given to {@link #row} is unwrapped.
 */
final class ExportTable {
    private final List<String> columns;
    private final List<List<Object>> rows = new ArrayList<>();

    ExportTable(String... columns) {
        this.columns = List.of(columns);
    }

    /** Adds a row: one value per column, in the columns' order. */
    ExportTable row(Object... values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException(values.length + " values for " + columns.size() + " columns");
        }
        rows.add(Collections.unmodifiableList(Arrays.stream(values).map(ExportTable::unwrap).toList()));
        return this;
    }

    List<String> columns() {
        return columns;
    }

    List<List<Object>> rows() {
        return Collections.unmodifiableList(rows);
    }

    private static Object unwrap(Object value) {
        return value instanceof Optional<?> optional ? optional.orElse(null) : value;
    }
}

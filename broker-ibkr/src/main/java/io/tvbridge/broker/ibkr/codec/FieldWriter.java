package io.tvbridge.broker.ibkr.codec;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Collects the fields of one outgoing message in the canonical encoding of {@link TwsValues}. */
public final class FieldWriter {
    private final List<String> fields = new ArrayList<>();

    public FieldWriter(int messageId) {
        fields.add(Integer.toString(messageId));
    }

    public FieldWriter text(String value) {
        fields.add(value == null ? "" : value);
        return this;
    }

    public FieldWriter integer(int value) {
        fields.add(Integer.toString(value));
        return this;
    }

    public FieldWriter integer(long value) {
        fields.add(Long.toString(value));
        return this;
    }

    /** An int that may be unset (null → empty field). */
    public FieldWriter optionalInteger(Integer value) {
        fields.add(value == null ? "" : value.toString());
        return this;
    }

    /** A price or quantity; null is unset (an empty field). */
    public FieldWriter decimal(BigDecimal value) {
        fields.add(TwsValues.decimal(value));
        return this;
    }

    public FieldWriter bool(boolean value) {
        fields.add(value ? "1" : "0");
        return this;
    }

    /** {@code count} empty fields, for unused parts of a layout. */
    public FieldWriter empty(int count) {
        for (int i = 0; i < count; i++) {
            fields.add("");
        }
        return this;
    }

    public List<String> fields() {
        return List.copyOf(fields);
    }
}

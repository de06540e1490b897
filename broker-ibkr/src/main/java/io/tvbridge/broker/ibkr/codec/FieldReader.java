package io.tvbridge.broker.ibkr.codec;

import java.math.BigDecimal;
import java.util.List;

/** A bounds-checked cursor over the fields of one incoming message. Field 0 is the message id. */
public final class FieldReader {
    private final List<String> fields;
    private final String message;
    private int cursor;

    public FieldReader(List<String> fields, String message) {
        this.fields = fields;
        this.message = message;
        this.cursor = 1;
    }

    public String text() {
        if (cursor >= fields.size()) {
            throw new TwsProtocolException(message + ": field " + cursor + " is missing (" + fields.size()
                    + " fields)");
        }
        return fields.get(cursor++);
    }

    /** Text with TWS's {@code \}{@code uXXXX} escapes undone. */
    public String unescapedText() {
        return TwsValues.unescape(text());
    }

    public int integer() {
        return TwsValues.parseInt(text());
    }

    /** An int field whose unset sentinel (or empty) means "no value". */
    public Integer optionalInteger() {
        String text = text().strip();
        if (text.isEmpty() || text.equals(TwsValues.UNSET_INT)) {
            return null;
        }
        return TwsValues.parseInt(text);
    }

    public long longValue() {
        return TwsValues.parseLong(text());
    }

    /** A decimal or double field; null when unset. */
    public BigDecimal decimal() {
        return TwsValues.parseDecimal(text());
    }

    /** A double field where empty means zero (IB's readDouble without "max" handling). */
    public BigDecimal decimalOrZero() {
        BigDecimal value = decimal();
        return value == null ? BigDecimal.ZERO : value;
    }

    public boolean bool() {
        return TwsValues.parseBool(text());
    }

    public void skip(int count) {
        for (int i = 0; i < count; i++) {
            text();
        }
    }

    public boolean hasMore() {
        return cursor < fields.size();
    }

    public int position() {
        return cursor;
    }

    public int size() {
        return fields.size();
    }
}

package io.tvbridge.core.store.export;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What can be exported. */
public enum ExportKind {
    /** Every fill: what was bought or sold, at which price, for which commission, realizing what. */
    TRADES,
    /** Every order tvbridge planned and where it ended up at the broker. */
    ORDERS,
    /** Every alert received and what was decided about it. */
    SIGNALS;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ExportKind> parse(String text) {
        return Arrays.stream(values()).filter(kind -> kind.wireName().equalsIgnoreCase(text.strip())).findFirst();
    }
}

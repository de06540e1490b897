package io.tvbridge.broker.oanda.codec;

import java.util.Locale;

/** How a fill meets an existing position ({@code positionFill}). */
public enum OandaPositionFill {
    /** {@link #REDUCE_FIRST} on accounts without hedging, {@link #OPEN_ONLY} on accounts with hedging. */
    DEFAULT,
    /** Only opens or adds: on a hedging account a sell opens a short beside a long. */
    OPEN_ONLY,
    /** Reduces an opposite position first, then opens with what is left. */
    REDUCE_FIRST,
    /** Only reduces; what would open a position is cancelled. */
    REDUCE_ONLY;

    /** Reads {@code default}, {@code reduce-first}, {@code REDUCE_FIRST} ... */
    public static OandaPositionFill parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}

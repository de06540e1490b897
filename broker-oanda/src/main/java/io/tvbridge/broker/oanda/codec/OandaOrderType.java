package io.tvbridge.broker.oanda.codec;

/** The entry order types the bridge sends. */
public enum OandaOrderType {
    /** Fills at once at the current price, or is cancelled. */
    MARKET,
    /** Fills at the price or better. */
    LIMIT,
    /** Fills at the price or worse, once the market reaches it. */
    STOP
}

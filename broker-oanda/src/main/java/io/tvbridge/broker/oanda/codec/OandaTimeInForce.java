package io.tvbridge.broker.oanda.codec;

/** How long an OANDA order works. Market orders take only {@link #FOK} and {@link #IOC}. */
public enum OandaTimeInForce {
    /** Good till cancelled. */
    GTC,
    /** Good for the day: cancelled at 17:00 New York time. */
    GFD,
    /** Fill completely at once or cancel. */
    FOK,
    /** Fill what is possible at once and cancel the rest. */
    IOC
}

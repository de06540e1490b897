package io.tvbridge.broker.spi.model;

/** How long an order stays working at the venue. */
public enum TimeInForce {
    /** Until the end of the trading day. */
    DAY,
    /** Until filled or cancelled. */
    GTC,
    /** Fill what is possible at once, cancel the rest. */
    IOC,
    /** Fill completely at once or not at all. */
    FOK
}

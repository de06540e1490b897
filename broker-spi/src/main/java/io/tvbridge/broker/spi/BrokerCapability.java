package io.tvbridge.broker.spi;

/** An optional feature of a broker. Market orders are not optional. */
public enum BrokerCapability {
    LIMIT_ORDERS,
    STOP_ORDERS,
    STOP_LIMIT_ORDERS,
    TRAILING_STOP_ORDERS,
    /** Take-profit and stop-loss attached to an entry order. */
    BRACKET_ORDERS,
    /** Quantities that are not whole units, where the instrument allows them. */
    FRACTIONAL_QUANTITIES,
    /** Orders outside regular trading hours. */
    OUTSIDE_REGULAR_HOURS,
    SHORT_SELLING
}

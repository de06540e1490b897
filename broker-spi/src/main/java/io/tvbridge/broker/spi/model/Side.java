package io.tvbridge.broker.spi.model;

/** Direction of an order. A sell with no long position opens or adds to a short one. */
public enum Side {
    BUY,
    SELL;

    public Side opposite() {
        return switch (this) {
            case BUY -> SELL;
            case SELL -> BUY;
        };
    }

    /** +1 for a buy, -1 for a sell: the sign this side gives a position change. */
    public int sign() {
        return switch (this) {
            case BUY -> 1;
            case SELL -> -1;
        };
    }
}

package io.tvbridge.broker.spi.model;

/** How an order is priced. Each type names the prices an {@link OrderRequest} must carry. */
public enum OrderType {
    MARKET,
    LIMIT,
    STOP,
    STOP_LIMIT,
    TRAILING_STOP;

    public boolean needsLimitPrice() {
        return switch (this) {
            case LIMIT, STOP_LIMIT -> true;
            case MARKET, STOP, TRAILING_STOP -> false;
        };
    }

    public boolean needsStopPrice() {
        return switch (this) {
            case STOP, STOP_LIMIT -> true;
            case MARKET, LIMIT, TRAILING_STOP -> false;
        };
    }
}

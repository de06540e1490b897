package io.tvbridge.broker.spi;

import io.tvbridge.broker.spi.model.AssetClass;
import java.time.Instant;

/**
 * When a market trades, as tvbridge's calendar says. A broker that simulates a venue (the paper
 * broker) follows it, so that simulated orders meet the same hours as real ones; a broker in
 * front of a real venue leaves the hours to the venue.
 */
@FunctionalInterface
public interface MarketHours {

    /** Every market open at every moment: for tests, and for hosts that keep no calendar. */
    MarketHours ALWAYS_OPEN = (symbol, assetClass, at, outsideRegularHours) -> true;

    /**
     * Whether an order for {@code symbol} can trade at {@code at}: in the regular session, or also
     * in pre-market and after-hours when the order allows trading outside regular hours.
     */
    boolean isOpen(String symbol, AssetClass assetClass, Instant at, boolean outsideRegularHours);
}

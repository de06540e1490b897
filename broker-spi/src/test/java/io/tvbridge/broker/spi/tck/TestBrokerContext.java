package io.tvbridge.broker.spi.tck;

import io.tvbridge.broker.spi.BrokerContext;
import io.tvbridge.broker.spi.BrokerListener;
import io.tvbridge.broker.spi.MarketHours;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The {@link BrokerContext} a test hands a broker: its clock, its listener, a temporary state folder,
 * and market hours (every market open unless the test says otherwise).
 */
public record TestBrokerContext(Clock clock, BrokerListener listener, Path stateDirectory, MarketHours marketHours)
        implements BrokerContext {

    public TestBrokerContext(Clock clock, BrokerListener listener, Path stateDirectory) {
        this(clock, listener, stateDirectory, MarketHours.ALWAYS_OPEN);
    }
}

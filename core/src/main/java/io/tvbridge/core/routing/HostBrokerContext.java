package io.tvbridge.core.routing;

import io.tvbridge.broker.spi.BrokerContext;
import io.tvbridge.broker.spi.BrokerListener;
import io.tvbridge.broker.spi.MarketHours;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/** The {@link BrokerContext} tvbridge hands a broker it creates. */
public record HostBrokerContext(Clock clock, BrokerListener listener, Path stateDirectory, MarketHours marketHours)
        implements BrokerContext {
    public HostBrokerContext {
        Objects.requireNonNull(marketHours, "marketHours");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(stateDirectory, "stateDirectory");
    }
}

package io.tvbridge.core.routing;

import io.tvbridge.broker.spi.BrokerContext;
import io.tvbridge.broker.spi.BrokerJournal;
import io.tvbridge.broker.spi.BrokerListener;
import io.tvbridge.broker.spi.MarketHours;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The {@link BrokerContext} tvbridge hands a broker it creates.
 *
 * @param journals opens the broker's journals where tvbridge keeps them (in the database several daemons
 *                 share); empty: files in the state directory, the SPI's default
 */
public record HostBrokerContext(Clock clock, BrokerListener listener, Path stateDirectory, MarketHours marketHours,
                                Optional<Function<String, BrokerJournal>> journals)
        implements BrokerContext {
    public HostBrokerContext {
        Objects.requireNonNull(marketHours, "marketHours");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(stateDirectory, "stateDirectory");
        Objects.requireNonNull(journals, "journals");
    }

    /** With the broker's journals as files in {@code stateDirectory}. */
    public HostBrokerContext(Clock clock, BrokerListener listener, Path stateDirectory, MarketHours marketHours) {
        this(clock, listener, stateDirectory, marketHours, Optional.empty());
    }

    @Override
    public BrokerJournal journal(String name) {
        BrokerJournal.requireName(name);
        return journals.isPresent() ? journals.get().apply(name) : BrokerContext.super.journal(name);
    }
}

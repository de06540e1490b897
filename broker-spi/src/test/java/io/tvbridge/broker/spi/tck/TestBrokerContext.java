package io.tvbridge.broker.spi.tck;

import io.tvbridge.broker.spi.BrokerContext;
import io.tvbridge.broker.spi.BrokerListener;
import java.nio.file.Path;
import java.time.Clock;

/** The {@link BrokerContext} a test hands a broker: its clock, its listener, a temporary state folder. */
public record TestBrokerContext(Clock clock, BrokerListener listener, Path stateDirectory) implements BrokerContext {
}

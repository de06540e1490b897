package io.tvbridge.core.routing;

import io.tvbridge.broker.spi.Broker;
import io.tvbridge.broker.spi.BrokerCapability;
import java.util.Objects;
import java.util.Set;

/** A started broker with the name it was chosen by and the account orders go to ('' for its default). */
public record BrokerHandle(String name, String version, String account, Broker broker) {
    public BrokerHandle {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(broker, "broker");
    }

    public Set<BrokerCapability> capabilities() {
        return broker.capabilities();
    }
}

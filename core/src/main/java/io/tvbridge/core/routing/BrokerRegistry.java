package io.tvbridge.core.routing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The brokers started for this run, by name, and the default one ({@code BROKER}). Every
 * signal goes to the default today; routing a strategy or symbol elsewhere would choose
 * from here.
 */
public final class BrokerRegistry implements AutoCloseable {
    private final Map<String, BrokerHandle> brokers = new LinkedHashMap<>();
    private final BrokerHandle defaultBroker;

    public BrokerRegistry(BrokerHandle defaultBroker) {
        this.defaultBroker = Objects.requireNonNull(defaultBroker, "defaultBroker");
        brokers.put(defaultBroker.name(), defaultBroker);
    }

    public BrokerHandle defaultBroker() {
        return defaultBroker;
    }

    public Optional<BrokerHandle> byName(String name) {
        return Optional.ofNullable(brokers.get(name));
    }

    public List<BrokerHandle> all() {
        return List.copyOf(brokers.values());
    }

    @Override
    public void close() {
        brokers.values().forEach(handle -> handle.broker().close());
    }
}

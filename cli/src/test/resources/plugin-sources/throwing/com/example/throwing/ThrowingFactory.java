package com.example.throwing;

import io.tvbridge.broker.spi.Broker;
import io.tvbridge.broker.spi.BrokerConfig;
import io.tvbridge.broker.spi.BrokerContext;
import io.tvbridge.broker.spi.BrokerFactory;
import io.tvbridge.broker.spi.ConfigKey;
import java.util.List;

/** A plugin whose provider fails as it is loaded. */
public final class ThrowingFactory implements BrokerFactory {
    public ThrowingFactory() {
        throw new IllegalStateException("boom: this plugin cannot start");
    }

    @Override
    public String name() {
        return "throwing";
    }

    @Override
    public String description() {
        return "never seen";
    }

    @Override
    public List<ConfigKey> configKeys() {
        return List.of();
    }

    @Override
    public Broker create(BrokerConfig config, BrokerContext context) {
        throw new UnsupportedOperationException();
    }
}

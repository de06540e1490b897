package com.example.echo;

import io.tvbridge.broker.spi.Broker;
import io.tvbridge.broker.spi.BrokerConfig;
import io.tvbridge.broker.spi.BrokerContext;
import io.tvbridge.broker.spi.BrokerException;
import io.tvbridge.broker.spi.BrokerFactory;
import io.tvbridge.broker.spi.ConfigKey;
import java.util.List;

/** A third-party broker plugin, compiled by the test against broker-spi alone. */
public final class EchoBrokerFactory implements BrokerFactory {
    @Override
    public String name() {
        return "echo";
    }

    @Override
    public String description() {
        return "test plugin: fills every market order at its reference price";
    }

    @Override
    public String version() {
        return "7.7.7";
    }

    @Override
    public List<ConfigKey> configKeys() {
        return List.of(ConfigKey.optional("commission", "0", "commission per fill"),
                new ConfigKey("token", "a made-up credential", java.util.Optional.empty(), false, true));
    }

    @Override
    public Broker create(BrokerConfig config, BrokerContext context) throws BrokerException {
        return new EchoBroker(config.validated().decimal("commission"), context);
    }
}

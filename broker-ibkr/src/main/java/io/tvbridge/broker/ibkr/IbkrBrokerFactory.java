package io.tvbridge.broker.ibkr;

import io.tvbridge.broker.spi.Broker;
import io.tvbridge.broker.spi.BrokerConfig;
import io.tvbridge.broker.spi.BrokerContext;
import io.tvbridge.broker.spi.BrokerException;
import io.tvbridge.broker.spi.BrokerFactory;
import io.tvbridge.broker.spi.ConfigKey;
import java.util.List;

/** ServiceLoader entry of the Interactive Brokers broker. */
public final class IbkrBrokerFactory implements BrokerFactory {

    @Override
    public String name() {
        return "ibkr";
    }

    @Override
    public String description() {
        return "Interactive Brokers through TWS or IB Gateway (socket API, server versions 176-193)";
    }

    @Override
    public List<ConfigKey> configKeys() {
        return IbkrConfig.KEYS;
    }

    @Override
    public Broker create(BrokerConfig config, BrokerContext context) throws BrokerException {
        return new IbkrBroker(IbkrConfig.from(config), context);
    }
}

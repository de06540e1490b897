package io.tvbridge.broker.paper;

import io.tvbridge.broker.spi.Broker;
import io.tvbridge.broker.spi.BrokerConfig;
import io.tvbridge.broker.spi.BrokerContext;
import io.tvbridge.broker.spi.BrokerException;
import io.tvbridge.broker.spi.BrokerFactory;
import io.tvbridge.broker.spi.ConfigKey;
import java.util.List;

/** ServiceLoader entry of the paper broker. */
public final class PaperBrokerFactory implements BrokerFactory {
    public static final String NAME = "paper";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "simulated broker: fills at the alert's price, with commission, slippage, cash and positions";
    }

    @Override
    public List<ConfigKey> configKeys() {
        return PaperConfig.KEYS;
    }

    @Override
    public Broker create(BrokerConfig config, BrokerContext context) throws BrokerException {
        return new PaperBroker(PaperConfig.from(config), context);
    }
}

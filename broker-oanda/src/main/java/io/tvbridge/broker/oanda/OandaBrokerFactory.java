package io.tvbridge.broker.oanda;

import io.tvbridge.broker.spi.Broker;
import io.tvbridge.broker.spi.BrokerConfig;
import io.tvbridge.broker.spi.BrokerContext;
import io.tvbridge.broker.spi.BrokerException;
import io.tvbridge.broker.spi.BrokerFactory;
import io.tvbridge.broker.spi.ConfigKey;
import java.util.List;

/** ServiceLoader entry of the OANDA broker: {@code BROKER=oanda}. */
public final class OandaBrokerFactory implements BrokerFactory {

    @Override
    public String name() {
        return OandaConfig.BROKER;
    }

    @Override
    public String description() {
        return "OANDA v20 REST: forex and CFDs on a practice or live account";
    }

    @Override
    public List<ConfigKey> configKeys() {
        return OandaConfig.KEYS;
    }

    @Override
    public Broker create(BrokerConfig config, BrokerContext context) throws BrokerException {
        return new OandaBroker(OandaConfig.from(config), context);
    }
}

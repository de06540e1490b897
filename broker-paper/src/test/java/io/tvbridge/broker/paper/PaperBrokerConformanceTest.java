package io.tvbridge.broker.paper;

import io.tvbridge.broker.spi.Broker;
import io.tvbridge.broker.spi.model.ClientOrderId;
import io.tvbridge.broker.spi.model.InstrumentRef;
import io.tvbridge.broker.spi.model.OrderRequest;
import io.tvbridge.broker.spi.model.Side;
import io.tvbridge.broker.spi.tck.BrokerConformanceTest;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Map;

/**
 * The paper broker against the compatibility kit. Its venue is its journal in the state
 * folder; prices travel with the orders; a lost connection is {@link PaperBroker#setReachable}.
 */
class PaperBrokerConformanceTest extends BrokerConformanceTest {

    @Override
    protected Venue startVenue(Path folder) {
        return new Venue() {
            @Override
            public Map<String, String> config() {
                return Map.of("commission-per-order", "0.5", "starting-cash", "50000");
            }

            @Override
            public void setPrice(String symbol, BigDecimal price) {
                // the paper venue learns prices from the orders' reference prices
            }

            @Override
            public void disconnect(Broker broker) {
                ((PaperBroker) broker).setReachable(false);
            }

            @Override
            public void reconnect(Broker broker) {
                ((PaperBroker) broker).setReachable(true);
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    protected Rejection rejection(Broker broker, ClientOrderId id) throws Exception {
        // a market order for a symbol the paper venue has never seen a price for
        return new Rejection(OrderRequest.market(id, broker.resolve(InstrumentRef.parse("NOPRICE")), Side.BUY,
                BigDecimal.ONE), "no price is known for NOPRICE");
    }
}

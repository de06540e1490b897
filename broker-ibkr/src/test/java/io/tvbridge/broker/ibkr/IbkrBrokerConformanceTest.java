package io.tvbridge.broker.ibkr;

import io.tvbridge.broker.ibkr.fake.Behaviour;
import io.tvbridge.broker.ibkr.fake.FakeTwsServer;
import io.tvbridge.broker.spi.Broker;
import io.tvbridge.broker.spi.model.ClientOrderId;
import io.tvbridge.broker.spi.model.OrderRequest;
import io.tvbridge.broker.spi.model.Side;
import io.tvbridge.broker.spi.tck.BrokerConformanceTest;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Map;

/**
 * The IBKR broker against the compatibility kit, talking the TWS protocol to a fake TWS on
 * loopback. A lost connection is the fake dropping its sockets and refusing new ones.
 */
class IbkrBrokerConformanceTest extends BrokerConformanceTest {
    private FakeTwsServer tws;

    @Override
    protected Venue startVenue(Path folder) {
        tws = FakeTwsServer.start();
        return new Venue() {
            @Override
            public Map<String, String> config() {
                return Map.of("port", Integer.toString(tws.port()), "client-id", "7", "connect-timeout", "5",
                        "request-timeout", "5", "max-reconnect-pause", "1");
            }

            @Override
            public void setPrice(String symbol, BigDecimal price) {
                tws.price(symbol, price);
            }

            @Override
            public void disconnect(Broker broker) {
                tws.refuseConnections(true);
                tws.dropConnections();
            }

            @Override
            public void reconnect(Broker broker) {
                tws.refuseConnections(false);
            }

            @Override
            public void close() {
                tws.close();
            }
        };
    }

    @Override
    protected Rejection rejection(Broker broker, ClientOrderId id) {
        tws.onNextOrder(Behaviour.reject(201, "Order rejected - reason:The order would exceed your available funds."));
        return new Rejection(OrderRequest.market(id, instrument, Side.BUY, BigDecimal.ONE)
                .withReferencePrice(marketPrice()), "would exceed your available funds");
    }
}

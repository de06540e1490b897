package io.tvbridge.broker.oanda;

import io.tvbridge.broker.oanda.fake.FakeOandaServer;
import io.tvbridge.broker.oanda.fake.OandaFixtures;
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
 * The OANDA broker against the compatibility kit. Its venue is a stateful fake OANDA account
 * behind WireMock on loopback; a lost connection is WireMock resetting every connection.
 */
class OandaBrokerConformanceTest extends BrokerConformanceTest {

    @Override
    protected Venue startVenue(Path folder) {
        FakeOandaServer server = new FakeOandaServer();
        return new Venue() {
            @Override
            public Map<String, String> config() {
                return Map.of("token", FakeOandaServer.TOKEN, "account-id", OandaFixtures.ACCOUNT,
                        "api-url", server.url(), "stream-url", server.url(), "poll-interval", "0.1",
                        "request-timeout", "2", "retries", "1");
            }

            @Override
            public void setPrice(String symbol, BigDecimal price) {
                server.account().setPrice(symbol, price);
            }

            @Override
            public void disconnect(Broker broker) {
                server.disconnect();
            }

            @Override
            public void reconnect(Broker broker) {
                server.reconnect();
            }

            @Override
            public void close() {
                server.close();
            }
        };
    }

    @Override
    protected Rejection rejection(Broker broker, ClientOrderId id) throws Exception {
        // 90 million euros at 3.33 % margin needs far more than the account's 100,000 dollars:
        // OANDA takes the order (201) and cancels it at once
        return new Rejection(OrderRequest.market(id, broker.resolve(tradedInstrument()), Side.BUY,
                new BigDecimal("90000000")), "INSUFFICIENT_MARGIN");
    }

    @Override
    protected InstrumentRef tradedInstrument() {
        return InstrumentRef.parse("FX:EURUSD");
    }

    @Override
    protected BigDecimal marketPrice() {
        return new BigDecimal("1.10000");
    }
}

package io.tvbridge.broker.oanda;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.tvbridge.broker.oanda.fake.OandaFixtures;
import io.tvbridge.broker.spi.BrokerConfig;
import io.tvbridge.broker.spi.BrokerException;
import io.tvbridge.broker.spi.model.ConnectionEvent;
import io.tvbridge.broker.spi.tck.RecordingBrokerListener;
import io.tvbridge.broker.spi.tck.TestBrokerContext;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * WireMock on a loopback port answering as OANDA does with the recorded replies, and OANDA
 * brokers pointed at it. The account answers its summary, instruments and (empty) pending
 * orders; the transaction history is empty and no order is known, until a test says otherwise.
 * The brokers pause between tries by recording the pause instead of sleeping.
 */
final class OandaStubs implements AutoCloseable {
    static final String TOKEN = "test-token-0f9e8d7c6b5a4f3e2d1c";
    static final String ACCOUNT = "/v3/accounts/" + OandaFixtures.ACCOUNT;
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-12T14:00:00Z"), ZoneOffset.UTC);

    final WireMockServer wireMock = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    final List<Duration> pauses = new CopyOnWriteArrayList<>();
    final RecordingBrokerListener events = new RecordingBrokerListener();
    private final Path state;
    private final List<OandaBroker> brokers = new ArrayList<>();

    OandaStubs(Path state) {
        this.state = state;
        wireMock.start();
        answer(get(ACCOUNT + "/summary"), 200, "summary");
        answer(get(ACCOUNT + "/instruments"), 200, "instruments");
        answer(get(ACCOUNT + "/pendingOrders"), 200, "pending-orders-none");
        wireMock.stubFor(get(urlPathEqualTo(ACCOUNT + "/transactions/sinceid")).atPriority(10)
                .willReturn(json(200, "transactions-none")));
        wireMock.stubFor(get(urlPathMatching(ACCOUNT + "/orders/@.*")).atPriority(10)
                .willReturn(json(404, "error-no-such-order")));
    }

    String url() {
        return "http://127.0.0.1:" + wireMock.port();
    }

    /** Answers {@code request} with the recorded reply {@code fixture}. */
    void answer(MappingBuilder request, int status, String fixture) {
        wireMock.stubFor(request.willReturn(json(status, fixture)));
    }

    static ResponseDefinitionBuilder json(int status, String fixture) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withHeader("RequestID", "133157623870312461").withBody(OandaFixtures.json(fixture));
    }

    /** The transactions after {@code id} are those of {@code fixture}. */
    void history(String id, String fixture) {
        wireMock.stubFor(get(urlPathEqualTo(ACCOUNT + "/transactions/sinceid")).atPriority(5)
                .withQueryParam("id", WireMock.equalTo(id)).willReturn(json(200, fixture)));
    }

    /** A broker for the stubbed account, connected, polling every 50 ms. */
    OandaBroker connected(String... settings) throws BrokerException {
        OandaBroker broker = broker(settings);
        broker.connect();
        return broker;
    }

    /** A broker for the stubbed account; {@code settings} are key, value pairs over the defaults. */
    OandaBroker broker(String... settings) throws BrokerException {
        Map<String, String> config = new HashMap<>(Map.of("token", TOKEN, "account-id", OandaFixtures.ACCOUNT,
                "api-url", url(), "stream-url", url(), "poll-interval", "0.05", "request-timeout", "1",
                "retries", "2"));
        for (int i = 0; i < settings.length; i += 2) {
            config.put(settings[i], settings[i + 1]);
        }
        OandaBroker broker = new OandaBroker(OandaConfig.from(new BrokerConfig("oanda", config, OandaConfig.KEYS)),
                new TestBrokerContext(CLOCK, events, state), pauses::add);
        brokers.add(broker);
        return broker;
    }

    /** What the broker reported about orders, in order: fills and updates, without connection changes. */
    List<Object> orderEvents() {
        return events.events().stream().filter(event -> !(event instanceof ConnectionEvent)).toList();
    }

    @Override
    public void close() {
        brokers.forEach(OandaBroker::close);
        wireMock.stop();
    }
}

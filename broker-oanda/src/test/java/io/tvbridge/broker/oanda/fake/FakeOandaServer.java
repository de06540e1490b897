package io.tvbridge.broker.oanda.fake;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * A WireMock server on a loopback port whose every {@code /v3/...} answer comes from a
 * {@link FakeOandaAccount}, so that orders, fills and positions hold state across requests and
 * broker instances. WireMock records what it received, for tests to check, and breaks every
 * connection while {@link #disconnect()} is in force.
 */
public final class FakeOandaServer implements AutoCloseable {
    public static final String TOKEN = "fake-oanda-token-7c4b1e9d0a5f3e21";

    private final FakeOandaAccount account = new FakeOandaAccount(OandaFixtures.ACCOUNT, TOKEN);
    private final WireMockServer server;
    private StubMapping outage;

    public FakeOandaServer() {
        server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort()
                .extensions(new AccountAnswers(account)));
        server.start();
        server.stubFor(any(urlPathMatching("/v3(/.*)?")).atPriority(10)
                .willReturn(aResponse().withTransformers(AccountAnswers.NAME)));
    }

    public String url() {
        return "http://127.0.0.1:" + server.port();
    }

    public FakeOandaAccount account() {
        return account;
    }

    public WireMockServer wireMock() {
        return server;
    }

    /** Every request now has its connection reset, as when the network is down. */
    public synchronized void disconnect() {
        if (outage == null) {
            outage = server.stubFor(any(anyUrl()).atPriority(1)
                    .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        }
    }

    public synchronized void reconnect() {
        if (outage != null) {
            server.removeStub(outage);
            outage = null;
        }
    }

    @Override
    public void close() {
        server.stop();
    }

    /** Answers each request from the account's state. */
    private static final class AccountAnswers implements ResponseDefinitionTransformerV2 {
        static final String NAME = "fake-oanda-account";
        private final FakeOandaAccount account;

        AccountAnswers(FakeOandaAccount account) {
            this.account = account;
        }

        @Override
        public ResponseDefinition transform(ServeEvent serveEvent) {
            LoggedRequest request = serveEvent.getRequest();
            URI uri = URI.create(request.getUrl());
            FakeOandaAccount.Reply reply = account.handle(request.getMethod().getName(), uri.getPath(),
                    query(uri.getRawQuery()), request.getBodyAsString(), request.getHeader("Authorization"));
            return ResponseDefinitionBuilder.responseDefinition().withStatus(reply.status())
                    .withHeader("Content-Type", "application/json")
                    .withHeader("RequestID", Long.toString(System.nanoTime()))
                    .withBody(reply.body()).build();
        }

        private static Map<String, String> query(String raw) {
            Map<String, String> query = new HashMap<>();
            if (raw != null) {
                for (String pair : raw.split("&")) {
                    int equals = pair.indexOf('=');
                    if (equals > 0) {
                        query.put(pair.substring(0, equals),
                                URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
                    }
                }
            }
            return query;
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public String getName() {
            return NAME;
        }
    }
}

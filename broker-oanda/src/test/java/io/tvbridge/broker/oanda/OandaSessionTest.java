package io.tvbridge.broker.oanda;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import io.tvbridge.broker.spi.BrokerConfig;
import io.tvbridge.broker.spi.BrokerException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The HTTP conversation: headers, gzip, and when a request is tried again. */
@Timeout(30)
class OandaSessionTest {
    private static final String TOKEN = "session-token-5e4d3c2b1a";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-12T14:00:00Z"), ZoneOffset.UTC);

    private final WireMockServer oanda = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    private final List<Duration> pauses = new ArrayList<>();
    private OandaSession session;

    @BeforeEach
    void start() throws BrokerException {
        oanda.start();
        OandaConfig config = OandaConfig.from(new BrokerConfig("oanda", Map.of("token", TOKEN,
                "account-id", "101-004-8765432-001", "api-url", "http://127.0.0.1:" + oanda.port(),
                "request-timeout", "1", "retries", "2"), OandaConfig.KEYS));
        session = new OandaSession(config, pauses::add, CLOCK);
    }

    @AfterEach
    void stop() {
        oanda.stop();
    }

    @Test
    void everyRequestCarriesTheTokenAndAsksForRfc3339Times() throws Exception {
        oanda.stubFor(get("/v3/accounts").willReturn(aResponse().withBody("{\"accounts\": []}")));
        assertThat(session.get("/v3/accounts").status()).isEqualTo(200);
        oanda.verify(getRequestedFor(urlEqualTo("/v3/accounts"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("Accept-Datetime-Format", equalTo("RFC3339"))
                .withHeader("Accept-Encoding", equalTo("gzip")));
        assertThat(session.lastLatency()).isPresent();
    }

    @Test
    void aGzippedAnswerIsUnpacked() throws Exception {
        oanda.stubFor(get("/v3/accounts").willReturn(aResponse().withHeader("Content-Encoding", "gzip")
                .withBody(gzip("{\"accounts\": [{\"id\": \"101-004-8765432-001\"}]}"))));
        assertThat(session.get("/v3/accounts").body()).isEqualTo("{\"accounts\": [{\"id\": \"101-004-8765432-001\"}]}");
    }

    @Test
    void retryAfterAsAnHttpDateIsHonoured() throws Exception {
        oanda.stubFor(get("/v3/accounts").inScenario("limit").willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "Wed, 12 Mar 2025 14:00:03 GMT")).willSetStateTo("ok"));
        oanda.stubFor(get("/v3/accounts").inScenario("limit").whenScenarioStateIs("ok")
                .willReturn(aResponse().withBody("{}")));
        assertThat(session.get("/v3/accounts").status()).isEqualTo(200);
        assertThat(pauses).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void anOrderThatFailedWith5xxIsNotSentAgainAndMayHaveArrived() {
        oanda.stubFor(post("/v3/accounts/x/orders").willReturn(aResponse().withStatus(502)));
        OandaCallException unknown = catchThrowableOfType(OandaCallException.class,
                () -> session.send("POST", "/v3/accounts/x/orders", "{}"));
        assertThat(unknown.mayHaveArrived()).isTrue();
        oanda.verify(1, postRequestedFor(urlEqualTo("/v3/accounts/x/orders")));
    }

    @Test
    void anOrderWhoseConnectionBrokeMayHaveArrived() {
        oanda.stubFor(post("/v3/accounts/x/orders").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        OandaCallException unknown = catchThrowableOfType(OandaCallException.class,
                () -> session.send("POST", "/v3/accounts/x/orders", "{}"));
        assertThat(unknown.mayHaveArrived()).isTrue();
        assertThat(unknown.getMessage()).doesNotContain(TOKEN);
        oanda.verify(1, postRequestedFor(urlEqualTo("/v3/accounts/x/orders")));
    }

    @Test
    void anOrderThatFoundNoServerDidNotArriveAndIsTriedAgain() throws Exception {
        OandaConfig nowhere = OandaConfig.from(new BrokerConfig("oanda", Map.of("token", TOKEN,
                "account-id", "101-004-8765432-001", "api-url", "http://127.0.0.1:" + freePort(),
                "request-timeout", "1", "retries", "1"), OandaConfig.KEYS));
        OandaCallException refused = catchThrowableOfType(OandaCallException.class,
                () -> new OandaSession(nowhere, pauses::add, CLOCK).send("POST", "/v3/accounts/x/orders", "{}"));
        assertThat(refused.mayHaveArrived()).isFalse();
        assertThat(pauses).hasSize(1);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream zipped = new GZIPOutputStream(bytes)) {
            zipped.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }
}

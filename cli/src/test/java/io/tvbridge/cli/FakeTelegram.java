package io.tvbridge.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.matching.UrlPathPattern;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.Predicate;

/**
 * The Telegram Bot API on a loopback port (WireMock): it takes every message sent, serves the
 * updates a test "types" into a chat through {@code getUpdates}, and records everything asked.
 */
final class FakeTelegram implements AutoCloseable {
    static final String TOKEN = "123456:TEST-token_abcdef";
    static final long CHAT = 4242L;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PATH = "/bot" + TOKEN + "/";

    /** A message the bot sent. */
    record Sent(long chatId, String text, boolean silent, int answers, Instant at) {
    }

    final WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    private final AtomicInteger updates = new AtomicInteger(100);

    FakeTelegram() {
        server.start();
        server.stubFor(post(path("deleteWebhook")).willReturn(okJson("{\"ok\":true,\"result\":true}")));
        server.stubFor(post(path("setMyCommands")).willReturn(okJson("{\"ok\":true,\"result\":true}")));
        // an empty long poll, answered after a short wait so that the bot does not spin
        server.stubFor(post(path("getupdates")).atPriority(10).willReturn(okJson("{\"ok\":true,\"result\":[]}")
                .withFixedDelay(100)));
        server.stubFor(post(path("sendmessage")).atPriority(10).willReturn(okJson(
                "{\"ok\":true,\"result\":{\"message_id\":1,\"date\":1772000000,\"chat\":{\"id\":" + CHAT
                        + ",\"type\":\"private\"},\"text\":\"ok\"}}")));
    }

    static UrlPathPattern path(String method) {
        return urlPathMatching("(?i)" + PATH.replace("/", "\\/") + method);
    }

    String url() {
        return "http://127.0.0.1:" + server.port();
    }

    /** The daemon's settings for a bot aimed here, authorizing {@link #CHAT}. */
    Map<String, String> environment() {
        return Map.of("TELEGRAM_BOT_TOKEN", TOKEN, "TELEGRAM_CHAT_ID", Long.toString(CHAT), "TELEGRAM_API_URL", url());
    }

    /**
     * {@code user} types {@code text} in {@code chat}: the next poll gets it as an update. Returns
     * once the bot has taken it (its next poll asks for the updates after it), with the message's id.
     */
    int say(long chat, String user, String text) {
        return deliver(id -> "{\"message_id\":" + id + ",\"date\":1772000000,\"chat\":{\"id\":" + chat
                + ",\"type\":\"private\"},\"from\":{\"id\":" + chat + ",\"is_bot\":false,\"first_name\":\"" + user
                + "\",\"username\":\"" + user + "\"},\"text\":" + quoted(text) + "}");
    }

    /** Serves the message {@code message} builds from its id as the next update, once the bot has taken it. */
    int deliver(IntFunction<String> message) {
        int id = updates.incrementAndGet();
        String update = "{\"ok\":true,\"result\":[{\"update_id\":" + id + ",\"message\":" + message.apply(id) + "}]}";
        server.stubFor(post(path("getupdates")).atPriority(1)
                .withRequestBody(matchingJsonPath("$[?(@.offset <= " + id + ")]"))
                .willReturn(okJson(update)));
        TestDaemon.eventually("the bot took update " + id, () -> polls().stream()
                .anyMatch(poll -> poll.path("offset").asInt() > id));
        return id;
    }

    private List<JsonNode> polls() {
        return bodies("getupdates");
    }

    /** The bodies of every request for {@code method}, in order. */
    List<JsonNode> bodies(String method) {
        return server.findAll(postRequestedFor(path(method))).stream().map(FakeTelegram::body).toList();
    }

    /** Every message sent, in order. */
    List<Sent> sent() {
        return server.findAll(postRequestedFor(path("sendmessage"))).stream().map(request -> {
            JsonNode body = body(request);
            return new Sent(body.path("chat_id").asLong(), body.path("text").asText(),
                    body.path("disable_notification").asBoolean(false),
                    body.path("reply_parameters").path("message_id").asInt(0), request.getLoggedDate().toInstant());
        }).toList();
    }

    /** Waits for a message to {@code chat} whose text passes {@code test}, and returns the first. */
    Sent awaitSent(long chat, Predicate<String> test, String what) {
        TestDaemon.eventually(what, () -> sent().stream().anyMatch(s -> s.chatId() == chat && test.test(s.text())));
        return sent().stream().filter(s -> s.chatId() == chat && test.test(s.text())).findFirst().orElseThrow();
    }

    /** Says {@code text} as ana in the authorized chat and returns the answer: the message quoting it. */
    String command(String text) {
        int id = say(CHAT, "ana", text);
        TestDaemon.eventually("an answer to " + text, () -> sent().stream().anyMatch(s -> s.answers() == id));
        return sent().stream().filter(s -> s.answers() == id).map(Sent::text).findFirst().orElseThrow();
    }

    private static JsonNode body(LoggedRequest request) {
        try {
            return JSON.readTree(request.getBodyAsString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String quoted(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Answers the next {@code sendmessage} with a 429 asking to wait {@code seconds}, then as usual. */
    void throttleOnce(int seconds) {
        server.stubFor(post(path("sendmessage")).atPriority(1).inScenario("flood")
                .whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("waited")
                .willReturn(aResponse().withStatus(429).withHeader("Content-Type", "application/json")
                        .withBody("{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after "
                                + seconds + "\",\"parameters\":{\"retry_after\":" + seconds + "}}")));
    }

    @Override
    public void close() {
        server.stop();
    }
}

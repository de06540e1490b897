package io.tvbridge.cli;

import static io.tvbridge.cli.TestDaemon.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The dashboard's files and its event stream over HTTP, without a browser. */
@Timeout(60)
class DashboardEventsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    /** One Server-Sent Event: its name and its data as JSON. */
    record Event(String topic, JsonNode data) {
    }

    /** Reads an event stream on its own thread; events wait in a queue for the test. */
    static final class EventReader implements AutoCloseable {
        final HttpResponse<Stream<String>> response;
        final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        private final List<Event> received = new ArrayList<>();
        private final Thread thread;

        EventReader(TestDaemon tv) throws IOException, InterruptedException {
            HttpClient http = HttpClient.newHttpClient();
            response = http.send(HttpRequest.newBuilder(tv.uri("/admin/events"))
                    .header("X-API-Key", TestDaemon.ADMIN_KEY).GET().build(), HttpResponse.BodyHandlers.ofLines());
            thread = new Thread(this::read, "event-reader");
            thread.setDaemon(true);
            thread.start();
        }

        private void read() {
            String[] topic = {null};
            try (Stream<String> lines = response.body()) {
                lines.forEach(line -> {
                    if (line.startsWith("event: ")) {
                        topic[0] = line.substring(7);
                    } else if (line.startsWith("data: ")) {
                        try {
                            events.add(new Event(topic[0], JSON.readTree(line.substring(6))));
                        } catch (IOException e) {
                            events.add(new Event("not json: " + line, null));
                        }
                    }
                });
            } catch (RuntimeException e) {
                // the stream was cut: the test sees no more events
            }
            events.add(new Event("end", null));
        }

        /** An event of {@code topic}, received so far or within 10 s, that satisfies {@code test}. */
        Event next(String topic, Predicate<JsonNode> test) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline) {
                Event event = events.poll(100, TimeUnit.MILLISECONDS);
                if (event != null) {
                    received.add(event);
                }
                for (Event candidate : received) {
                    if (candidate.topic().equals(topic) && test.test(candidate.data())) {
                        return candidate;
                    }
                }
            }
            throw new AssertionError("no " + topic + " event as expected; saw "
                    + received.stream().map(Event::topic).toList());
        }

        @Override
        public void close() {
            thread.interrupt();
        }
    }

    @Test
    void theStreamSendsEveryTopicFirstAndThenWhatChanged() throws Exception {
        try (TestDaemon tv = TestDaemon.start(folder); EventReader reader = new EventReader(tv)) {
            assertThat(reader.response.statusCode()).isEqualTo(200);
            assertThat(reader.response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith("text/event-stream"));
            List<String> first = new ArrayList<>();
            for (String topic : List.of("status", "signals", "orders", "trades", "positions", "pnl", "pending",
                    "settings")) {
                first.add(reader.next(topic, data -> true).topic());
            }
            assertThat(first).hasSize(8);

            long id = tv.signal("\"symbol\":\"AAPL\",\"action\":\"buy\",\"quantity\":2,\"price\":100")
                    .get("signal_id").asLong();
            Event signals = reader.next("signals", data -> data.at("/items/0/id").asLong() == id);
            assertThat(signals.data().at("/items/0/decision").asText()).isEqualTo("accepted");
            Event positions = reader.next("positions", data -> data.at("/expected/0/quantity").asInt() == 2);
            assertThat(positions.data().at("/broker/0/quantity").asInt()).as("the broker read with the fill")
                    .isEqualTo(2);
            reader.next("trades", data -> data.get("total").asLong() == 1);

            tv.admin(200, "POST", "/admin/kill", "{\"actor\":\"alice\",\"reason\":\"stop\"}");
            Event status = reader.next("status", data -> data.at("/trading/kill/on").asBoolean());
            assertThat(status.data().at("/trading/kill/reason").asText()).isEqualTo("stop");
            assertThat(status.data().has("uptime_seconds")).isFalse();
        }
    }

    @Test
    void theStreamNeedsTheKeyInTheHeader() {
        try (TestDaemon tv = TestDaemon.start(folder)) {
            HttpResponse<String> none = tv.admin("GET", "/admin/events", null, null);
            HttpResponse<String> inUrl = tv.get("/admin/events?key=" + TestDaemon.ADMIN_KEY);

            assertThat(none.statusCode()).isEqualTo(401);
            assertThat(json(none).get("error").asText()).contains("X-API-Key header is missing");
            assertThat(inUrl.statusCode()).isEqualTo(401);
        }
    }

    @Test
    void theDaemonStopsPromptlyWhileADashboardListens() throws Exception {
        TestDaemon tv = TestDaemon.start(folder);
        try (EventReader reader = new EventReader(tv)) {
            reader.next("status", data -> true);
            long started = System.nanoTime();
            tv.close();
            // the server waits up to 15 s for requests in flight; the stream must not be one of them
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
            reader.next("end", data -> true);
        }
    }

    @Test
    void theDashboardIsServedFromTheJarWithAStrictPolicy() {
        try (TestDaemon tv = TestDaemon.start(folder)) {
            HttpResponse<String> page = tv.get("/ui");
            HttpResponse<String> slash = tv.get("/ui/");
            HttpResponse<String> script = tv.get("/ui/dashboard.js");
            HttpResponse<String> style = tv.get("/ui/dashboard.css");
            HttpResponse<String> missing = tv.get("/ui/secrets.txt");
            HttpResponse<String> climbing = tv.get("/ui/..%2Fadmin-openapi.json");

            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(slash.statusCode()).isEqualTo(200);
            assertThat(slash.body()).isEqualTo(page.body());
            assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html;charset=utf-8");
            assertThat(page.body()).contains("<title>tvbridge dashboard</title>").doesNotContain("http://", "https://");
            assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy ->
                    assertThat(policy).contains("default-src 'none'", "script-src 'self'", "frame-ancestors 'none'"));
            assertThat(script.statusCode()).isEqualTo(200);
            assertThat(script.headers().firstValue("Content-Type")).hasValue("text/javascript;charset=utf-8");
            assertThat(script.body()).contains("X-API-Key").doesNotContain("localStorage.setItem");
            assertThat(style.statusCode()).isEqualTo(200);
            assertThat(style.body()).contains("prefers-color-scheme: dark");
            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(json(missing).get("error").asText()).isEqualTo("the dashboard has no file 'secrets.txt'");
            assertThat(climbing.statusCode()).isIn(400, 404);
        }
    }
}

package io.tvbridge.cli;

import static io.tvbridge.cli.TestDaemon.alert;
import static io.tvbridge.cli.TestDaemon.eventually;
import static io.tvbridge.cli.TestDaemon.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tvbridge.broker.spi.BrokerException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The same alert, however often and however concurrently it arrives, places one order. */
@Timeout(60)
class DuplicateAlertTest {
    private static final int COPIES = 20;

    @TempDir
    Path folder;

    private static List<JsonNode> sendConcurrently(TestDaemon tv, String body) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(COPIES);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<JsonNode>> answers = new ArrayList<>();
            for (int i = 0; i < COPIES; i++) {
                answers.add(pool.submit(() -> {
                    go.await();
                    var response = tv.post(body);
                    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                    return json(response);
                }));
            }
            go.countDown();
            List<JsonNode> results = new ArrayList<>();
            for (Future<JsonNode> answer : answers) {
                results.add(answer.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void assertOneOrder(TestDaemon tv, List<JsonNode> answers, String symbol) throws BrokerException {
        Map<String, Long> decisions = answers.stream()
                .collect(Collectors.groupingBy(a -> a.get("decision").asText(), Collectors.counting()));
        assertThat(decisions).containsExactlyInAnyOrderEntriesOf(Map.of("accepted", 1L, "duplicate", (long) COPIES - 1));
        assertThat(answers.stream().map(a -> a.get("signal_id").asLong()).distinct()).hasSize(1);
        assertThat(answers.stream().map(a -> a.get("client_order_id").asText()).distinct()).hasSize(1);

        assertThat(tv.count("select count(*) from signals where symbol = '" + symbol + "'")).isEqualTo(1);
        assertThat(tv.count("select duplicates from signals where symbol = '" + symbol + "'")).isEqualTo(COPIES - 1);
        assertThat(tv.count("select count(*) from orders where symbol = '" + symbol + "'")).isEqualTo(1);
        eventually("the one order fills", () -> tv.count("select count(*) from positions where symbol = '"
                + symbol + "' and quantity = 3") == 1);
        assertThat(tv.paper().positions().stream().filter(p -> p.symbol().equals(symbol)))
                .singleElement().satisfies(p -> assertThat(p.quantity()).isEqualByComparingTo("3"));
    }

    @Test
    void twentyConcurrentCopiesWithAnAlertIdPlaceOneOrder() throws Exception {
        try (TestDaemon tv = TestDaemon.start(folder)) {
            String body = alert("\"symbol\":\"DUPA\",\"action\":\"buy\",\"quantity\":3,\"price\":10,\"alert_id\":\"x-1\"");
            assertOneOrder(tv, sendConcurrently(tv, body), "DUPA");
        }
    }

    @Test
    void twentyConcurrentCopiesOfTheSameBodyPlaceOneOrder() throws Exception {
        try (TestDaemon tv = TestDaemon.start(folder)) {
            String body = alert("\"symbol\":\"DUPB\",\"action\":\"buy\",\"quantity\":3,\"price\":10");
            assertOneOrder(tv, sendConcurrently(tv, body), "DUPB");
        }
    }

    @Test
    void identicalBodiesAfterTheWindowAreNewSignalsButAlertIdsNeverRepeat() throws Exception {
        try (TestDaemon tv = TestDaemon.start(folder, Map.of("DUPLICATE_WINDOW_SECONDS", "0"))) {
            String body = alert("\"symbol\":\"WIN\",\"action\":\"buy\",\"quantity\":1,\"price\":10");
            assertThat(json(tv.post(body)).get("decision").asText()).isEqualTo("accepted");
            assertThat(json(tv.post(body)).get("decision").asText()).isEqualTo("accepted");

            String withId = alert("\"symbol\":\"WIN\",\"action\":\"buy\",\"quantity\":1,\"price\":10,\"id\":\"once\"");
            assertThat(json(tv.post(withId)).get("decision").asText()).isEqualTo("accepted");
            JsonNode again = json(tv.post(withId));
            assertThat(again.get("decision").asText()).isEqualTo("duplicate");
            assertThat(again.get("reason").asText()).contains("alert_id 'once' was already received");
            assertThat(tv.count("select count(*) from orders where symbol = 'WIN'")).isEqualTo(3);
        }
    }
}

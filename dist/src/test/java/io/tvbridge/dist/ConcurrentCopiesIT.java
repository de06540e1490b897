package io.tvbridge.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fifty copies of one alert posted at the same instant (TradingView retrying, or a webhook fired
 * twice by mistake) make one signal and one order: with an alert id, and without one by the body.
 */
@Timeout(120)
class ConcurrentCopiesIT {
    private static final String SECRET = "copies-secret-0123456789abcdef";
    private static final int COPIES = 50;
    private static final Pattern ANSWER = Pattern.compile("\"signal_id\":(\\d+),\"decision\":\"(\\w+)\"");

    @TempDir
    Path folder;

    @Test
    void fiftyConcurrentCopiesOfOneAlertPlaceOneOrder() throws Exception {
        Map<String, String> env = Map.of("PORT", "0", "HOST", "127.0.0.1", "WEBHOOK_SECRET", SECRET,
                "ADMIN_API_KEY", "copies-admin-key-0123456789abcdef", "MARKET_HOURS", "always");
        List<String> withId;
        List<String> byBody;
        try (JarProcess tv = JarProcess.start(folder, env, "run")) {
            tv.awaitListening(Duration.ofSeconds(60));
            withId = postAtOnce(tv, "{\"secret\":\"" + SECRET + "\",\"symbol\":\"AAPL\",\"action\":\"buy\","
                    + "\"quantity\":1,\"price\":190,\"alert_id\":\"bar-close-1\"}");
            byBody = postAtOnce(tv, "{\"secret\":\"" + SECRET + "\",\"symbol\":\"MSFT\",\"action\":\"buy\","
                    + "\"quantity\":2,\"price\":410}");
            JarProcess.pause(1_000);
            tv.process.destroy();
            tv.exitCode(Duration.ofSeconds(30));
        }
        for (List<String> answers : List.of(withId, byBody)) {
            assertThat(answers).hasSize(COPIES);
            assertThat(answers.stream().map(a -> a.split(" ")[0]).distinct()).as("one signal").hasSize(1);
            assertThat(answers).filteredOn(a -> a.endsWith(" accepted")).hasSize(1);
            assertThat(answers).filteredOn(a -> a.endsWith(" duplicate")).hasSize(COPIES - 1);
        }
        StoredData data = new StoredData(folder.resolve("data"));
        assertThat(data.column("select symbol || ' ' || status from orders order by id"))
                .containsExactly("AAPL FILLED", "MSFT FILLED");
        assertThat(data.column("select cast(duplicates as varchar) from signals order by id"))
                .containsExactly(Integer.toString(COPIES - 1), Integer.toString(COPIES - 1));
        long placed = Files.readAllLines(folder.resolve("data/brokers/paper/paper-journal.log")).stream()
                .filter(line -> line.startsWith("event=placed")).count();
        assertThat(placed).as("orders the paper broker took").isEqualTo(2);
    }

    /** Posts {@code body} from {@value #COPIES} threads released together; returns "signal decision" of each answer. */
    private static List<String> postAtOnce(JarProcess tv, String body) throws Exception {
        ExecutorService senders = Executors.newFixedThreadPool(COPIES);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> answers = new ArrayList<>();
        for (int i = 0; i < COPIES; i++) {
            answers.add(senders.submit(() -> {
                start.await();
                var response = tv.post(body);
                Matcher matcher = ANSWER.matcher(response.body());
                if (response.statusCode() != 200 || !matcher.find()) {
                    return "HTTP " + response.statusCode() + " " + response.body();
                }
                return matcher.group(1) + " " + matcher.group(2);
            }));
        }
        start.countDown();
        List<String> result = new ArrayList<>();
        for (Future<String> answer : answers) {
            result.add(answer.get());
        }
        senders.shutdown();
        return result;
    }
}

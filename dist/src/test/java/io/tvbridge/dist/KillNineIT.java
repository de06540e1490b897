package io.tvbridge.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * An acknowledged alert survives kill -9: alerts stream in from several connections, the
 * process is killed without warning at a random moment, restarted and killed again; then
 * every acknowledged signal is in the inbox and has exactly one order, placed once at the
 * broker.
 */
@Timeout(300)
class KillNineIT {
    private static final String SECRET = "kill-nine-secret-0123456789";
    private static final int ROUNDS = 4;
    // every market open, so the test does not depend on the hour; a pace that leaves orders waiting at each kill
    private static final Map<String, String> ENV = Map.of("PORT", "0", "HOST", "127.0.0.1",
            "WEBHOOK_SECRET", SECRET, "ADMIN_API_KEY", "kill-nine-admin-key-0123456789", "MARKET_HOURS", "always",
            "MAX_ORDERS_PER_SECOND", "300");
    private static final Pattern PLACED_ID = Pattern.compile("event=placed\tid=([^\t]+)");

    @TempDir
    Path folder;

    @Test
    void acknowledgedAlertsSurviveKillNineAndAreOrderedOnce() throws Exception {
        Map<Long, String> acknowledged = new ConcurrentHashMap<>();
        AlertStream alerts = new AlertStream(SECRET, List.of("S0", "S1", "S2", "S3", "S4", "S5", "S6"), acknowledged);
        long seed = System.nanoTime();
        Random random = new Random(seed);
        System.out.println("kill -9 moments from seed " + seed);
        for (int round = 0; round < ROUNDS; round++) {
            try (JarProcess tv = JarProcess.start(folder, ENV, "run")) {
                tv.awaitListening(Duration.ofSeconds(60));
                alerts.streamFor(tv, Duration.ofMillis(300 + random.nextInt(2_500)));
                tv.kill();
            }
        }
        assertThat(acknowledged).hasSizeGreaterThan(50);

        StoredData data = new StoredData(folder.resolve("data"));
        Map<Long, String> stored = data.pairs("select id, alert_id from signals");
        assertThat(stored).containsAllEntriesOf(acknowledged);

        long orders = data.count("select count(*) from orders");
        try (JarProcess tv = JarProcess.start(folder, ENV, "run")) {
            tv.awaitListening(Duration.ofSeconds(60));
            // recovery sends whatever an earlier run decided but could not send, and looks up the rest
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!tv.get("/health").body().contains("\"orders\":\"" + orders + "\"")
                    && System.nanoTime() < deadline) {
                JarProcess.pause(200);
            }
            JarProcess.pause(500);
            tv.process.destroy();   // SIGTERM: the daemon records what is in flight, then closes the database
            tv.exitCode(Duration.ofSeconds(30));
        }
        assertThat(data.count("select count(*) from orders where status <> 'FILLED'")).isZero();
        assertThat(data.count("select count(*) from signals s where (select count(*) from orders o"
                + " where o.signal_id = s.id) <> 1")).isZero();
        assertThat(data.count("select count(*) from fills")).isEqualTo(data.count("select count(*) from orders"));

        List<String> placed = new ArrayList<>();
        for (String line : Files.readAllLines(folder.resolve("data/brokers/paper/paper-journal.log"))) {
            Matcher matcher = PLACED_ID.matcher(line);
            if (matcher.find()) {
                placed.add(matcher.group(1));
            }
        }
        assertThat(new HashSet<>(placed)).as("no order placed twice at the broker").hasSameSizeAs(placed);
        assertThat(placed).hasSize((int) data.count("select count(*) from orders"));
        System.out.printf("kill -9 x%d: %d alerts acknowledged, %d signals stored, %d orders placed once each%n",
                ROUNDS, acknowledged.size(), stored.size(), placed.size());
        assertThat(data.count("select coalesce(sum(quantity), 0) from positions")).isEqualTo(placed.size());
    }
}

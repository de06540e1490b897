package io.tvbridge.dist;

import static org.assertj.core.api.Assertions.assertThat;

import io.tvbridge.core.store.mybatis.MyBatisStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * An acknowledged alert survives kill -9: alerts stream in from several connections, the
 * process is killed without warning, and after a restart every acknowledged signal is in
 * the inbox and has exactly one order, placed once at the broker.
 */
@Timeout(300)
class KillNineIT {
    private static final String SECRET = "kill-nine-secret-0123456789";
    private static final Map<String, String> ENV = Map.of("PORT", "0", "HOST", "127.0.0.1",
            "WEBHOOK_SECRET", SECRET, "ADMIN_API_KEY", "kill-nine-admin-key-0123456789");
    private static final Pattern ACCEPTED = Pattern.compile("\"signal_id\":(\\d+),\"decision\":\"accepted\"");
    private static final Pattern PLACED_ID = Pattern.compile("event=placed\tid=([^\t]+)");

    @TempDir
    Path folder;

    @Test
    void acknowledgedAlertsSurviveKillNineAndAreOrderedOnce() throws Exception {
        Map<Long, String> acknowledged = new ConcurrentHashMap<>();
        AtomicInteger sequence = new AtomicInteger();
        for (int round = 0; round < 3; round++) {
            try (JarProcess tv = JarProcess.start(folder, ENV, "run")) {
                tv.awaitListening(Duration.ofSeconds(60));
                stream(tv, acknowledged, sequence, Duration.ofMillis(1500 + round * 500L));
                tv.kill();
            }
        }
        assertThat(acknowledged).hasSizeGreaterThan(50);

        Map<Long, String> stored = query("select id, alert_id from signals");
        assertThat(stored).containsAllEntriesOf(acknowledged);

        long orders = count("select count(*) from orders");
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
        assertThat(count("select count(*) from orders where status <> 'FILLED'")).isZero();
        assertThat(count("select count(*) from signals s where (select count(*) from orders o"
                + " where o.signal_id = s.id) <> 1")).isZero();
        assertThat(count("select count(*) from fills")).isEqualTo(count("select count(*) from orders"));

        List<String> placed = new ArrayList<>();
        for (String line : Files.readAllLines(folder.resolve("data/brokers/paper/paper-journal.log"))) {
            Matcher matcher = PLACED_ID.matcher(line);
            if (matcher.find()) {
                placed.add(matcher.group(1));
            }
        }
        assertThat(new HashSet<>(placed)).as("no order placed twice at the broker").hasSameSizeAs(placed);
        assertThat(placed).hasSize((int) count("select count(*) from orders"));
        System.out.printf("kill -9 x3: %d alerts acknowledged, %d signals stored, %d orders placed once each%n",
                acknowledged.size(), stored.size(), placed.size());
        assertThat(count("select coalesce(sum(quantity), 0) from positions")).isEqualTo(placed.size());
    }

    private static void stream(JarProcess tv, Map<Long, String> acknowledged, AtomicInteger sequence,
                               Duration duration) throws InterruptedException {
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService senders = Executors.newFixedThreadPool(8);
        for (int i = 0; i < 8; i++) {
            senders.execute(() -> {
                while (running.get()) {
                    int n = sequence.incrementAndGet();
                    String alertId = "k9-" + n;
                    try {
                        var response = tv.post("{\"secret\":\"" + SECRET + "\",\"symbol\":\"S" + (n % 7) + "\","
                                + "\"action\":\"buy\",\"quantity\":1,\"price\":10,\"alert_id\":\"" + alertId + "\"}");
                        Matcher matcher = ACCEPTED.matcher(response.body());
                        if (response.statusCode() == 200 && matcher.find()) {
                            acknowledged.put(Long.parseLong(matcher.group(1)), alertId);
                        }
                    } catch (Exception e) {
                        return;   // the process was killed: unanswered requests were never acknowledged
                    }
                }
            });
        }
        Thread.sleep(duration.toMillis());
        running.set(false);
        senders.shutdown();
    }

    private Map<Long, String> query(String sql) throws Exception {
        Map<Long, String> rows = new HashMap<>();
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                rows.put(rs.getLong(1), rs.getString(2));
            }
        }
        return rows;
    }

    private long count(String sql) throws Exception {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Only while no daemon runs: H2 lets one process hold the file. */
    private Connection connect() throws Exception {
        return DriverManager.getConnection(MyBatisStore.h2Url(folder.resolve("data")), "sa", "");
    }
}

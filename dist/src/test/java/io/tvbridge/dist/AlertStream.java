package io.tvbridge.dist;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Alerts streamed at a running daemon from several connections: buys of one unit, each with an
 * alert id of its own; the signals acknowledged as accepted are collected by signal id.
 */
final class AlertStream {
    private static final Pattern ACCEPTED = Pattern.compile("\"signal_id\":(\\d+),\"decision\":\"accepted\"");
    private static final int CONNECTIONS = 8;

    private final String secret;
    private final List<String> symbols;
    private final Map<Long, String> acknowledged;
    private final AtomicInteger sequence = new AtomicInteger();

    AlertStream(String secret, List<String> symbols, Map<Long, String> acknowledged) {
        this.secret = secret;
        this.symbols = List.copyOf(symbols);
        this.acknowledged = acknowledged;
    }

    /** Streams for {@code duration}; a request the process dies under was never acknowledged. */
    void streamFor(JarProcess tv, Duration duration) throws InterruptedException {
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService senders = Executors.newFixedThreadPool(CONNECTIONS);
        for (int i = 0; i < CONNECTIONS; i++) {
            senders.execute(() -> {
                while (running.get()) {
                    int n = sequence.incrementAndGet();
                    String alertId = "stream-" + n;
                    try {
                        var response = tv.post("{\"secret\":\"" + secret + "\",\"symbol\":\""
                                + symbols.get(n % symbols.size()) + "\",\"action\":\"buy\",\"quantity\":1,"
                                + "\"price\":10,\"alert_id\":\"" + alertId + "\"}");
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
        senders.awaitTermination(20, TimeUnit.SECONDS);
    }
}

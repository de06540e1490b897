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
        Streaming streaming = start(tv);
        Thread.sleep(duration.toMillis());
        streaming.stop();
    }

    /** Alerts being sent in the background until {@link #stop()}. */
    final class Streaming {
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final ExecutorService senders = Executors.newFixedThreadPool(CONNECTIONS);

        /** Stops sending and waits for the answers of the alerts on their way. */
        void stop() throws InterruptedException {
            running.set(false);
            senders.shutdown();
            senders.awaitTermination(20, TimeUnit.SECONDS);
        }
    }

    /** Starts streaming over {@value #CONNECTIONS} connections until the answer's {@code stop()}. */
    Streaming start(JarProcess tv) {
        Streaming streaming = new Streaming();
        for (int i = 0; i < CONNECTIONS; i++) {
            streaming.senders.execute(() -> {
                while (streaming.running.get()) {
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
        return streaming;
    }
}

package io.tvbridge.dist;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Alerts sent round-robin to several daemons, as a load balancer in front of them would: one
 * sender per symbol sends that symbol's alerts one after the other (buy 1, buy 1, sell 1, sell 1,
 * again), each with an {@code alert_id} of its own, to the next daemon in turn. An alert counts as
 * acknowledged only when a daemon answered 200 with its {@code signal_id}; a refused connection, a
 * timeout or any other answer sends the same alert (same {@code alert_id}) to the next daemon, as
 * TradingView resends an unanswered alert, until one acknowledges it. The next alert of a symbol
 * leaves only once the one before it was acknowledged.
 */
final class RoundRobinAlerts {
    private static final Pattern SIGNAL_ID = Pattern.compile("\"signal_id\":(\\d+)");
    private static final Pattern DECISION = Pattern.compile("\"decision\":\"([a-z_]+)\"");
    private static final List<String> PATTERN = List.of("buy", "buy", "sell", "sell");

    /** An alert some daemon acknowledged: its signal id and the first decision it was answered with. */
    record Ack(String alertId, String symbol, String action, long signalId, String decision, long nanoTime) {
    }

    private final String secret;
    private final String prefix;
    private final List<Integer> ports;
    private final List<String> symbols;
    private final long pauseMillis;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final AtomicInteger next = new AtomicInteger();
    private final Map<String, Ack> acknowledged = new ConcurrentHashMap<>();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong answeredOtherwise = new AtomicLong();
    private final AtomicInteger unacknowledged = new AtomicInteger();
    private final List<String> otherAnswers = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final List<Thread> senders = new ArrayList<>();
    private volatile boolean running;

    RoundRobinAlerts(String secret, String prefix, List<Integer> ports, List<String> symbols, long pauseMillis) {
        this.secret = secret;
        this.prefix = prefix;
        this.ports = List.copyOf(ports);
        this.symbols = List.copyOf(symbols);
        this.pauseMillis = pauseMillis;
    }

    void start() {
        running = true;
        for (String symbol : symbols) {
            Thread sender = new Thread(() -> send(symbol), "alerts-" + symbol);
            sender.setDaemon(true);
            senders.add(sender);
            sender.start();
        }
    }

    /** Stops after the alerts on their way; one still unacknowledged then is given up (never acknowledged). */
    void stop() throws InterruptedException {
        running = false;
        for (Thread sender : senders) {
            sender.join(30_000);
        }
    }

    /** The acknowledged alerts by alert id. */
    Map<String, Ack> acknowledged() {
        return Map.copyOf(acknowledged);
    }

    /** How many were acknowledged after {@code nanoTime}. */
    long acknowledgedAfter(long nanoTime) {
        return acknowledged.values().stream().filter(ack -> ack.nanoTime() > nanoTime).count();
    }

    String summary() {
        return acknowledged.size() + " acknowledged, " + unacknowledged.get() + " given up at the stop, "
                + refused.get() + " attempts refused or unanswered, " + answeredOtherwise.get()
                + " answered without a signal_id" + (otherAnswers.isEmpty() ? "" : " (" + otherAnswers + ")");
    }

    private void send(String symbol) {
        for (int n = 1; running; n++) {
            String action = PATTERN.get((n - 1) % PATTERN.size());
            String alertId = prefix + "-" + symbol + "-" + n;
            String body = "{\"secret\":\"" + secret + "\",\"symbol\":\"" + symbol + "\",\"action\":\"" + action
                    + "\",\"quantity\":1,\"price\":10,\"alert_id\":\"" + alertId + "\"}";
            if (!sendUntilAcknowledged(symbol, action, alertId, body)) {
                unacknowledged.incrementAndGet();
                return;
            }
            JarProcess.pause(pauseMillis);
        }
    }

    private boolean sendUntilAcknowledged(String symbol, String action, String alertId, String body) {
        int tried = 0;
        while (running) {
            int port = ports.get(Math.floorMod(next.getAndIncrement(), ports.size()));
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + port + "/webhook")).timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(), HttpResponse.BodyHandlers.ofString());
                Matcher signal = SIGNAL_ID.matcher(response.body());
                if (response.statusCode() == 200 && signal.find()) {
                    Matcher decision = DECISION.matcher(response.body());
                    acknowledged.put(alertId, new Ack(alertId, symbol, action, Long.parseLong(signal.group(1)),
                            decision.find() ? decision.group(1) : "", System.nanoTime()));
                    return true;
                }
                if (answeredOtherwise.incrementAndGet() <= 3) {
                    otherAnswers.add(response.statusCode() + " " + response.body());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (Exception e) {
                refused.incrementAndGet();   // not listening, killed under the request, or no answer in time
            }
            if (++tried % ports.size() == 0) {
                JarProcess.pause(100);   // none of them took it: try the round again shortly
            }
        }
        return false;
    }
}

package io.tvbridge.dist;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Alerts sent to a daemon of several accounts, and what each account answered: one at a time,
 * or streamed from a few connections until stopped, each with an alert id of its own. An alert
 * an account accepted with its orders' ids is acknowledged for that account.
 */
final class RoutedAlerts {
    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /** One alert: its fields as the webhook reads them, without the secret. */
    record Alert(String alertId, String symbol, String action, BigDecimal quantity, BigDecimal price,
                 Optional<String> strategy, Optional<String> account) {
        Alert named(String name) {
            return new Alert(alertId, symbol, action, quantity, price, strategy, Optional.of(name));
        }
    }

    /** What became of an alert in one account: its decision, and for one it stored, the signal and its orders. */
    record Taken(String account, String alertId, long signalId, String decision, Optional<String> reason,
                 List<String> clientOrderIds) {
        boolean acknowledged() {
            return decision.equals("accepted") && !clientOrderIds.isEmpty();
        }
    }

    /** The webhook's answer: its status, its body, and each account's part of it. */
    record Answer(int status, JsonNode body, List<Taken> accounts) {
        List<String> accountNames() {
            return accounts.stream().map(Taken::account).toList();
        }

        Taken only() {
            if (accounts.size() != 1) {
                throw new AssertionError("not one account: " + body);
            }
            return accounts.get(0);
        }
    }

    private final String secret;
    /** Every account's acknowledged alerts, by account and alert id. */
    private final Map<String, Map<String, Taken>> acknowledged = new ConcurrentHashMap<>();
    private final AtomicInteger sequence = new AtomicInteger();

    RoutedAlerts(String secret) {
        this.secret = secret;
    }

    static Alert buy(String alertId, String symbol, String quantity, String price) {
        return new Alert(alertId, symbol, "buy", new BigDecimal(quantity), new BigDecimal(price), Optional.empty(),
                Optional.empty());
    }

    static Alert ema(String alertId, String action, String symbol, String quantity, String price) {
        return new Alert(alertId, symbol, action, new BigDecimal(quantity), new BigDecimal(price), Optional.of("ema"),
                Optional.empty());
    }

    /** Sends one alert and reads the answer; what an account acknowledged is remembered. */
    Answer send(JarProcess tv, Alert alert) throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode().put("secret", secret).put("symbol", alert.symbol())
                .put("action", alert.action()).put("quantity", alert.quantity()).put("price", alert.price())
                .put("alert_id", alert.alertId());
        alert.strategy().ifPresent(strategy -> body.put("strategy", strategy));
        alert.account().ifPresent(account -> body.put("account", account));
        var response = tv.post(body.toString());
        JsonNode answer = JSON.readTree(response.body());
        List<Taken> accounts = new ArrayList<>();
        for (JsonNode account : answer.path("accounts")) {
            List<String> ids = new ArrayList<>();
            account.path("client_order_ids").forEach(id -> ids.add(id.asText()));
            Taken taken = new Taken(account.path("account").asText(), alert.alertId(),
                    account.path("signal_id").asLong(0), account.path("decision").asText(),
                    Optional.ofNullable(account.get("reason")).map(JsonNode::asText), List.copyOf(ids));
            accounts.add(taken);
            if (response.statusCode() == 200 && taken.acknowledged()) {
                acknowledged.computeIfAbsent(taken.account(), name -> new ConcurrentHashMap<>())
                        .put(alert.alertId(), taken);
            }
        }
        return new Answer(response.statusCode(), answer, List.copyOf(accounts));
    }

    /** The alerts {@code account} acknowledged, by alert id. */
    Map<String, Taken> acknowledged(String account) {
        return Map.copyOf(acknowledged.getOrDefault(account, Map.of()));
    }

    /** Alerts being sent in the background until {@link #stop()}. */
    final class Streaming {
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final ExecutorService senders;

        private Streaming(int connections) {
            senders = Executors.newFixedThreadPool(connections);
        }

        /** Stops sending and waits for the answers of the alerts on their way. */
        void stop() throws InterruptedException {
            running.set(false);
            senders.shutdown();
            senders.awaitTermination(20, TimeUnit.SECONDS);
        }
    }

    /**
     * Streams the alerts {@code next} makes of a sequence number, over {@code connections}
     * connections with {@code pauseMillis} between two alerts of one; a request the process
     * dies under was never acknowledged.
     */
    Streaming stream(JarProcess tv, int connections, long pauseMillis, IntFunction<Alert> next) {
        Streaming streaming = new Streaming(connections);
        for (int i = 0; i < connections; i++) {
            streaming.senders.execute(() -> {
                while (streaming.running.get()) {
                    try {
                        send(tv, next.apply(sequence.incrementAndGet()));
                        Thread.sleep(pauseMillis);
                    } catch (IOException | InterruptedException e) {
                        return;   // the process was killed: the alerts on their way were not acknowledged
                    }
                }
            });
        }
        return streaming;
    }
}

package io.tvbridge.bench;

import io.tvbridge.broker.ibkr.fake.FakeTwsServer;
import io.tvbridge.cli.bench.LoadPlan;
import io.tvbridge.cli.bench.Reply;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Webhook to the wire: tvbridge.jar with {@code BROKER=ibkr} against the fake TWS (the real wire
 * protocol on loopback), in this process. An order's latency runs from the moment its alert was
 * due to be sent (its HTTP request started then, or would have had the sender kept up) to the
 * moment the fake TWS read the PLACE_ORDER frame whose orderRef is the client order id the
 * webhook answered; both times come from this process's {@link System#nanoTime()}. A second
 * figure runs from the moment the answer reached the load generator to the same PLACE_ORDER: the
 * sender's share, without the webhook's (0 when the order was on the wire before the answer arrived).
 */
@Command(name = "wire", mixinStandardHelpOptions = true,
        description = "Webhook to PLACE_ORDER on the wire at a fake TWS: p50/p99 at fixed rates and as fast as possible.")
final class WireLatency implements Callable<Integer> {
    private static final Duration START = Duration.ofSeconds(60);
    /** How long the orders of a run may take to arrive after its last alert; the next run starts only then. */
    private static final Duration ORDERS_ARRIVE = Duration.ofMinutes(10);
    private static final Pattern CLIENT_ORDER_ID = Pattern.compile("\"client_order_id\"\\s*:\\s*\"([^\"]+)\"");
    /** Stocks the fake TWS knows. */
    private static final List<String> SYMBOLS = List.of("AAPL", "MSFT", "IBM", "SPY");

    @Mixin
    HarnessOptions options;

    @Option(names = "--rates", split = ",", defaultValue = "100,1000,0",
            description = "alerts a second for each run, 0 for as fast as possible (default 100,1000,0)")
    List<Integer> rates;

    @Option(names = "--connections", defaultValue = "8", description = "connections (default 8)")
    int connections;

    @Option(names = "--seconds", defaultValue = "20", description = "measured seconds of each run (default 20)")
    int seconds;

    @Option(names = "--warmup-seconds", defaultValue = "5", description = "warm-up of each run (default 5)")
    int warmupSeconds;

    @Option(names = "--max-orders-per-second", defaultValue = "0", description = "tvbridge's MAX_ORDERS_PER_SECOND"
            + " (default 0: not paced, so that what is measured is tvbridge's own latency, not its pace)")
    int maxOrdersPerSecond;

    @Option(names = "--ibkr-max-messages-per-second", defaultValue = "1000", description = "IBKR_MAX_MESSAGES_PER_SECOND"
            + " (default 1000; IB allows an account its market data lines / 2 a second, 50 with the usual 100)")
    int ibkrMessagesPerSecond;

    @Override
    public Integer call() throws InterruptedException {
        System.out.println("wire: " + Machine.describe());
        Map<String, Long> readAt = new ConcurrentHashMap<>();
        try (FakeTwsServer tws = FakeTwsServer.start().onPlaceOrderRead(readAt::put);
             DaemonProcess tvbridge = DaemonProcess.start(options.jar, options.work().resolve("tvbridge-ibkr"),
                     HarnessOptions.paperDaemon(Map.of("BROKER", "ibkr", "IBKR_PORT", Integer.toString(tws.port()),
                             "IBKR_CLIENT_ID", "1", "IBKR_MAX_MESSAGES_PER_SECOND",
                             Integer.toString(ibkrMessagesPerSecond), "MAX_ORDERS_PER_SECOND",
                             Integer.toString(maxOrdersPerSecond), "MAX_OUTSTANDING_ORDERS", "0")),
                     options.javaOptions, "run")) {
            tvbridge.awaitListening(START);
            tvbridge.awaitReady(START);
            for (int rate : rates) {
                measure(tvbridge, rate, readAt);
            }
            tvbridge.stop(Duration.ofMinutes(5));
        }
        System.out.println("after: " + Machine.load() + "; data and logs in " + options.work());
        return 0;
    }

    private void measure(DaemonProcess tvbridge, int rate, Map<String, Long> readAt) throws InterruptedException {
        Map<String, Long> dueAt = new ConcurrentHashMap<>();
        Map<String, Long> answeredAt = new ConcurrentHashMap<>();
        LoadPlan plan = Load.plan(tvbridge.url(), rate, connections, Duration.ofSeconds(seconds),
                Duration.ofSeconds(warmupSeconds), SYMBOLS);
        Load load = Load.run(plan, (index, intendedNanos, endNanos, reply) -> {
            if (reply instanceof Reply.Answered answered && answered.status() == 200) {
                Matcher id = CLIENT_ORDER_ID.matcher(answered.body());
                if (id.find()) {
                    dueAt.put(id.group(1), intendedNanos);
                    answeredAt.put(id.group(1), endNanos);
                }
            }
        });
        long lastAlert = System.nanoTime();
        long deadline = lastAlert + ORDERS_ARRIVE.toNanos();
        while (!readAt.keySet().containsAll(dueAt.keySet()) && System.nanoTime() < deadline) {
            DaemonProcess.pause(50);
        }
        double drainSeconds = (System.nanoTime() - lastAlert) / 1e9;
        dueAt.values().removeIf(due -> due < load.result().measureFromNanos());
        Histogram latency = histogram();
        Histogram afterAnswer = histogram();
        long missing = 0;
        for (Map.Entry<String, Long> order : dueAt.entrySet()) {
            Long read = readAt.get(order.getKey());
            if (read == null) {
                missing++;
            } else {
                latency.recordValue(Math.max(latency.getLowestDiscernibleValue(), read - order.getValue()));
                afterAnswer.recordValue(Math.max(afterAnswer.getLowestDiscernibleValue(),
                        read - answeredAt.get(order.getKey())));
            }
        }
        String label = rate == 0 ? "as fast as possible" : rate + " alerts/s";
        System.out.println(load.report("tvbridge, ibkr broker at a fake TWS, DRY_RUN off").text());
        System.out.printf(Locale.ROOT, "webhook -> PLACE_ORDER read by the fake TWS, %s, %d connections: %d orders"
                        + " (%.1f/s), p50 %.3f ms, p90 %.3f ms, p99 %.3f ms, p99.9 %.3f ms, max %.3f ms; the last"
                        + " arrived %.1f s after the last answer; %d never arrived%n", label, connections,
                latency.getTotalCount(), latency.getTotalCount() / load.result().measuredSeconds(),
                millis(latency, 50), millis(latency, 90), millis(latency, 99), millis(latency, 99.9),
                latency.getMaxValue() / 1e6, drainSeconds, missing);
        System.out.printf(Locale.ROOT, "webhook's answer -> PLACE_ORDER read by the fake TWS, %s: p50 %.3f ms,"
                        + " p90 %.3f ms, p99 %.3f ms, p99.9 %.3f ms, max %.3f ms%n%n", label, millis(afterAnswer, 50),
                millis(afterAnswer, 90), millis(afterAnswer, 99), millis(afterAnswer, 99.9),
                afterAnswer.getMaxValue() / 1e6);
    }

    private static Histogram histogram() {
        return new Histogram(TimeUnit.MICROSECONDS.toNanos(1), TimeUnit.MINUTES.toNanos(10), 3);
    }

    private static double millis(Histogram histogram, double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1e6;
    }
}

package io.tvbridge.bench;

import io.tvbridge.broker.paper.PaperEvent;
import io.tvbridge.cli.bench.AlertBodies;
import io.tvbridge.cli.bench.LoadPlan;
import io.tvbridge.cli.bench.LoadReport;
import io.tvbridge.cli.bench.Reply;
import io.tvbridge.cli.bench.ReplyObserver;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The seconds after a bar closes: {@code --alerts} alerts over {@code --symbols} symbols fired
 * within {@code --seconds}, sells of symbols held since before the burst among buys of new ones.
 * Then the daemon is stopped and its database and the paper broker's journal are checked:
 * every alert acknowledged and stored, one order per accepted alert, each at the broker once,
 * exits sent ahead of entries that were waiting, and the broker's pace kept.
 */
@Command(name = "burst", mixinStandardHelpOptions = true,
        description = "A burst of alerts, then a check of what the stopped daemon stored and sent.")
final class Burst implements Callable<Integer> {
    private static final Duration START = Duration.ofSeconds(60);
    private static final String HELD_QUANTITY = "100";

    @Mixin
    HarnessOptions options;

    @Option(names = "--alerts", defaultValue = "5000", description = "alerts in the burst (default 5000)")
    int alerts;

    @Option(names = "--seconds", defaultValue = "2", description = "seconds they are fired over (default 2)")
    int seconds;

    @Option(names = "--symbols", defaultValue = "200", description = "symbols they go to in turn (default 200)")
    int symbols;

    @Option(names = "--held", defaultValue = "50", description = "of those, symbols bought before the burst and"
            + " sold during it (default 50: a quarter of the alerts are exits)")
    int held;

    @Option(names = "--connections", defaultValue = "64", description = "connections at once, as many alerts"
            + " arriving together from TradingView's senders (default 64)")
    int connections;

    @Option(names = "--max-orders-per-second", defaultValue = "200", description = "MAX_ORDERS_PER_SECOND, the"
            + " broker's pace (default 200, so that the backlog drains in about half a minute)")
    int maxOrdersPerSecond;

    @Override
    public Integer call() throws InterruptedException {
        System.out.println("burst: " + Machine.describe());
        Path folder = options.work().resolve("tvbridge");
        Path data = folder.resolve("data");
        List<String> all = IntStream.rangeClosed(1, symbols).mapToObj(i -> (i <= held ? "HELD" : "NEW") + i).toList();
        Map<String, Boolean> acknowledged = new ConcurrentHashMap<>();
        LoadReport burst;
        String runId = AlertBodies.newRunId();
        try (DaemonProcess tvbridge = DaemonProcess.start(options.jar, folder, HarnessOptions.paperDaemon(Map.of(
                "MAX_ORDERS_PER_SECOND", Integer.toString(maxOrdersPerSecond))), options.javaOptions, "run")) {
            tvbridge.awaitListening(START);
            tvbridge.awaitReady(START);

            LoadPlan seed = Load.plan(tvbridge.url(), held, 4, Duration.ofSeconds(1), Duration.ZERO, all.subList(0, held));
            Load.run(seed, index -> body(all.get((int) index), "buy", HELD_QUANTITY, "seed-" + runId + "-" + index),
                    ReplyObserver.NONE);
            awaitPlaced(data, held, Duration.ofSeconds(60));

            LoadPlan plan = Load.plan(tvbridge.url(), alerts / seconds, connections, Duration.ofSeconds(seconds),
                    Duration.ZERO, all, (double) held / symbols);
            Load load = Load.run(plan, index -> {
                String symbol = all.get((int) (index % all.size()));
                return body(symbol, symbol.startsWith("HELD") ? "sell" : "buy", "1", "burst-" + runId + "-" + index);
            }, (index, intendedNanos, endNanos, reply) -> {
                if (reply instanceof Reply.Answered answered && answered.status() == 200
                        && answered.body().contains("\"decision\"")) {
                    acknowledged.put("burst-" + runId + "-" + index, true);
                }
            });
            burst = load.report("tvbridge, paper broker, DRY_RUN off, MAX_ORDERS_PER_SECOND " + maxOrdersPerSecond);
            System.out.println(burst.text());
            long accepted = burst.decisions().getOrDefault("accepted", 0L);
            Duration drain = Duration.ofSeconds(60 + accepted / Math.max(1, maxOrdersPerSecond));
            awaitPlaced(data, held + accepted, drain);
            tvbridge.stop(Duration.ofMinutes(5));
        }
        BurstCheck check = new BurstCheck(data, "burst-" + runId + "-", maxOrdersPerSecond);
        boolean passed = check.run(burst, Set.copyOf(acknowledged.keySet()), alerts);
        System.out.println("after: " + Machine.load() + "; data and logs in " + options.work());
        return passed ? 0 : 1;
    }

    private static byte[] body(String symbol, String action, String quantity, String alertId) {
        return AlertBodies.alert(HarnessOptions.SECRET, symbol, action, quantity, "burst", alertId);
    }

    /** Waits until the paper broker has taken {@code count} orders in all, or {@code timeout} passed. */
    private static void awaitPlaced(Path data, long count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<PaperEvent.Placed> placed = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            placed = PaperOrders.placed(data);
            if (placed.size() >= count) {
                return;
            }
            DaemonProcess.pause(200);
        }
        System.out.println("only " + placed.size() + " of " + count + " orders reached the paper broker within "
                + timeout.toSeconds() + " s");
    }
}

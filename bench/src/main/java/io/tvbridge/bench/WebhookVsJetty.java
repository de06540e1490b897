package io.tvbridge.bench;

import io.tvbridge.cli.bench.LoadPlan;
import io.tvbridge.cli.bench.LoadReport;
import io.tvbridge.cli.bench.ReplyObserver;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Webhook acks of tvbridge (paper broker, DRY_RUN off, every alert committed before its 200)
 * against the bare Jetty yardstick ({@code tvbridge bench-server}) in one run on one machine: as
 * fast as {@code --connections} allow, and at a fixed rate; the ratio of the two maxima.
 */
@Command(name = "webhook-vs-jetty", mixinStandardHelpOptions = true,
        description = "Ack throughput and latency of tvbridge's webhook against a bare Jetty handler, as a ratio.")
final class WebhookVsJetty implements Callable<Integer> {
    private static final Duration START = Duration.ofSeconds(60);
    private static final Duration STOP = Duration.ofMinutes(5);

    @Mixin
    HarnessOptions options;

    @Option(names = "--connections", defaultValue = "8", description = "connections (default 8)")
    int connections;

    @Option(names = "--rate", defaultValue = "2000", description = "the fixed rate, alerts a second (default 2000)")
    int rate;

    @Option(names = "--seconds", defaultValue = "30", description = "measured seconds of each run (default 30)")
    int seconds;

    @Option(names = "--warmup-seconds", defaultValue = "10", description = "warm-up of each run (default 10)")
    int warmupSeconds;

    @Option(names = "--symbols", defaultValue = "20", description = "symbols the alerts go to in turn (default 20)")
    int symbols;

    @Option(names = "--max-orders-per-second", defaultValue = "0", description = "tvbridge's MAX_ORDERS_PER_SECOND"
            + " (default 0: orders are not paced, so no backlog of orders builds up behind the acks)")
    int maxOrdersPerSecond;

    @Option(names = "--env", description = "a variable of the measured daemon over the paper defaults, repeatable:"
            + " --env ACCOUNTS=live:paper,shadow:paper --env SHADOW_FOLLOWS=live")
    Map<String, String> environment = new HashMap<>();

    @Override
    public Integer call() throws InterruptedException {
        System.out.println("webhook-vs-jetty: " + Machine.describe());
        LoadReport bareMax;
        LoadReport bareRate;
        try (DaemonProcess bare = DaemonProcess.start(options.jar, options.work().resolve("bare-jetty"), Map.of(),
                options.javaOptions, "bench-server", "--port", "0")) {
            bare.awaitListening(START);
            bareMax = measure(bare, 0, "bare Jetty handler");
            bareRate = measure(bare, rate, "bare Jetty handler");
            bare.stop(STOP);
        }
        LoadReport tvbridgeRate;
        LoadReport tvbridgeMax;
        double cpuPerAlert;
        double cpuPerAlertFlatOut;
        Map<String, String> changes = new HashMap<>(environment);
        changes.putIfAbsent("MAX_ORDERS_PER_SECOND", Integer.toString(maxOrdersPerSecond));
        if (!environment.isEmpty()) {
            System.out.println("tvbridge's variables over the paper defaults: " + environment);
        }
        try (DaemonProcess tvbridge = DaemonProcess.start(options.jar, options.work().resolve("tvbridge"),
                HarnessOptions.paperDaemon(changes), options.javaOptions, "run")) {
            tvbridge.awaitListening(START);
            tvbridge.awaitReady(START);
            tvbridgeRate = measure(tvbridge, rate, "tvbridge, paper broker, DRY_RUN off");
            tvbridgeMax = measure(tvbridge, 0, "tvbridge, paper broker, DRY_RUN off");
            cpuPerAlert = cpuPerAlert(tvbridge, Math.min(rate, 500));
            cpuPerAlertFlatOut = cpuPerAlert(tvbridge, 0);
            tvbridge.stop(STOP);
        }
        for (LoadReport report : List.of(bareMax, bareRate, tvbridgeMax, tvbridgeRate)) {
            System.out.println(report.text());
        }
        System.out.printf(Locale.ROOT, "ack throughput at %d connections: tvbridge %.1f/s, bare Jetty %.1f/s,"
                        + " ratio %.1f%% (target >= 40%%)%n", connections, tvbridgeMax.acksPerSecond(),
                bareMax.acksPerSecond(), 100 * tvbridgeMax.acksPerSecond() / bareMax.acksPerSecond());
        System.out.printf(Locale.ROOT, "ack p99 at %d/s: tvbridge %.3f ms, bare Jetty %.3f ms (target <= 5 ms)%n",
                rate, tvbridgeRate.latencyMs().get("p99"), bareRate.latencyMs().get("p99"));
        System.out.printf(Locale.ROOT, "CPU per acknowledged alert, all daemon threads, fills recorded: %.0f us at"
                + " %d/s, %.0f us as fast as 8 connections go (target <= 250 us)%n", cpuPerAlert, Math.min(rate, 500),
                cpuPerAlertFlatOut);
        System.out.println("after: " + Machine.load() + "; data and logs in " + options.work());
        return 0;
    }

    /**
     * The daemon's CPU time (every thread: HTTP, the engine loop, the sender, the paper broker, JIT
     * and GC) per alert over a run at {@code perSecond} (0: as fast as the connections go), after
     * which it is given a moment to record the last fills; in microseconds.
     */
    private double cpuPerAlert(DaemonProcess daemon, int perSecond) throws InterruptedException {
        LoadPlan plan = Load.plan(daemon.url(), perSecond, connections, Duration.ofSeconds(seconds), Duration.ZERO,
                LoadPlan.numberedSymbols(symbols));
        long before = daemon.cpuNanos();
        LoadReport report = Load.run(plan, ReplyObserver.NONE).report("tvbridge, its CPU time per alert");
        Thread.sleep(2_000);
        long used = daemon.cpuNanos() - before;
        System.out.println(report.text());
        return used / 1_000.0 / Math.max(1, report.acknowledged());
    }

    private LoadReport measure(DaemonProcess daemon, int perSecond, String target) throws InterruptedException {
        LoadPlan plan = Load.plan(daemon.url(), perSecond, connections, Duration.ofSeconds(seconds),
                Duration.ofSeconds(warmupSeconds), LoadPlan.numberedSymbols(symbols));
        return Load.run(plan, ReplyObserver.NONE).report(target);
    }
}

package io.tvbridge.bench;

import io.tvbridge.cli.bench.LoadPlan;
import io.tvbridge.cli.bench.ReplyObserver;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Start-up to {@code /ready} (from the moment the JVM is launched to the first 200 from {@code
 * /ready}), first on an empty data directory and then restarting on it; then the resident memory
 * ({@code VmRSS} in {@code /proc/<pid>/status}) of the daemon after it acknowledged a number of alerts.
 */
@Command(name = "startup-memory", mixinStandardHelpOptions = true,
        description = "Start-up time to /ready, and resident memory after many alerts.")
final class StartupAndMemory implements Callable<Integer> {
    private static final Duration START = Duration.ofSeconds(60);
    private static final Duration STOP = Duration.ofMinutes(5);
    private static final Duration SETTLE = Duration.ofSeconds(10);

    @Mixin
    HarnessOptions options;

    @Option(names = "--starts", defaultValue = "5", description = "starts to time: the first on an empty data"
            + " directory, the others restarts (default 5)")
    int starts;

    @Option(names = "--alerts", defaultValue = "100000", description = "alerts to send before reading the memory"
            + " (default 100000)")
    int alerts;

    @Option(names = "--rate", defaultValue = "1000", description = "alerts a second while sending them; they are"
            + " all sent even when the daemon is slower (default 1000)")
    int rate;

    @Option(names = "--connections", defaultValue = "8", description = "connections (default 8)")
    int connections;

    @Override
    public Integer call() throws InterruptedException {
        System.out.println("startup-memory: " + Machine.describe());
        Path folder = options.work().resolve("tvbridge");
        Map<String, String> environment = HarnessOptions.paperDaemon(Map.of("MAX_ORDERS_PER_SECOND", "0"));
        List<Double> startMillis = new ArrayList<>();
        for (int i = 0; i < starts; i++) {
            try (DaemonProcess tvbridge = DaemonProcess.start(options.jar, folder, environment, options.javaOptions,
                    "run")) {
                tvbridge.awaitListening(START);
                startMillis.add((tvbridge.awaitReady(START) - tvbridge.startedNanos) / 1e6);
                tvbridge.stop(STOP);
            }
        }
        System.out.printf(Locale.ROOT, "start-up to /ready (JVM launch to the first 200): first start on an empty"
                + " data directory %.0f ms; restarts %s ms (target <= 2000 ms)%n", startMillis.get(0),
                startMillis.subList(1, startMillis.size()).stream().map(ms -> String.format(Locale.ROOT, "%.0f", ms))
                        .toList());

        try (DaemonProcess tvbridge = DaemonProcess.start(options.jar, folder, environment, options.javaOptions,
                "run")) {
            tvbridge.awaitListening(START);
            tvbridge.awaitReady(START);
            System.out.println("resident memory when ready: " + tvbridge.residentMebibytes() + " MiB");
            LoadPlan plan = Load.plan(tvbridge.url(), rate, connections, Duration.ofMillis(1000L * alerts / rate),
                    Duration.ZERO, LoadPlan.numberedSymbols(20));
            Load load = Load.run(plan, ReplyObserver.NONE);
            System.out.println(load.report("tvbridge, paper broker, DRY_RUN off").text());
            System.out.println("resident memory after " + load.result().measured().acknowledged()
                    + " acknowledged alerts: " + tvbridge.residentMebibytes() + " MiB");
            DaemonProcess.pause(SETTLE.toMillis());
            Map<String, Double> settled = tvbridge.residentMebibytes();
            System.out.printf(Locale.ROOT, "resident memory %d s later: VmRSS %.0f MiB, peak (VmHWM) %.0f MiB"
                            + " (target <= 300 MB = %.0f MiB); JVM options: %s%n", SETTLE.toSeconds(),
                    settled.get("VmRSS"), settled.get("VmHWM"), 300e6 / 1024 / 1024,
                    options.javaOptions.isEmpty() ? "none (the JVM's defaults)" : options.javaOptions);
            tvbridge.stop(STOP);
        }
        System.out.println("after: " + Machine.load() + "; data and logs in " + options.work());
        return 0;
    }
}

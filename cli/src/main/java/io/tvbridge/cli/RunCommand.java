package io.tvbridge.cli;

import io.tvbridge.core.config.ConfigLoader;
import io.tvbridge.core.config.TvBridgeConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tvbridge run}: the daemon, until SIGTERM or Ctrl-C. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs the daemon: the webhook, the broker, the database.",
                "Settings come from these options, then environment variables, then a .env file in the working"
                        + " directory, then <data-dir>/secrets.env."})
final class RunCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(RunCommand.class);

    @Option(names = "--port", description = "port to listen on (env PORT, default 8080)")
    Integer port;

    @Option(names = "--host", description = "address to listen on (env HOST, default 0.0.0.0: every interface)")
    String host;

    @Option(names = "--data-dir", description = "where the database, secrets and plugins live (env DATA_DIR, default ./data)")
    Path dataDirectory;

    @Option(names = "--broker", description = "broker to trade through (env BROKER, default paper)")
    String broker;

    @Override
    public Integer call() throws InterruptedException {
        ConfigLoader.Loaded loaded = ConfigLoader.load(options(), System.getenv(), Path.of("").toAbsolutePath());
        // a lost engine lease ends the process at once: no shutdown hook may send an order still queued
        Daemon daemon = Daemon.start(loaded.config(), loaded.values(), Clock.systemUTC(),
                status -> Runtime.getRuntime().halt(status));
        new Banner(System.out).print(loaded, daemon.port());

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (Logging.format() == LogFormat.JSON) {
                log.info("stopping: finishing the work in flight");   // a collector reading JSON lines reads this too
            } else {
                System.err.println("tvbridge: stopping: finishing the work in flight");
            }
            daemon.close();
            stopped.countDown();
        }, "tvbridge-shutdown"));
        stopped.await();
        return 0;
    }

    private Map<String, String> options() {
        Map<String, String> options = new LinkedHashMap<>();
        if (port != null) {
            options.put(TvBridgeConfig.PORT, port.toString());
        }
        if (host != null) {
            options.put(TvBridgeConfig.HOST, host);
        }
        if (dataDirectory != null) {
            options.put(TvBridgeConfig.DATA_DIR, dataDirectory.toString());
        }
        if (broker != null) {
            options.put(TvBridgeConfig.BROKER, broker);
        }
        return options;
    }
}

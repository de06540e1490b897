package io.tvbridge.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** What every harness needs: the jar to run, where to run it, and options for its JVM. */
final class HarnessOptions {
    static final String SECRET = "bench-webhook-secret-0123456789";

    @Option(names = "--jar", defaultValue = "dist/target/tvbridge.jar",
            description = "the tvbridge.jar to measure (default dist/target/tvbridge.jar)")
    Path jar;

    @Option(names = "--work-dir", description = "where the daemons keep their data and logs (default: a new"
            + " temporary folder, kept afterwards)")
    Path workDirectory;

    @Option(names = "--java-option", description = "an option for the daemon's JVM, e.g. -Xmx256m (repeatable;"
            + " default none: the JVM's own defaults, as a user's `java -jar` has)")
    List<String> javaOptions = new ArrayList<>();

    Path work() {
        try {
            if (workDirectory == null) {
                workDirectory = Files.createTempDirectory("tvbridge-bench-");
            }
            return Files.createDirectories(workDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The daemon as measured: paper broker, DRY_RUN off, the durable inbox as always, every market open
     * (so that alerts are decided, not queued for the open), cash enough for every buy, no per-sender
     * rate limit (the load comes from one address), and with {@code changes} over that.
     */
    static Map<String, String> paperDaemon(Map<String, String> changes) {
        Map<String, String> environment = new HashMap<>(Map.of("PORT", "0", "HOST", "127.0.0.1", "DATA_DIR", "data",
                "WEBHOOK_SECRET", SECRET, "ADMIN_API_KEY", "bench-admin-key-0123456789abcdef", "BROKER", "paper",
                "DRY_RUN", "false", "MARKET_HOURS", "always", "PAPER_STARTING_CASH", "1000000000000"));
        environment.put("WEBHOOK_RATE_LIMIT", "0");
        environment.putAll(changes);
        return environment;
    }
}

package io.tvbridge.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The machine a figure was measured on, and how busy it was: printed with every harness's report. */
final class Machine {
    private static final Pattern MEMORY = Pattern.compile("MemTotal:\\s+(\\d+) kB");

    private Machine() {
    }

    static String describe() {
        return "date " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "; " + Runtime.getRuntime().availableProcessors()
                + " cores; " + memory().map(m -> m + " GiB memory; ").orElse("") + "Java "
                + System.getProperty("java.runtime.version") + " (" + System.getProperty("java.vm.name") + "); "
                + load();
    }

    /** The 1, 5 and 15 minute load averages: other work on the machine shows here. */
    static String load() {
        return read("/proc/loadavg").map(text -> "load average " + String.join(" ",
                java.util.Arrays.copyOf(text.strip().split("\\s+"), 3))).orElse("load average unknown");
    }

    private static Optional<String> memory() {
        return read("/proc/meminfo").map(MEMORY::matcher).filter(Matcher::find)
                .map(m -> String.format("%.1f", Long.parseLong(m.group(1)) / 1024.0 / 1024.0));
    }

    private static Optional<String> read(String file) {
        try {
            return Optional.of(Files.readString(Path.of(file)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}

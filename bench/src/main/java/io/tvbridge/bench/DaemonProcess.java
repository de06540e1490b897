package io.tvbridge.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code java -jar tvbridge.jar <args>} as a child process, in a folder of its own with its output
 * in files there: its start time, its port, its resident memory from {@code /proc}, and a SIGTERM
 * stop that lets it finish its work.
 */
final class DaemonProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("listening on:\\s+http://[^:\\s]+:(\\d+)");
    private static final Pattern RESIDENT = Pattern.compile("(?m)^(VmRSS|VmHWM):\\s+(\\d+) kB");
    private static final List<String> TVBRIDGE_VARIABLES = List.of("PORT", "HOST", "DATA_DIR", "BROKER",
            "WEBHOOK_SECRET", "ADMIN_API_KEY", "DRY_RUN");

    final Process process;
    final long startedNanos;
    private final Path out;
    private final Path err;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private int port = -1;

    private DaemonProcess(Process process, long startedNanos, Path out, Path err) {
        this.process = process;
        this.startedNanos = startedNanos;
        this.out = out;
        this.err = err;
    }

    /**
     * Starts the jar in {@code folder} with the settings of this environment that name tvbridge or a broker
     * left out and {@code environment} added; {@code javaOptions} go before {@code -jar}.
     */
    static DaemonProcess start(Path jar, Path folder, Map<String, String> environment, List<String> javaOptions,
                               String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(javaOptions);
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        try {
            Files.createDirectories(folder);
            String name = args.length == 0 ? "tvbridge" : args[0];
            Path out = Files.createTempFile(folder, name + "-", ".out");
            Path err = out.resolveSibling(out.getFileName().toString().replace(".out", ".err"));
            ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().keySet().removeIf(variable -> TVBRIDGE_VARIABLES.contains(variable)
                    || variable.matches("(PAPER|IBKR|OANDA|MAX|MARKET|SIZING|CHECK)_.*"));
            builder.environment().putAll(environment);
            long started = System.nanoTime();
            return new DaemonProcess(builder.start(), started, out, err);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    /** Waits for the line that says where it listens, and returns the port. */
    int awaitListening(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Matcher matcher = LISTENING.matcher(read(out));
            if (matcher.find()) {
                port = Integer.parseInt(matcher.group(1));
                return port;
            }
            requireAlive();
            pause(10);
        }
        throw new IllegalStateException("tvbridge did not start within " + timeout + ":\n" + read(err));
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    /** Polls {@code GET /ready} until it answers 200; returns the {@link System#nanoTime()} of that answer. */
    long awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        URI ready = url().resolve("/ready");
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(2))
                        .GET().build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return System.nanoTime();
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            requireAlive();
            pause(5);
        }
        throw new IllegalStateException("tvbridge was not ready within " + timeout + ":\n" + read(err));
    }

    /** Resident memory now ({@code VmRSS}) and at its peak ({@code VmHWM}), in MiB, from {@code /proc}. */
    Map<String, Double> residentMebibytes() {
        try {
            String status = Files.readString(Path.of("/proc", Long.toString(process.pid()), "status"));
            Matcher matcher = RESIDENT.matcher(status);
            Map<String, Double> sizes = new java.util.TreeMap<>();
            while (matcher.find()) {
                sizes.put(matcher.group(1), Long.parseLong(matcher.group(2)) / 1024.0);
            }
            return sizes;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the memory of process " + process.pid()
                    + " (/proc is Linux's)", e);
        }
    }

    /**
     * The CPU time the daemon has used so far, all its threads, user and system, in nanoseconds:
     * fields 14 and 15 of {@code /proc/<pid>/stat}, in clock ticks of 1/100 s (Linux's USER_HZ).
     */
    long cpuNanos() {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            // the command name (field 2) may hold spaces: count the fields after its closing parenthesis
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return ticks * 10_000_000L;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the CPU time of process " + process.pid()
                    + " (/proc is Linux's)", e);
        }
    }

    /** SIGTERM, then waits for the daemon to finish its work and exit; its exit code. */
    int stop(Duration timeout) {
        process.destroy();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("tvbridge did not stop within " + timeout);
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    String errors() {
        return read(err);
    }

    private void requireAlive() {
        if (!process.isAlive()) {
            throw new IllegalStateException("tvbridge exited with " + process.exitValue() + ":\n" + read(err));
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}

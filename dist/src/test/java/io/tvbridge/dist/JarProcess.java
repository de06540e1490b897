package io.tvbridge.dist;

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
 * The built tvbridge.jar running as a child process in a folder of its own, its output in files
 * there; started with {@code java -jar} or through the release's launcher script.
 */
final class JarProcess implements AutoCloseable {
    static final Path JAR = Path.of(System.getProperty("tvbridge.jar", "target/tvbridge.jar")).toAbsolutePath();
    private static final Pattern LISTENING = Pattern.compile("listening on:\\s+http://[^:]+:(\\d+)");

    final Path workingDirectory;
    final Process process;
    private final Path out;
    private final Path err;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private int port = -1;

    private JarProcess(Path workingDirectory, Process process, Path out, Path err) {
        this.workingDirectory = workingDirectory;
        this.process = process;
        this.out = out;
        this.err = err;
    }

    /** Starts {@code java -jar tvbridge.jar <args>} in {@code folder} with exactly {@code environment} added. */
    static JarProcess start(Path folder, Map<String, String> environment, String... args) {
        return run(folder, environment, List.of(javaExecutable(), "-jar", JAR.toString()), args);
    }

    /** Starts {@code <launcher> <args>} (the release's script) in {@code folder}, as {@link #start} does. */
    static JarProcess launch(Path launcher, Path folder, Map<String, String> environment, String... args) {
        return run(folder, environment, List.of(launcher.toString()), args);
    }

    private static JarProcess run(Path folder, Map<String, String> environment, List<String> program,
                                  String... args) {
        List<String> command = new ArrayList<>(program);
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("PAPER_") || name.startsWith("IBKR_")
                || name.startsWith("OANDA_") || name.startsWith("DATABASE_") || List.of("PORT", "HOST", "DATA_DIR",
                "BROKER", "WEBHOOK_SECRET", "ADMIN_API_KEY", "INSTANCE_ID", "JAVA_OPTS").contains(name));
        // every alert of these tests comes from 127.0.0.1: the per-sender rate limit would refuse the streams
        builder.environment().put("WEBHOOK_RATE_LIMIT", "0");
        builder.environment().putAll(environment);
        int run = 0;
        while (Files.exists(folder.resolve("out-" + run + ".log"))) {
            run++;
        }
        Path out = folder.resolve("out-" + run + ".log");
        Path err = folder.resolve("err-" + run + ".log");
        builder.redirectOutput(out.toFile()).redirectError(err.toFile());
        try {
            return new JarProcess(folder, builder.start(), out, err);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Talks to the daemon on {@code port} (its {@code PORT}), before or without waiting for the banner. */
    JarProcess atPort(int fixedPort) {
        port = fixedPort;
        return this;
    }

    /** Waits for the banner and returns the port the daemon listens on. */
    int awaitListening(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Matcher matcher = LISTENING.matcher(stdout());
            if (matcher.find()) {
                port = Integer.parseInt(matcher.group(1));
                return port;
            }
            if (!process.isAlive()) {
                throw new AssertionError("tvbridge exited with " + process.exitValue() + ":\n" + stderr());
            }
            pause(50);
        }
        throw new AssertionError("tvbridge did not start in time:\n" + stdout() + stderr());
    }

    int exitCode(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("tvbridge did not exit in time:\n" + stderr());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    String stdout() {
        return read(out);
    }

    String stderr() {
        return read(err);
    }

    /** Everything the process printed: the banner and the log. */
    String output() {
        return stdout() + stderr();
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** An admin API call, with the key in X-API-Key. */
    HttpResponse<String> admin(String path, String key) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).header("X-API-Key", key).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** An admin action ({@code POST}), with the key in X-API-Key and a JSON body. */
    HttpResponse<String> admin(String path, String key, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).header("X-API-Key", key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String body) throws IOException, InterruptedException {
        return post(body, Map.of());
    }

    HttpResponse<String> post(String body, Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/webhook"))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
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
            throw new AssertionError(e);
        }
    }

    /** kill -9: no shutdown hook runs. */
    void kill() {
        process.destroyForcibly();
        exitCode(Duration.ofSeconds(10));
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}

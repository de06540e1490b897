package io.tvbridge.core.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A throwaway PostgreSQL server for tests: the machine's own binaries, a cluster initialised in a
 * temp folder, listening on a free loopback port with its socket in that folder. It starts once
 * per test JVM, at the first {@link #shared()}, and stops (its folder deleted) when the JVM exits.
 * Each caller takes a fresh database of its own with {@link #createDatabase()}.
 *
 * <p>Without PostgreSQL's binaries the tests that need it are skipped, loudly, unless
 * {@code TVBRIDGE_REQUIRE_POSTGRES=1} is set (as {@code .ci/run} does): then they fail.
 */
public final class PostgresServer {
    public static final String USER = "tvbridge";
    /** A password with characters that need escaping in a URL, so that tests see it travel whole. */
    public static final String PASSWORD = "pg-test-secret/42@x";
    public static final String REQUIRE_VARIABLE = "TVBRIDGE_REQUIRE_POSTGRES";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    /** PostgreSQL refuses to run as root; as root its programs run as this system user. */
    private static final String SYSTEM_USER = "postgres";

    private static PostgresServer shared;
    private static String unavailable;

    private final Path folder;
    private final Path binaries;
    private final boolean asSystemUser;
    private final int port;
    private final Process process;
    private final AtomicInteger databases = new AtomicInteger();

    private PostgresServer(Path folder, Path binaries, boolean asSystemUser, int port, Process process) {
        this.folder = folder;
        this.binaries = binaries;
        this.asSystemUser = asSystemUser;
        this.port = port;
        this.process = process;
    }

    /**
     * The server of this JVM, started at the first call. Skips the calling test when PostgreSQL is
     * not installed, or fails it when {@code TVBRIDGE_REQUIRE_POSTGRES=1}.
     */
    public static synchronized PostgresServer shared() {
        if (shared == null && unavailable == null) {
            Optional<Path> binaries = findBinaries();
            if (binaries.isEmpty()) {
                unavailable = "PostgreSQL is not installed (no pg_config, /usr/lib/postgresql/*/bin or initdb on the"
                        + " PATH): the tests on PostgreSQL are SKIPPED. Install it (Debian: apt-get install"
                        + " postgresql) or run .ci/run, which does.";
            } else {
                shared = start(binaries.get());
                Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "postgres-test-server-stop"));
            }
        }
        if (shared == null) {
            if ("1".equals(System.getenv(REQUIRE_VARIABLE))) {
                Assertions.fail(unavailable + " (" + REQUIRE_VARIABLE + "=1 makes this a failure)");
            }
            System.err.println("WARNING: " + unavailable);
            Assumptions.abort(unavailable);
        }
        return shared;
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return port;
    }

    /** A new, empty database owned by {@link #USER}; its name. */
    public String createDatabase() {
        return createDatabase("template1");
    }

    /** A new database, a copy of {@code template} (which nobody may be connected to); its name. */
    public String createDatabase(String template) {
        String name = "tvbridge_test_" + databases.incrementAndGet();
        execute("postgres", "create database " + name + " template " + template);
        return name;
    }

    /** The JDBC URL of {@code database}, without credentials. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host() + ":" + port + "/" + database;
    }

    /** The URL of {@code database} as {@code DATABASE_URL} takes it, without credentials. */
    public String databaseUrl(String database) {
        return "postgresql://" + host() + ":" + port + "/" + database;
    }

    /** Runs one statement on {@code database} as {@link #USER}. */
    public void execute(String database, String sql) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(database), USER, PASSWORD);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed on " + database + ": " + e.getMessage(), e);
        }
    }

    private static Optional<Path> findBinaries() {
        List<Path> candidates = new ArrayList<>();
        run(List.of("pg_config", "--bindir")).map(String::strip).map(Path::of).ifPresent(candidates::add);
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            // the newest version first: /usr/lib/postgresql/16/bin before 15
            versions.map(v -> v.resolve("bin"))
                    .sorted(Comparator.comparing((Path p) -> versionOf(p)).reversed())
                    .forEach(candidates::add);
        } catch (IOException e) {
            // no Debian-style installation; the PATH may still have it
        }
        for (String directory : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!directory.isEmpty()) {
                candidates.add(Path.of(directory));
            }
        }
        return candidates.stream()
                .filter(bin -> Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("postgres")))
                .findFirst();
    }

    private static int versionOf(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static PostgresServer start(Path binaries) {
        boolean asSystemUser = "root".equals(System.getProperty("user.name"));
        Path folder;
        try {
            folder = Files.createTempDirectory("tvbridge-postgres-");
            Path data = folder.resolve("data");
            Path passwordFile = folder.resolve("password");
            Files.writeString(passwordFile, PASSWORD, StandardCharsets.UTF_8);
            if (asSystemUser) {
                chownToSystemUser(folder, passwordFile);
            }
            // trust on the socket (the fixture's own use), passwords over TCP (what tvbridge uses)
            runOrFail(command(asSystemUser, binaries.resolve("initdb").toString(), "-D", data.toString(),
                    "-U", USER, "--pwfile=" + passwordFile, "--auth-local=trust", "--auth-host=scram-sha-256",
                    "-E", "UTF8", "--locale=C", "--no-sync"), folder.resolve("initdb.log"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare a PostgreSQL folder: " + e.getMessage(), e);
        }
        for (int attempt = 1; ; attempt++) {
            int port = freePort();
            Process process = startProcess(binaries, folder, asSystemUser, port);
            PostgresServer server = new PostgresServer(folder, binaries, asSystemUser, port, process);
            if (server.awaitReady()) {
                return server;
            }
            server.stop();
            if (attempt == 3) {
                throw new IllegalStateException("PostgreSQL did not start; see " + folder.resolve("postgres.log"));
            }
        }
    }

    private static Process startProcess(Path binaries, Path folder, boolean asSystemUser, int port) {
        // no durability for a throwaway server: fsync off makes creating databases and commits cheap
        List<String> command = command(asSystemUser, binaries.resolve("postgres").toString(),
                "-D", folder.resolve("data").toString(), "-p", Integer.toString(port),
                "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=" + folder,
                "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
                "-c", "max_connections=300", "-c", "shared_buffers=32MB");
        try {
            return new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(folder.resolve("postgres.log").toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command + ": " + e.getMessage(), e);
        }
    }

    private boolean awaitReady() {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline) && process.isAlive()) {
            try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), USER, PASSWORD)) {
                return true;
            } catch (SQLException e) {
                sleep(100);
            }
        }
        return false;
    }

    private void stop() {
        if (process.isAlive()) {
            // a fast shutdown: open connections (a pool a test left open) are ended, not waited for
            run(command(asSystemUser, binaries.resolve("pg_ctl").toString(), "stop", "-D",
                    folder.resolve("data").toString(), "-m", "fast", "-w"));
            if (!waitFor(process, 10)) {
                process.destroyForcibly();
                waitFor(process, 10);
            }
        }
        delete(folder);
    }

    private static List<String> command(boolean asSystemUser, String... command) {
        List<String> all = new ArrayList<>();
        if (asSystemUser) {
            all.addAll(List.of("runuser", "-u", SYSTEM_USER, "--"));
        }
        all.addAll(List.of(command));
        return all;
    }

    private static void chownToSystemUser(Path... paths) throws IOException {
        UserPrincipal owner = paths[0].getFileSystem().getUserPrincipalLookupService()
                .lookupPrincipalByName(SYSTEM_USER);
        for (Path path : paths) {
            Files.setOwner(path, owner);
        }
    }

    private static void runOrFail(List<String> command, Path log) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                    .start();
            if (!waitFor(process, 120) || process.exitValue() != 0) {
                throw new IllegalStateException(command + " failed: " + Files.readString(log));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command + ": " + e.getMessage(), e);
        }
    }

    /** The command's output when it ran and succeeded. */
    private static Optional<String> run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return waitFor(process, 60) && process.exitValue() == 0 ? Optional.of(output) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static boolean waitFor(Process process, int seconds) {
        try {
            return process.waitFor(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void delete(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete " + folder + ": " + e.getMessage());
        }
    }
}

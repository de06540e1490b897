package io.tvbridge.dist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tvbridge.core.store.PostgresServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Three tvbridge daemons (the built jar, each a process with a data directory of its own and
 * {@code INSTANCE_ID} a, b or c) on one PostgreSQL database, kept running as a supervisor would:
 * an instance that ends, killed or having lost the engine lease (status 3), is started again
 * {@link #RESTART_DELAY} later. Each may reach PostgreSQL through a {@link TcpProxy} of its own,
 * so that the test can cut one instance off the database.
 */
final class FailoverCluster implements AutoCloseable {
    static final String SECRET = "failover-secret-0123456789";
    static final String ADMIN_KEY = "failover-admin-key-0123456789";
    static final List<String> IDS = List.of("a", "b", "c");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** How long after a process ended the supervisor starts it again: the shipped systemd unit's RestartSec. */
    static final Duration RESTART_DELAY = Duration.ofSeconds(5);

    /** One process ending: which instance, its status, and when ({@link System#nanoTime}). */
    record Exit(String instance, long pid, int status, long nanoTime) {
    }

    /** The instance that holds the lease, at which epoch, and when its {@code /health} first said so. */
    record Leader(Instance instance, long pid, long epoch, long nanoTime) {
    }

    /** One of the three, as the supervisor keeps it. */
    final class Instance {
        final String id;
        final Path folder;
        final int port;
        final Optional<TcpProxy> proxy;
        private final Map<String, String> environment;
        private volatile JarProcess process;

        private Instance(String id, Path folder, int port, Optional<TcpProxy> proxy, Map<String, String> environment) {
            this.id = id;
            this.folder = folder;
            this.port = port;
            this.proxy = proxy;
            this.environment = environment;
        }

        JarProcess process() {
            return process;
        }

        private void start() {
            process = JarProcess.start(folder, environment, "run").atPort(port);
        }

        /** What {@code /health} says this instance is ("leader", ...), or empty when it does not answer. */
        Optional<JsonNode> health() {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/health")).timeout(Duration.ofSeconds(2)).GET()
                        .build(), HttpResponse.BodyHandlers.ofString());
                return Optional.of(JSON.readTree(response.body()));
            } catch (IOException e) {
                return Optional.empty();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }

        @Override
        public String toString() {
            return id;
        }
    }

    private final PostgresServer postgres;
    private final String database;
    private final List<Instance> instances = new ArrayList<>();
    private final List<Exit> exits = new CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Thread supervisor;
    private volatile boolean stopping;

    /**
     * Starts the three on a fresh database of {@code postgres}, with {@code brokerEnvironment} added
     * to each one's; {@code dataDirectory} prepares each data directory before its first start.
     */
    FailoverCluster(Path folder, PostgresServer postgres, Map<String, String> brokerEnvironment, boolean proxies,
                    Consumer<Path> dataDirectory) throws IOException {
        this.postgres = postgres;
        this.database = postgres.createDatabase();
        for (String id : IDS) {
            Path home = Files.createDirectories(folder.resolve(id));
            dataDirectory.accept(home.resolve("data"));
            Optional<TcpProxy> proxy = proxies ? Optional.of(TcpProxy.start(postgres.port())) : Optional.empty();
            int port = freePort();
            Map<String, String> env = new HashMap<>(brokerEnvironment);
            env.putAll(Map.of("DATABASE_URL", "postgresql://127.0.0.1:" + proxy.map(TcpProxy::port)
                            .orElse(postgres.port()) + "/" + database,
                    "DATABASE_USER", PostgresServer.USER, "DATABASE_PASSWORD", PostgresServer.PASSWORD,
                    "INSTANCE_ID", id, "PORT", Integer.toString(port), "HOST", "127.0.0.1",
                    "WEBHOOK_SECRET", SECRET, "ADMIN_API_KEY", ADMIN_KEY, "MARKET_HOURS", "always",
                    "MAX_ORDERS_PER_SECOND", "0"));
            env.put("WEBHOOK_AUTH_FAILURE_LIMIT", "0");
            env.put("LEASE_TERM_SECONDS", Long.toString(FailoverIT.TERM.toSeconds()));
            // three daemons, PostgreSQL and the test share two cores: the quick compiler alone leaves them the CPU
            env.put("JAVA_TOOL_OPTIONS", "-XX:TieredStopAtLevel=1");
            instances.add(new Instance(id, home, port, proxy, env));
        }
        try {
            for (Instance instance : instances) {
                instance.start();
            }
        } catch (RuntimeException e) {
            instances.stream().filter(instance -> instance.process != null).forEach(i -> i.process.close());
            instances.forEach(instance -> instance.proxy.ifPresent(TcpProxy::close));
            throw e;
        }
        supervisor = new Thread(this::supervise, "failover-supervisor");
        supervisor.setDaemon(true);
        supervisor.start();
    }

    List<Instance> instances() {
        return instances;
    }

    List<Integer> ports() {
        return instances.stream().map(instance -> instance.port).toList();
    }

    /** Every process that ended, in order. */
    List<Exit> exits() {
        return List.copyOf(exits);
    }

    /**
     * Starts again every instance whose process ended, {@link #RESTART_DELAY} after it ended, as
     * the systemd unit shipped with tvbridge does ({@code Restart=on-failure}, {@code RestartSec=5}),
     * until {@link #close()}.
     */
    private void supervise() {
        Map<Instance, Long> endedAt = new HashMap<>();
        while (!stopping) {
            for (Instance instance : instances) {
                JarProcess process = instance.process;
                if (!process.process.isAlive() && !stopping) {
                    Long ended = endedAt.get(instance);
                    if (ended == null) {
                        long now = System.nanoTime();
                        endedAt.put(instance, now);
                        exits.add(new Exit(instance.id, process.process.pid(), process.process.exitValue(), now));
                    } else if (System.nanoTime() - ended >= RESTART_DELAY.toNanos()) {
                        endedAt.remove(instance);
                        instance.start();
                    }
                }
            }
            JarProcess.pause(50);
        }
    }

    /**
     * Waits for a leader at an epoch of at least {@code minEpoch}: the instance the engine lease's
     * holder names (its process by pid) whose {@code /health} says it leads.
     */
    Leader awaitLeader(long minEpoch, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            List<String> lease;
            try {
                lease = row("select holder, epoch, case when expires_at > current_timestamp then 1 else 0"
                        + " end from engine_lease where name = 'engine'");
            } catch (IllegalStateException e) {
                JarProcess.pause(100);   // no table yet: the first daemon has not migrated the database
                continue;
            }
            long epoch = Long.parseLong(lease.get(1));
            if (epoch >= minEpoch && lease.get(2).equals("1")) {
                long pid = Long.parseLong(lease.get(0).replaceAll("^[^/]*/(\\d+)@.*$", "$1"));
                for (Instance instance : instances) {
                    JarProcess process = instance.process;
                    if (process.process.pid() == pid && instance.health()
                            .filter(health -> health.at("/instance/role").asText().equals("leader")
                                    && health.at("/instance/lease/epoch").asLong() == epoch).isPresent()) {
                        return new Leader(instance, pid, epoch, System.nanoTime());
                    }
                }
            }
            JarProcess.pause(20);
        }
        throw new AssertionError("no leader at epoch " + minEpoch + " or later within " + timeout + "; lease: "
                + row("select holder, epoch, expires_at from engine_lease") + "; exits: " + exits + "\n"
                + logTails());
    }

    /** kill -9 of the leader's process; the supervisor starts the instance again. */
    void kill(Leader leader) {
        JarProcess process = leader.instance().process;
        if (process.process.pid() != leader.pid()) {
            throw new AssertionError("the leader " + leader + " is no longer the process of " + leader.instance());
        }
        process.process.destroyForcibly();
    }

    /** Stops the three with SIGTERM, as a supervisor stopping the service does, and waits for them. */
    @Override
    public void close() {
        stopping = true;
        try {
            supervisor.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Instance instance : instances) {
            instance.process.process.destroy();
        }
        for (Instance instance : instances) {
            try {
                instance.process.exitCode(Duration.ofSeconds(30));
            } catch (AssertionError e) {
                instance.process.close();
            }
            instance.proxy.ifPresent(TcpProxy::close);
        }
    }

    /** The end of each instance's current log, for a failure's message. */
    String logTails() {
        StringBuilder tails = new StringBuilder();
        for (Instance instance : instances) {
            String output = instance.process.output();
            tails.append("--- ").append(instance.id).append(" (pid ").append(instance.process.process.pid())
                    .append(") ---\n").append(output.substring(Math.max(0, output.length() - 3_000))).append('\n');
        }
        return tails.toString();
    }

    // --- the shared database, read directly ------------------------------------------------------

    Connection connect() throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(database), PostgresServer.USER, PostgresServer.PASSWORD);
    }

    long count(String sql) {
        return Long.parseLong(row(sql).get(0));
    }

    /** The first row's columns, as text. */
    List<String> row(String sql) {
        List<List<String>> rows = rows(sql);
        if (rows.isEmpty()) {
            throw new IllegalStateException("no row: " + sql);
        }
        return rows.get(0);
    }

    /** Every row's columns, as text. */
    List<List<String>> rows(String sql) {
        try (Connection connection = connect();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            List<List<String>> rows = new ArrayList<>();
            while (rs.next()) {
                List<String> row = new ArrayList<>(columns);
                for (int i = 1; i <= columns; i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** Runs {@code statements} in one transaction. */
    void execute(String... statements) {
        try (Connection connection = connect()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                for (String sql : statements) {
                    statement.execute(sql);
                }
            }
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(List.of(statements) + ": " + e.getMessage(), e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.tvbridge.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tvbridge.broker.paper.PaperBroker;
import io.tvbridge.core.config.ConfigLoader;
import io.tvbridge.core.config.PostgresConfig;
import io.tvbridge.core.store.mybatis.MyBatisStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * The real daemon on a random loopback port with its data in a temporary folder, and the
 * tools to drive it over HTTP and look at what it stored.
 */
final class TestDaemon implements AutoCloseable {
    static final String SECRET = "test-webhook-secret-0123456789";
    static final String ADMIN_KEY = "test-admin-key-0123456789abcdef";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong SIGNALS = new AtomicLong();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    final Path dataDirectory;
    final Daemon daemon;
    /** The PostgreSQL database the daemon stores in ({@code DATABASE_URL}); empty for H2 in the data directory. */
    private final Optional<PostgresConfig> postgres;

    private TestDaemon(Path dataDirectory, Daemon daemon, Optional<PostgresConfig> postgres) {
        this.dataDirectory = dataDirectory;
        this.daemon = daemon;
        this.postgres = postgres;
    }

    static TestDaemon start(Path folder) {
        return start(folder, Map.of());
    }

    /**
     * Starts the daemon with {@code environment} over the test defaults. Every market counts as open
     * ({@code MARKET_HOURS=always}) unless a test says otherwise, so that results do not depend on the
     * hour the suite runs at; the market-hours tests set a calendar and their own clock. The
     * per-sender rate limits are off ({@code WEBHOOK_RATE_LIMIT=0}, {@code WEBHOOK_AUTH_FAILURE_LIMIT=0}),
     * since every test sends from 127.0.0.1, many alerts and many refused ones; the network tests set them.
     */
    static TestDaemon start(Path folder, Map<String, String> environment) {
        return start(folder, environment, Clock.systemUTC());
    }

    static TestDaemon start(Path folder, Map<String, String> environment, Clock clock) {
        return start(folder, environment, clock, 0);
    }

    /** On {@code port} (0: any free one), as a daemon started again on the port it had. */
    static TestDaemon start(Path folder, Map<String, String> environment, Clock clock, int port) {
        Map<String, String> env = new HashMap<>(Map.of("WEBHOOK_SECRET", SECRET, "ADMIN_API_KEY", ADMIN_KEY,
                "MARKET_HOURS", "always", "WEBHOOK_RATE_LIMIT", "0", "WEBHOOK_AUTH_FAILURE_LIMIT", "0"));
        env.putAll(environment);
        Path data = folder.resolve("data");
        ConfigLoader.Loaded loaded = ConfigLoader.load(
                Map.of("PORT", Integer.toString(port), "HOST", "127.0.0.1", "DATA_DIR", data.toString()), env, folder);
        return new TestDaemon(data, Daemon.start(loaded.config(), loaded.values(), clock),
                PostgresConfig.from(loaded.values()));
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + daemon.port() + path);
    }

    HttpResponse<String> post(String body) {
        return post(body, "application/json", Map.of());
    }

    HttpResponse<String> post(String body, String contentType, Map<String, String> headers) {
        return post(body.getBytes(StandardCharsets.UTF_8), contentType, headers);
    }

    HttpResponse<String> post(byte[] body, String contentType, Map<String, String> headers) {
        return postTo("/webhook", body, contentType, headers);
    }

    /** Posts to {@code path}, such as {@code /webhook/<secret>}. */
    HttpResponse<String> postTo(String path, byte[] body, String contentType, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        return send(request.build());
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).GET().build());
    }

    /** Sends {@code request} to whichever daemon it names; an unreachable one throws {@link UncheckedIOException}. */
    static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Calls the admin API with the admin key; {@code body} is JSON, or null for none. */
    HttpResponse<String> admin(String method, String path, String body) {
        return admin(method, path, body, ADMIN_KEY);
    }

    /** Calls the admin API with {@code key} in X-API-Key (null: no header). */
    HttpResponse<String> admin(String method, String path, String body, String key) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (key != null) {
            request.header("X-API-Key", key);
        }
        return send(request.build());
    }

    /** The JSON answer of an admin call that must succeed with {@code status}. */
    JsonNode admin(int status, String method, String path, String body) {
        HttpResponse<String> response = admin(method, path, body);
        if (response.statusCode() != status) {
            throw new AssertionError(method + " " + path + ": HTTP " + response.statusCode() + ": " + response.body());
        }
        return json(response);
    }

    /** Sends {@code request} as raw bytes over a socket and returns everything the server answered. */
    String raw(String request) {
        try (Socket socket = new Socket("127.0.0.1", daemon.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    /** An alert body with the right secret and the given fields (JSON object members, no braces). */
    static String alert(String members) {
        return "{\"secret\":\"" + SECRET + "\"," + members + "}";
    }

    /** Changes settings as an operator would. */
    void set(Map<String, String> settings) {
        daemon.settings().update(settings, "test");
    }

    /**
     * Posts an alert (JSON members; the secret and a fresh alert id added) and returns the
     * answer, which must be a 200.
     */
    JsonNode signal(String members) {
        HttpResponse<String> response = post(alert(members + ",\"alert_id\":\"t-" + SIGNALS.incrementAndGet() + "\""));
        if (response.statusCode() != 200) {
            throw new AssertionError("HTTP " + response.statusCode() + ": " + response.body());
        }
        return json(response);
    }

    /**
     * Waits until every order was answered by the broker and every market order filled or ended,
     * then refreshes the account snapshot.
     */
    void settle() {
        eventually("every order answered", () -> count("select count(*) from orders where status in ('NEW',"
                + " 'SUBMITTED') or order_type = 'MARKET' and status in ('ACCEPTED', 'PARTIALLY_FILLED')") == 0);
        eventually("every fill recorded", () -> count("select count(*) from orders where status = 'FILLED'"
                + " and filled_quantity < quantity") == 0);
        try {
            // the ledger has told the decision stage of every fill, and the decision stage took it in
            daemon.ledger().flush().get(10, TimeUnit.SECONDS);
            daemon.decisions().usage().get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("the daemon did not catch up with its broker", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        daemon.account().refreshNow();
    }

    PaperBroker paper() {
        return (PaperBroker) daemon.broker().broker();
    }

    long count(String sql) {
        return query(sql, rs -> rs.next() ? rs.getLong(1) : 0L);
    }

    String text(String sql) {
        return query(sql, rs -> rs.next() ? rs.getString(1) : null);
    }

    interface Rows<T> {
        T read(ResultSet rs) throws SQLException;
    }

    <T> T query(String sql, Rows<T> rows) {
        try (Connection connection = connect();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            return rows.read(rs);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** A connection to the daemon's database, beside the daemon's own. */
    private Connection connect() throws SQLException {
        if (postgres.isPresent()) {
            PostgresConfig pg = postgres.get();
            return DriverManager.getConnection(pg.jdbcUrl(), pg.user(), pg.password());
        }
        return DriverManager.getConnection(MyBatisStore.h2Url(dataDirectory), "sa", "");
    }

    /** Waits up to 20 s (two JVMs share the build's cores) for what follows an answer (fills, updates). */
    static void eventually(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Override
    public void close() {
        daemon.close();
    }
}

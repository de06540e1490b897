package io.tvbridge.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.tvbridge.broker.spi.Broker;
import io.tvbridge.broker.spi.BrokerConfig;
import io.tvbridge.broker.spi.BrokerException;
import io.tvbridge.broker.spi.BrokerListener;
import io.tvbridge.broker.spi.MarketHours;
import io.tvbridge.core.account.AccountName;
import io.tvbridge.core.account.AccountsConfig;
import io.tvbridge.core.account.routes.Routes;
import io.tvbridge.core.config.ConfigException;
import io.tvbridge.core.config.ConfigValues;
import io.tvbridge.core.config.NetworkConfig;
import io.tvbridge.core.config.PostgresConfig;
import io.tvbridge.core.config.TvBridgeConfig;
import io.tvbridge.core.plugin.BrokerCatalog;
import io.tvbridge.core.routing.HostBrokerContext;
import io.tvbridge.core.settings.Setting;
import io.tvbridge.core.store.StoreException;
import io.tvbridge.core.store.mybatis.MyBatisStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tvbridge check}: whether the daemon can start here, with the daemon stopped or running.
 * Configuration, data directory, database, port and broker, each a line of a checklist; the exit
 * code is 1 when any check failed.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Checks the configuration, the data directory, the database, the port and the broker, and"
                + " prints a checklist (exit code 1 when something would stop the daemon).")
final class CheckCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--data-dir", description = "data directory (env DATA_DIR, default ./data)")
    Path dataDirectory;

    @Option(names = "--port", description = "port the daemon would listen on (env PORT, default 8080)")
    Integer port;

    @Option(names = "--host", description = "address the daemon would listen on (env HOST, default 0.0.0.0)")
    String host;

    @Option(names = "--broker", description = "broker to check (env BROKER, default paper)")
    String broker;

    private record Result(String mark, String what, String detail) {
    }

    private final List<Result> results = new ArrayList<>();

    @Override
    public Integer call() {
        AdminConnection connection = new AdminConnection();
        connection.dataDirectory = dataDirectory;
        Path data = connection.dataDirectory().toAbsolutePath().normalize();
        ConfigValues values = AdminConnection.localConfig(data).over(Map.of());
        Map<String, String> options = new LinkedHashMap<>();
        if (port != null) {
            options.put(TvBridgeConfig.PORT, port.toString());
        }
        if (host != null) {
            options.put(TvBridgeConfig.HOST, host);
        }
        if (broker != null) {
            options.put(TvBridgeConfig.BROKER, broker);
        }
        values = ConfigValues.layered(options).over(valuesOf(values));
        Optional<JsonNode> running = configuration(values, data);
        dataDirectory(data);
        database(values, data, running);
        port(values, running);
        broker(values, data, running);

        PrintWriter out = spec.commandLine().getOut();
        for (Result result : results) {
            out.printf("%-4s %-15s %s%n", result.mark(), result.what(), result.detail());
        }
        boolean failed = results.stream().anyMatch(r -> r.mark().equals("FAIL"));
        out.println(failed ? "Something above would stop tvbridge from starting or trading." : "Ready.");
        out.flush();
        return failed ? 1 : 0;
    }

    private static Map<String, String> valuesOf(ConfigValues values) {
        Map<String, String> map = new LinkedHashMap<>();
        values.names().forEach(name -> map.put(name, values.text(name).orElseThrow()));
        return map;
    }

    private void ok(String what, String detail) {
        results.add(new Result("ok", what, detail));
    }

    private void warn(String what, String detail) {
        results.add(new Result("warn", what, detail));
    }

    private void fail(String what, String detail) {
        results.add(new Result("FAIL", what, detail));
    }

    /** Parses the settings; returns the running daemon's /health when one answers for this data directory. */
    private Optional<JsonNode> configuration(ConfigValues values, Path data) {
        List<String> problems = new ArrayList<>();
        boolean secretsMissing = values.text(TvBridgeConfig.WEBHOOK_SECRET).isEmpty()
                || values.text(TvBridgeConfig.ADMIN_API_KEY).isEmpty();
        try {
            TvBridgeConfig.from(secretsMissing ? values.over(Map.of(TvBridgeConfig.WEBHOOK_SECRET, "x".repeat(16),
                    TvBridgeConfig.ADMIN_API_KEY, "x".repeat(16))) : values);
        } catch (ConfigException e) {
            problems.add(e.getMessage());
        }
        try {
            NetworkConfig.from(values);
        } catch (ConfigException e) {
            problems.add(e.getMessage());
        }
        try {
            AccountsConfig accounts = AccountsConfig.from(values);
            Set<AccountName> names = new LinkedHashSet<>();
            accounts.accounts().forEach(account -> names.add(account.name()));
            accounts.routes().ifPresent(routes -> Routes.parse(routes, names));
        } catch (ConfigException e) {
            problems.add(e.getMessage());
        }
        for (Setting setting : Setting.values()) {
            values.text(setting.environmentName()).ifPresent(value -> {
                try {
                    setting.validate(value);
                } catch (IllegalArgumentException e) {
                    problems.add(setting.environmentName() + ": " + e.getMessage());
                }
            });
        }
        if (!problems.isEmpty()) {
            fail("configuration", String.join("; ", problems));
        } else if (secretsMissing) {
            warn("configuration", "valid; the secrets are not set yet: tvbridge run generates them into "
                    + data.resolve("secrets.env") + " (or run tvbridge init)");
        } else {
            ok("configuration", "valid (environment, .env, " + data.resolve("secrets.env") + ")");
        }
        URI address = DaemonAddress.read(data).orElse(URI.create(DaemonAddress.configured(values)));
        return health(address);
    }

    private static Optional<JsonNode> health(URI address) {
        try {
            HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()
                    .send(HttpRequest.newBuilder(URI.create(address + "/health")).timeout(Duration.ofSeconds(5))
                            .build(), HttpResponse.BodyHandlers.ofString());
            JsonNode health = AdminConnection.JSON.readTree(response.body());
            return health.has("version") && health.has("broker") ? Optional.of(health) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private void dataDirectory(Path data) {
        try {
            Files.createDirectories(data);
            Path probe = Files.createTempFile(data, ".check", ".tmp");
            Files.delete(probe);
            ok("data directory", data + " is writable");
        } catch (IOException | RuntimeException e) {
            fail("data directory", data + " is not writable: " + e.getMessage());
        }
    }

    private void database(ConfigValues values, Path data, Optional<JsonNode> running) {
        if (running.isPresent()) {
            if (running.get().at("/db/ok").asBoolean()) {
                ok("database", "in use by the running tvbridge " + running.get().get("version").asText()
                        + ", which reports it healthy");
            } else {
                fail("database", "in use by the running tvbridge, which reports it failing");
            }
            return;
        }
        Optional<PostgresConfig> postgres;
        try {
            postgres = PostgresConfig.from(values);
        } catch (ConfigException e) {
            fail("database", e.getMessage());
            return;
        }
        if (postgres.isPresent()) {
            postgres(postgres.get());
            return;
        }
        try (MyBatisStore store = MyBatisStore.openH2(data, Clock.systemUTC())) {
            ok("database", (store.healthy() ? "opens, schema migrated: " : "opens but does not answer: ")
                    + data.resolve("tvbridge.mv.db"));
        } catch (RuntimeException e) {
            String message = rootMessage(e);
            if (message.toLowerCase(Locale.ROOT).contains("already in use")) {
                fail("database", "locked by another process (a tvbridge running with this data directory that"
                        + " does not answer here?)");
            } else {
                fail("database", "cannot be opened: " + message);
            }
        }
    }

    /** Connecting migrates the schema, as the daemon would; the password is never part of a message. */
    private void postgres(PostgresConfig postgres) {
        try (MyBatisStore store = MyBatisStore.open(Optional.of(postgres), Path.of("."), Clock.systemUTC())) {
            ok("database", (store.healthy() ? "PostgreSQL answers, schema migrated: " : "PostgreSQL opens but does"
                    + " not answer: ") + postgres.name() + " as " + postgres.user());
        } catch (RuntimeException e) {
            String message = e instanceof StoreException ? e.getMessage() : rootMessage(e);
            fail("database", postgres.masked(message));
        }
    }

    private void port(ConfigValues values, Optional<JsonNode> running) {
        int wanted;
        try {
            wanted = values.integer(TvBridgeConfig.PORT, 8080, 0, 65535);
        } catch (ConfigException e) {
            fail("port", e.getMessage());
            return;
        }
        String address = values.text(TvBridgeConfig.HOST, "0.0.0.0");
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(address, wanted));
            ok("port", address + ":" + wanted + " is free");
        } catch (IOException e) {
            if (running.isPresent()) {
                ok("port", address + ":" + wanted + " is in use by the running tvbridge");
            } else {
                fail("port", address + ":" + wanted + " cannot be used: " + e.getMessage()
                        + " (another program listens there?)");
            }
        }
    }

    private void broker(ConfigValues values, Path data, Optional<JsonNode> running) {
        if (running.isPresent()) {
            JsonNode accounts = running.get().path("accounts");
            if (accounts.isObject()) {
                accounts.properties().forEach(account -> runningBroker("broker " + account.getKey(),
                        account.getValue().get("broker")));
            } else {
                runningBroker("broker", running.get().get("broker"));
            }
            return;
        }
        AccountsConfig accounts;
        try {
            accounts = AccountsConfig.from(values);
        } catch (ConfigException e) {
            fail("broker", e.getMessage());
            return;
        }
        BrokerCatalog catalog = BrokerCatalog.discover(data.resolve("plugins"));
        for (AccountsConfig.Account account : accounts.accounts()) {
            String what = accounts.several() ? "broker " + account.name() : "broker";
            broker(what, account.broker(), accounts.several() ? accounts.valuesOf(account, values) : values, catalog);
        }
    }

    private void runningBroker(String what, JsonNode health) {
        String detail = health.path("name").asText() + " (from the running tvbridge): "
                + health.path("summary").asText();
        if (health.path("connected").asBoolean()) {
            ok(what, detail);
        } else {
            fail(what, detail);
        }
    }

    /** Connects to {@code name} with {@code values}, in a scratch folder, and says whether it answered. */
    private void broker(String what, String name, ConfigValues values, BrokerCatalog catalog) {
        Optional<BrokerCatalog.Provider> provider = catalog.find(name);
        if (provider.isEmpty()) {
            fail(what, "unknown broker '" + name + "'; found: " + String.join(", ", catalog.names()));
            return;
        }
        Path state = null;
        try {
            // a scratch state folder: the check must not touch the broker state of the real daemon
            state = Files.createTempDirectory("tvbridge-check");
            BrokerConfig config = new BrokerConfig(name, values.withPrefix(name.toUpperCase(Locale.ROOT)
                    .replace('-', '_') + "_"), provider.get().factory().configKeys());
            try (Broker broker = provider.get().factory().create(config, new HostBrokerContext(Clock.systemUTC(),
                    BrokerListener.IGNORE, state, MarketHours.ALWAYS_OPEN))) {
                broker.connect();
                var health = broker.health();
                if (health.connected()) {
                    ok(what, name + " reachable: " + health.summary());
                } else {
                    fail(what, name + " not reachable: " + health.summary());
                }
            }
        } catch (BrokerException | IOException | RuntimeException e) {
            fail(what, name + ": " + e.getMessage());
        } finally {
            delete(state);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage()).lines().findFirst().orElse("");
    }

    private static void delete(Path folder) {
        if (folder == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a scratch folder left in the temporary directory harms nothing
        }
    }
}

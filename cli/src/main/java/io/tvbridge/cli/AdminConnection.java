package io.tvbridge.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.tvbridge.core.config.ConfigLoader;
import io.tvbridge.core.config.ConfigValues;
import io.tvbridge.core.config.DotEnv;
import io.tvbridge.core.config.SecretsFile;
import io.tvbridge.core.config.TvBridgeConfig;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.StringJoiner;
import picocli.CommandLine.Option;

/**
 * How an admin command reaches the running daemon: its URL and the admin API key, read from the
 * data directory (the address the daemon wrote, the generated secrets) unless given, over HTTP
 * with JSON. A picocli mixin: every admin command takes {@code --data-dir}, {@code --url},
 * {@code --api-key}, {@code --account} and {@code --json}.
 */
final class AdminConnection {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Option(names = "--data-dir", description = "data directory of the daemon (env DATA_DIR, default ./data)")
    Path dataDirectory;

    @Option(names = "--url", description = "the daemon's address, e.g. http://127.0.0.1:8080 (default: from the data"
            + " directory)")
    String url;

    @Option(names = "--api-key", description = "the admin API key (default: ADMIN_API_KEY from the environment, .env"
            + " or the data directory)")
    String apiKey;

    @Option(names = "--json", description = "print the API's JSON instead of a table")
    boolean json;

    @Option(names = "--account", paramLabel = "NAME", description = "with several accounts (ACCOUNTS): the account"
            + " to show or act on, or all (the default)")
    String account;

    /** The settings a command reads without a daemon: the environment, then .env, then the data directory's secrets. */
    static ConfigValues localConfig(Path dataDirectory) {
        return ConfigLoader.withAccountsFile(ConfigValues.layered(System.getenv(), DotEnv.read(Path.of(".env"))),
                dataDirectory).over(DotEnv.read(SecretsFile.location(dataDirectory)));
    }

    Path dataDirectory() {
        if (dataDirectory != null) {
            return dataDirectory;
        }
        return ConfigValues.layered(System.getenv(), DotEnv.read(Path.of(".env")))
                .path(TvBridgeConfig.DATA_DIR, TvBridgeConfig.DEFAULT_DATA_DIR);
    }

    URI baseUri() {
        if (url != null) {
            return URI.create(url.replaceAll("/+$", ""));
        }
        Path data = dataDirectory();
        return DaemonAddress.read(data).orElseGet(() -> URI.create(DaemonAddress.configured(localConfig(data))));
    }

    private String key() {
        if (apiKey != null) {
            return apiKey;
        }
        return localConfig(dataDirectory()).text(TvBridgeConfig.ADMIN_API_KEY).orElseThrow(() ->
                new AdminCallFailed(AdminCallFailed.UNAUTHORIZED, "no admin API key: give --api-key, or set"
                        + " ADMIN_API_KEY, or point --data-dir at the daemon's data directory"));
    }

    JsonNode get(String path) {
        return send("GET", path, null);
    }

    JsonNode post(String path, Map<String, ?> body) {
        return send("POST", path, body);
    }

    JsonNode send(String method, String path, Map<String, ?> body) {
        URI base = baseUri();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + withAccount(path))).timeout(TIMEOUT)
                .header("X-API-Key", key()).header("Accept", "application/json");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method,
                    HttpRequest.BodyPublishers.ofString(write(body)));
        }
        HttpResponse<String> response;
        try {
            response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                    .send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException | HttpConnectTimeoutException e) {
            throw new AdminCallFailed(AdminCallFailed.NOT_RUNNING, "tvbridge is not running at " + base
                    + " (nothing answers); start it with 'tvbridge run', or give --url");
        } catch (IOException e) {
            throw new AdminCallFailed(AdminCallFailed.NOT_RUNNING, "no answer from " + base + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AdminCallFailed(AdminCallFailed.REFUSED, "interrupted");
        }
        JsonNode answer = read(response.body());
        int status = response.statusCode();
        if (status == 401) {
            throw new AdminCallFailed(AdminCallFailed.UNAUTHORIZED, "the daemon at " + base
                    + " refused the admin API key: " + answer.path("error").asText("HTTP 401"));
        }
        if (status >= 300) {
            throw new AdminCallFailed(AdminCallFailed.REFUSED, answer.path("error").asText("HTTP " + status)
                    + (status >= 500 ? " (HTTP " + status + ")" : ""));
        }
        return answer;
    }

    /** {@code path} with {@code account=} added when {@code --account} was given; without it the daemon takes all. */
    private String withAccount(String path) {
        if (account == null || account.isBlank()) {
            return path;
        }
        return path + (path.contains("?") ? "&" : "?") + "account="
                + URLEncoder.encode(account.strip(), StandardCharsets.UTF_8);
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body.isBlank() ? "{}" : body);
        } catch (JsonProcessingException e) {
            throw new AdminCallFailed(AdminCallFailed.REFUSED, "the daemon did not answer in JSON: "
                    + body.lines().findFirst().orElse(""));
        }
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code ?a=1&b=2} of the parameters that are set. */
    static String query(Map<String, ?> parameters) {
        StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
        parameters.forEach((name, value) -> {
            if (value != null && !value.toString().isBlank()) {
                query.add(name + "=" + URLEncoder.encode(value.toString(), StandardCharsets.UTF_8));
            }
        });
        return query.toString();
    }

    /** Who the audit trail names for an action from this terminal. */
    static String defaultActor() {
        return "cli:" + System.getProperty("user.name", "unknown");
    }
}

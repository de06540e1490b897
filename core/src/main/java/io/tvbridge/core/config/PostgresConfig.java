package io.tvbridge.core.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The PostgreSQL database that {@code DATABASE_URL} names, which replaces the embedded H2 store.
 * The URL is {@code postgresql://[user[:password]@]host[:port]/database[?option=value...]}, or the
 * same with {@code jdbc:} in front; {@code DATABASE_USER} and {@code DATABASE_PASSWORD} win over the
 * URL's own. The password never appears in {@link #toString}, {@link #name} or {@link #jdbcUrl}.
 *
 * @param options the URL's query options for the driver ({@code sslmode=require}), credentials removed
 */
public record PostgresConfig(String host, int port, String database, Map<String, String> options, String user,
                             String password) {

    public static final String DATABASE_URL = "DATABASE_URL";
    public static final String DATABASE_USER = "DATABASE_USER";
    public static final String DATABASE_PASSWORD = "DATABASE_PASSWORD";
    public static final int DEFAULT_PORT = 5432;
    /** The password of {@code scheme://user:password@host}: from the first colon after "//" to the last "@". */
    private static final Pattern URL_PASSWORD = Pattern.compile("//[^/:@]*:(.*)@[^@]*$");
    private static final Pattern QUERY_PASSWORD = Pattern.compile("[?&]password=([^&]*)");

    public PostgresConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        options = Map.copyOf(options);
        if (host.isBlank() || database.isBlank()) {
            throw new ConfigException(DATABASE_URL + " must name a host and a database: postgresql://host:port/database");
        }
        if (user.isBlank()) {
            throw new ConfigException("no database user: set " + DATABASE_USER + " or put it in " + DATABASE_URL
                    + " (postgresql://user@host:port/database)");
        }
    }

    /** The PostgreSQL database configured, or empty for the embedded H2 store. */
    public static Optional<PostgresConfig> from(ConfigValues values) {
        return values.text(DATABASE_URL).map(url -> parse(url, values.text(DATABASE_USER),
                values.text(DATABASE_PASSWORD)));
    }

    /** Reads {@code url}; {@code user} and {@code password}, when given, win over the URL's own. */
    public static PostgresConfig parse(String url, Optional<String> user, Optional<String> password) {
        String text = url.strip();
        if (text.startsWith("jdbc:")) {
            text = text.substring("jdbc:".length());
        }
        int colon = text.indexOf("://");
        String scheme = colon < 0 ? "" : text.substring(0, colon).toLowerCase(Locale.ROOT);
        if (!scheme.equals("postgresql") && !scheme.equals("postgres")) {
            throw new ConfigException(DATABASE_URL + " must start with postgresql:// (or jdbc:postgresql://), but"
                    + " starts with '" + (colon < 0 ? "" : scheme + "://") + "'");
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            // the message would quote the URL, password and all
            throw new ConfigException(DATABASE_URL + " is not a valid URL (at character " + e.getIndex()
                    + "); percent-encode special characters in the user and password");
        }
        if (uri.getHost() == null) {
            throw new ConfigException(DATABASE_URL + " must name a host: postgresql://host:port/database");
        }
        Map<String, String> options = query(uri.getRawQuery());
        String[] userInfo = userInfo(uri.getRawUserInfo());
        String urlUser = Optional.ofNullable(options.remove("user")).orElse(userInfo[0]);
        String urlPassword = Optional.ofNullable(options.remove("password")).orElse(userInfo[1]);
        String path = uri.getPath() == null ? "" : uri.getPath();
        return new PostgresConfig(uri.getHost(), uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort(),
                path.startsWith("/") ? path.substring(1) : path, options, user.orElse(urlUser),
                password.orElse(urlPassword));
    }

    /**
     * The texts that must never be shown: the password, also as {@code DATABASE_URL} spells it
     * (percent-encoded), whether or not the URL can be read.
     */
    public static List<String> secrets(ConfigValues values) {
        List<String> secrets = new ArrayList<>();
        values.text(DATABASE_PASSWORD).ifPresent(secrets::add);
        values.text(DATABASE_URL).ifPresent(url -> {
            Matcher inUserInfo = URL_PASSWORD.matcher(url);
            if (inUserInfo.find()) {
                secrets.add(inUserInfo.group(1));
                secrets.add(decode(inUserInfo.group(1)));
            }
            Matcher inQuery = QUERY_PASSWORD.matcher(url);
            while (inQuery.find()) {
                secrets.add(inQuery.group(1));
                secrets.add(decode(inQuery.group(1)));
            }
        });
        return List.copyOf(secrets);
    }

    /** The JDBC URL, without the user and password (the driver gets those apart). */
    public String jdbcUrl() {
        String query = options.isEmpty() ? "" : "?" + new TreeMap<>(options).entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue())).collect(Collectors.joining("&"));
        return "jdbc:postgresql://" + hostAndPort() + "/" + database + query;
    }

    /** How logs, errors and the status pages name the database: {@code postgresql://host:port/database}. */
    public String name() {
        return "postgresql://" + hostAndPort() + "/" + database;
    }

    /** {@code text} with the password masked: for a driver's message, which should not hold it anyway. */
    public String masked(String text) {
        return password.isEmpty() ? text : text.replace(password, Redactor.MASK);
    }

    private String hostAndPort() {
        // an IPv6 literal keeps its brackets
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> options = new TreeMap<>();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                if (!pair.isEmpty()) {
                    int equals = pair.indexOf('=');
                    String key = decode(equals < 0 ? pair : pair.substring(0, equals));
                    options.put(key, equals < 0 ? "" : decode(pair.substring(equals + 1)));
                }
            }
        }
        return options;
    }

    private static String[] userInfo(String raw) {
        if (raw == null) {
            return new String[] {"", ""};
        }
        int colon = raw.indexOf(':');
        return colon < 0 ? new String[] {decode(raw), ""}
                : new String[] {decode(raw.substring(0, colon)), decode(raw.substring(colon + 1))};
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** Percent-decoding only: a {@code +} in a password is a plus. */
    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "PostgresConfig[" + name() + ", user=" + user + ", password=" + (password.isEmpty() ? "" : Redactor.MASK)
                + ", options=" + options.keySet() + "]";
    }
}

package io.tvbridge.core.config;

import io.tvbridge.core.net.AddressList;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;

/**
 * Who may reach the daemon and how: the webhook's allowlist and rate limits, the proxies whose
 * {@code X-Forwarded-For} is believed, how old an alert's own timestamp may be, where the admin
 * API listens, and HTTPS. Read once at start, beside {@link TvBridgeConfig}.
 *
 * @param webhookAllow       who may post to {@code /webhook}; empty: anyone
 * @param trustedProxies     direct peers whose {@code X-Forwarded-For} names the real sender
 * @param rateLimit          webhook requests a minute per source, also the burst allowed at once; 0: no limit
 * @param authFailureLimit   failed authentications a minute per source before it is refused; 0: no limit
 * @param maxAlertAge        how far an alert's timestamp may lie in the past or future; zero: not checked
 * @param adminHost          the admin API's address, when it has a port of its own
 * @param adminPort          the admin API's own port (0: any free one); empty: served beside the webhook
 * @param tls                HTTPS on the webhook's port, or empty for plain HTTP
 * @param httpRedirectPort   a plain HTTP port that redirects to HTTPS, if any
 * @param secretInUrl        whether an alert may give the secret in the webhook's path ({@code /webhook/<secret>})
 */
public record NetworkConfig(AddressList webhookAllow, AddressList trustedProxies, int rateLimit, int authFailureLimit,
                            Duration maxAlertAge, String adminHost, OptionalInt adminPort, Optional<TlsConfig> tls,
                            OptionalInt httpRedirectPort, boolean secretInUrl) {

    public static final String WEBHOOK_ALLOW = "WEBHOOK_ALLOW";
    public static final String TRUSTED_PROXIES = "TRUSTED_PROXIES";
    public static final String WEBHOOK_RATE_LIMIT = "WEBHOOK_RATE_LIMIT";
    public static final String WEBHOOK_AUTH_FAILURE_LIMIT = "WEBHOOK_AUTH_FAILURE_LIMIT";
    public static final String WEBHOOK_MAX_AGE = "WEBHOOK_MAX_AGE";
    public static final String ADMIN_HOST = "ADMIN_HOST";
    public static final String ADMIN_PORT = "ADMIN_PORT";
    public static final String TLS_KEYSTORE = "TLS_KEYSTORE";
    public static final String TLS_KEYSTORE_PASSWORD = "TLS_KEYSTORE_PASSWORD";
    public static final String TLS_CERT = "TLS_CERT";
    public static final String TLS_KEY = "TLS_KEY";
    public static final String TLS_CLIENT_CERT = "TLS_CLIENT_CERT";
    public static final String TLS_CLIENT_SUBJECT = "TLS_CLIENT_SUBJECT";
    public static final String TLS_CLIENT_CA = "TLS_CLIENT_CA";
    public static final String TLS_RELOAD_SECONDS = "TLS_RELOAD_SECONDS";
    public static final String HTTP_REDIRECT_PORT = "HTTP_REDIRECT_PORT";
    public static final String WEBHOOK_SECRET_IN_URL = "WEBHOOK_SECRET_IN_URL";

    public static final int DEFAULT_RATE_LIMIT = 600;
    public static final int DEFAULT_AUTH_FAILURE_LIMIT = 10;
    /** Wider than the risk setting max_signal_age (300 s), which stores a stale alert and rejects it with a reason. */
    public static final Duration DEFAULT_MAX_ALERT_AGE = Duration.ofSeconds(900);
    public static final String DEFAULT_CLIENT_SUBJECT = "CN=TradingView Webhooks";

    public NetworkConfig {
        Objects.requireNonNull(webhookAllow, "webhookAllow");
        Objects.requireNonNull(trustedProxies, "trustedProxies");
        Objects.requireNonNull(maxAlertAge, "maxAlertAge");
        Objects.requireNonNull(adminHost, "adminHost");
        Objects.requireNonNull(adminPort, "adminPort");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(httpRedirectPort, "httpRedirectPort");
    }

    public static NetworkConfig from(ConfigValues values) {
        Optional<TlsConfig> tls = tls(values);
        OptionalInt redirect = port(values, HTTP_REDIRECT_PORT);
        if (redirect.isPresent() && tls.isEmpty()) {
            throw new ConfigException(HTTP_REDIRECT_PORT + " redirects to HTTPS, which needs " + TLS_KEYSTORE
                    + " or " + TLS_CERT + " and " + TLS_KEY);
        }
        OptionalInt adminPort = port(values, ADMIN_PORT);
        int port = values.integer(TvBridgeConfig.PORT, 8080, 0, 65535);
        if (sharedPort(adminPort, port)) {
            throw new ConfigException(ADMIN_PORT + " must differ from " + TvBridgeConfig.PORT + " (" + port
                    + "); leave it unset to serve the admin API beside the webhook");
        }
        if (sharedPort(redirect, port) || sharedPort(redirect, adminPort.orElse(0))) {
            throw new ConfigException(HTTP_REDIRECT_PORT + " must differ from " + TvBridgeConfig.PORT + " and "
                    + ADMIN_PORT + ": it only sends plain HTTP on to HTTPS");
        }
        return new NetworkConfig(addresses(values, WEBHOOK_ALLOW), addresses(values, TRUSTED_PROXIES),
                values.integer(WEBHOOK_RATE_LIMIT, DEFAULT_RATE_LIMIT, 0, 1_000_000),
                values.integer(WEBHOOK_AUTH_FAILURE_LIMIT, DEFAULT_AUTH_FAILURE_LIMIT, 0, 1_000_000),
                values.seconds(WEBHOOK_MAX_AGE, DEFAULT_MAX_ALERT_AGE),
                values.text(ADMIN_HOST, "127.0.0.1"), adminPort, tls, redirect, values.bool(WEBHOOK_SECRET_IN_URL, true));
    }

    /** Everything at its default: no allowlist, plain HTTP, the admin API beside the webhook. */
    public static NetworkConfig defaults() {
        return from(ConfigValues.layered());
    }

    /** Whether the admin API listens on a port of its own. */
    public boolean adminSeparate() {
        return adminPort.isPresent();
    }

    private static AddressList addresses(ConfigValues values, String name) {
        try {
            return AddressList.parse(values.text(name, ""));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(name + ": " + e.getMessage() + " (give addresses or CIDR ranges separated by"
                    + " commas, e.g. 203.0.113.7,10.0.0.0/8" + (name.equals(WEBHOOK_ALLOW) ? ",tradingview" : "")
                    + ")");
        }
    }

    /** Whether {@code optional} is set to the same fixed port as {@code port} (0, any free port, never clashes). */
    private static boolean sharedPort(OptionalInt optional, int port) {
        return optional.isPresent() && optional.getAsInt() != 0 && optional.getAsInt() == port;
    }

    private static OptionalInt port(ConfigValues values, String name) {
        return values.text(name).isPresent() ? OptionalInt.of(values.integer(name, 0, 0, 65535)) : OptionalInt.empty();
    }

    private static Optional<TlsConfig> tls(ConfigValues values) {
        Optional<Path> keystore = values.text(TLS_KEYSTORE).map(Path::of);
        Optional<Path> certificate = values.text(TLS_CERT).map(Path::of);
        Optional<Path> key = values.text(TLS_KEY).map(Path::of);
        TlsConfig.ClientCertificate client = clientCertificate(values);
        if (keystore.isEmpty() && certificate.isEmpty() && key.isEmpty()) {
            if (client == TlsConfig.ClientCertificate.REQUIRED) {
                throw new ConfigException(TLS_CLIENT_CERT + "=required needs HTTPS: set " + TLS_KEYSTORE + " or "
                        + TLS_CERT + " and " + TLS_KEY);
            }
            return Optional.empty();
        }
        if (keystore.isPresent() && (certificate.isPresent() || key.isPresent())) {
            throw new ConfigException("set either " + TLS_KEYSTORE + " or " + TLS_CERT + " and " + TLS_KEY
                    + ", not both");
        }
        if (keystore.isEmpty() && (certificate.isEmpty() || key.isEmpty())) {
            throw new ConfigException(TLS_CERT + " and " + TLS_KEY + " go together: the certificate and its private"
                    + " key, both PEM files");
        }
        String subject = values.text(TLS_CLIENT_SUBJECT, DEFAULT_CLIENT_SUBJECT);
        try {
            new LdapName(subject);
        } catch (InvalidNameException | IllegalArgumentException e) {
            throw new ConfigException(TLS_CLIENT_SUBJECT + " must be a certificate subject such as "
                    + DEFAULT_CLIENT_SUBJECT + ", but is '" + subject + "'");
        }
        Duration reload = values.seconds(TLS_RELOAD_SECONDS, Duration.ofSeconds(30));
        if (reload.isZero()) {
            throw new ConfigException(TLS_RELOAD_SECONDS + " must be at least 1");
        }
        return Optional.of(new TlsConfig(keystore, values.text(TLS_KEYSTORE_PASSWORD, ""), certificate, key, client,
                subject, values.text(TLS_CLIENT_CA).map(Path::of), reload));
    }

    private static TlsConfig.ClientCertificate clientCertificate(ConfigValues values) {
        String text = values.text(TLS_CLIENT_CERT, "none");
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "none", "off", "false", "no" -> TlsConfig.ClientCertificate.NONE;
            case "required", "require", "true", "yes" -> TlsConfig.ClientCertificate.REQUIRED;
            default -> throw new ConfigException(TLS_CLIENT_CERT + " must be none or required, but is '" + text + "'");
        };
    }
}

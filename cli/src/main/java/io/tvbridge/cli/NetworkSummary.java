package io.tvbridge.cli;

import io.tvbridge.core.config.NetworkConfig;
import io.tvbridge.core.config.TlsConfig;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/** The start-up log's words for how the daemon faces the network. */
final class NetworkSummary {

    private NetworkSummary() {
    }

    /** {@code "; HTTPS, webhook allowed from 4 addresses, ..."}, to follow the listening line. */
    static String describe(NetworkConfig network, InetSocketAddress admin) {
        List<String> parts = new ArrayList<>();
        network.tls().ifPresent(tls -> parts.add("HTTPS"
                + (tls.clientCertificate() == TlsConfig.ClientCertificate.REQUIRED
                        ? " with client certificates of " + tls.clientSubject() : "")));
        network.httpRedirectPort().ifPresent(port -> parts.add("HTTP on port " + port + " redirects to HTTPS"));
        parts.add(network.webhookAllow().isEmpty() ? "webhook open to every address"
                : "webhook allowed from " + network.webhookAllow());
        if (!network.trustedProxies().isEmpty()) {
            parts.add("X-Forwarded-For believed from " + network.trustedProxies());
        }
        parts.add(network.rateLimit() == 0 ? "no rate limit" : network.rateLimit() + " alerts a minute per source");
        if (network.adminSeparate()) {
            parts.add("admin API on " + admin.getHostString() + ":" + admin.getPort());
        }
        return "; " + String.join(", ", parts);
    }

    /** Settings that work, but probably not as meant; each said once at start. */
    static List<String> warnings(String host, NetworkConfig network) {
        List<String> warnings = new ArrayList<>();
        boolean limited = network.rateLimit() > 0 || network.authFailureLimit() > 0;
        boolean loopback = host.equals("127.0.0.1") || host.equals("::1") || host.equals("localhost");
        if (loopback && limited && network.trustedProxies().isEmpty()) {
            warnings.add("listening on " + host + " only, as behind a reverse proxy, where every alert comes from the"
                    + " proxy: set " + NetworkConfig.TRUSTED_PROXIES + "=127.0.0.1 so that the rate limits count each"
                    + " sender apart, or one sender's failed authentications hold back everyone's alerts");
        }
        if (network.tls().isPresent() && !network.adminSeparate()) {
            warnings.add("the admin API shares the HTTPS port: set " + NetworkConfig.ADMIN_PORT + " so that the"
                    + " tvbridge commands reach it over plain HTTP on " + network.adminHost());
        }
        return warnings;
    }
}

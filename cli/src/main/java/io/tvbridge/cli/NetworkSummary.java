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
        network.tls().ifPresent(tls -> parts.add("HTTPS" + (tls.clientCertificate() == TlsConfig.ClientCertificate.REQUIRED
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
}

package io.tvbridge.server;

import io.tvbridge.core.config.TlsConfig;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/** The daemon's Jetty connectors: plain HTTP, HTTPS, each named for {@link ConnectorRouting}. */
final class Listeners {
    private static final long IDLE_TIMEOUT_MILLIS = 30_000;

    private Listeners() {
    }

    static ServerConnector plain(Server server, String name, String host, int port) {
        return add(server, new ServerConnector(server, new HttpConnectionFactory(http())), name, host, port);
    }

    static ServerConnector https(Server server, String name, String host, int port, SslContextFactory.Server tls) {
        HttpConfiguration https = http();
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        // the client accepted our certificate already; a Host that names us differently (an IP) is no threat
        secure.setSniHostCheck(false);
        https.addCustomizer(secure);
        return add(server, new ServerConnector(server, new SslConnectionFactory(tls, HttpVersion.HTTP_1_1.asString()),
                new HttpConnectionFactory(https)), name, host, port);
    }

    /**
     * The TLS setup of the HTTPS connector. A client certificate is asked for but not demanded at
     * the handshake, so that {@code /health} stays reachable without one and a webhook request
     * without one gets a 403 with the reason instead of a broken connection.
     */
    static SslContextFactory.Server sslContextFactory(TlsConfig config, TlsMaterial material) {
        SslContextFactory.Server tls = new SslContextFactory.Server();
        TlsReloader.apply(tls, material);
        tls.setWantClientAuth(config.clientCertificate() == TlsConfig.ClientCertificate.REQUIRED);
        return tls;
    }

    private static HttpConfiguration http() {
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        return http;
    }

    private static ServerConnector add(Server server, ServerConnector connector, String name, String host, int port) {
        connector.setName(name);
        connector.setHost(host);
        connector.setPort(port);
        connector.setIdleTimeout(IDLE_TIMEOUT_MILLIS);
        server.addConnector(connector);
        return connector;
    }
}

package io.tvbridge.server;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jetty.JettyConnectionMetrics;
import io.micrometer.core.instrument.binder.jetty.JettyServerThreadPoolMetrics;
import io.tvbridge.core.config.NetworkConfig;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.servlet.ServletContainer;

/**
 * The daemon's HTTP server: Jetty 12, the webhook as a plain handler ({@link WebhookHandler}), the
 * rest with Jersey, resources registered as instances (no dependency-injection container of
 * ours). Stopping it lets requests in flight finish.
 */
public final class WebhookServer implements AutoCloseable {
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);

    private final Server server;
    private final ServerConnector connector;
    private final Optional<ServerConnector> adminConnector;
    private final Optional<TlsReloader> reloader;

    /** Jersey's {@code resources} only, without the webhook. */
    public WebhookServer(String host, int port, List<Object> resources) {
        this(host, port, NetworkConfig.defaults(), Optional.empty(), resources);
    }

    /**
     * With {@code network}'s HTTPS, admin port and redirect port (see {@link ConnectorRouting}):
     * {@code webhook} answers the webhook's paths, Jersey's {@code resources} the rest.
     */
    public WebhookServer(String host, int port, NetworkConfig network, Optional<WebhookHandler> webhook,
                         List<Object> resources) {
        server = JettyServers.server("tvbridge-http");

        Optional<SslContextFactory.Server> tls = network.tls().map(config ->
                Listeners.sslContextFactory(config, TlsMaterial.read(config)));
        connector = tls.isPresent() ? Listeners.https(server, ConnectorRouting.PUBLIC, host, port, tls.get())
                : Listeners.plain(server, ConnectorRouting.PUBLIC, host, port);
        adminConnector = network.adminPort().stream().mapToObj(adminPort ->
                Listeners.plain(server, ConnectorRouting.ADMIN, network.adminHost(), adminPort)).findFirst();
        network.httpRedirectPort().ifPresent(redirect ->
                Listeners.plain(server, ConnectorRouting.REDIRECT, host, redirect));
        reloader = network.tls().map(config -> new TlsReloader(config, tls.get()));

        ResourceConfig jersey = new ResourceConfig();
        resources.forEach(jersey::register);
        jersey.register(Json.class);
        jersey.register(ErrorMappers.HttpErrors.class);
        jersey.register(ErrorMappers.Refusals.class);
        jersey.register(ErrorMappers.Unexpected.class);
        jersey.property(ServerProperties.WADL_FEATURE_DISABLE, true);
        jersey.property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, true);

        ServletContextHandler context = new ServletContextHandler("/");
        context.addServlet(new ServletHolder("jersey", new ServletContainer(jersey)), "/*");
        context.addFilter(new FilterHolder(new HeaderCheck()), "/*", EnumSet.of(DispatcherType.REQUEST));
        context.setErrorHandler(new org.eclipse.jetty.ee10.servlet.ErrorHandler() {
            @Override
            protected void generateAcceptableResponse(org.eclipse.jetty.ee10.servlet.ServletContextRequest baseRequest,
                                                      jakarta.servlet.http.HttpServletRequest request,
                                                      HttpServletResponse response, int code, String message)
                    throws IOException {
                response.setContentType("application/json");
                response.getWriter().write(errorJson(code, message));
            }
        });

        server.setHandler(new GracefulHandler(new ConnectorRouting(webhook.map(Handler.class::cast), context,
                network.adminSeparate(), this::port)));
        server.setErrorHandler(new JsonErrorHandler());
        server.setStopTimeout(STOP_TIMEOUT.toMillis());
        server.setStopAtShutdown(false);   // the daemon stops us, after it stopped taking signals
    }

    /**
     * Lets another server of this process, or another process of the same user, listen on the same
     * ports at once ({@code SO_REUSEPORT}): a standby on a shared database hands its port over to
     * the trading server it becomes without a moment in which nobody listens. Before {@link #start}.
     */
    public WebhookServer sharingPorts() {
        for (var each : server.getConnectors()) {
            if (each instanceof ServerConnector serverConnector) {
                serverConnector.setReusePort(true);
            }
        }
        return this;
    }

    public WebhookServer start() {
        try {
            JettyServers.start(server, connector);
        } catch (RuntimeException e) {
            reloader.ifPresent(TlsReloader::close);
            throw e;
        }
        return this;
    }

    /** Adds the thread pool's and the connections' meters (Jetty's) to {@code registry}. */
    public void instrument(MeterRegistry registry) {
        new JettyServerThreadPoolMetrics(server.getThreadPool(), List.of()).bindTo(registry);
        JettyConnectionMetrics.addToAllConnectors(server, registry);
    }

    /** The port actually bound (useful when started on port 0). */
    public int port() {
        return connector.getLocalPort();
    }

    public InetSocketAddress address() {
        return new InetSocketAddress(connector.getHost() == null ? "0.0.0.0" : connector.getHost(), port());
    }

    /** Where the admin API answers: its own connector, or the webhook's. */
    public InetSocketAddress adminAddress() {
        return adminConnector.map(admin -> InetSocketAddress.createUnresolved(admin.getHost(), admin.getLocalPort()))
                .orElseGet(this::address);
    }

    /** Whether the admin API is reached over HTTPS (it shares the webhook's HTTPS port). */
    public boolean adminSecure() {
        return adminConnector.isEmpty() && connector.getDefaultProtocol().startsWith("SSL");
    }

    /** Stops accepting requests and waits for those in flight. */
    @Override
    public void close() {
        reloader.ifPresent(TlsReloader::close);
        JettyServers.stop(server);
    }

    static String errorJson(int code, String message) {
        String reason = switch (code) {
            case 400 -> "bad request" + (message == null || message.isBlank() ? "" : ": " + message);
            case 404 -> "no such endpoint";
            case 413 -> "the request is too large";
            case 414 -> "the URL is too long";
            case 431 -> "the request headers are too large";
            default -> "the request failed (HTTP " + code + ")";
        };
        return "{\"error\":\"" + reason.replace("\\", "\\\\").replace("\"", "\\\"")
                .replaceAll("[\\x00-\\x1f]", " ") + "\"}";
    }

    /** Errors Jetty answers before a request reaches Jersey (bad URLs, oversized headers): JSON, no stack. */
    private static final class JsonErrorHandler extends ErrorHandler {
        JsonErrorHandler() {
            setShowStacks(false);
            setShowCauses(false);
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            int code = response.getStatus();
            String message = (String) request.getAttribute(ERROR_MESSAGE);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, MimeTypes.Type.APPLICATION_JSON_UTF_8.asString());
            response.write(true, ByteBuffer.wrap(errorJson(code, message).getBytes(StandardCharsets.UTF_8)), callback);
            return true;
        }
    }
}

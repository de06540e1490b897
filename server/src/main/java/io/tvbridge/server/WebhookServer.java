package io.tvbridge.server;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jetty.JettyConnectionMetrics;
import io.micrometer.core.instrument.binder.jetty.JettyServerThreadPoolMetrics;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.servlet.ServletContainer;

/**
 * The daemon's HTTP server: Jetty 12 with Jersey, resources registered as instances (no
 * dependency-injection container of ours). Stopping it lets requests in flight finish.
 */
public final class WebhookServer implements AutoCloseable {
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);

    private final Server server;
    private final ServerConnector connector;

    public WebhookServer(String host, int port, List<Object> resources) {
        QueuedThreadPool threads = new QueuedThreadPool(200, 8);
        threads.setName("tvbridge-http");
        server = new Server(threads);

        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setName("webhook");
        connector.setHost(host);
        connector.setPort(port);
        connector.setIdleTimeout(30_000);
        server.addConnector(connector);

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

        server.setHandler(new GracefulHandler(context));
        server.setErrorHandler(new JsonErrorHandler());
        server.setStopTimeout(STOP_TIMEOUT.toMillis());
        server.setStopAtShutdown(false);   // the daemon stops us, after it stopped taking signals
    }

    public WebhookServer start() {
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + connector.getHost() + ":" + connector.getPort()
                    + ": " + e.getMessage(), e);
        } catch (Exception e) {
            throw new IllegalStateException("the HTTP server did not start: " + e.getMessage(), e);
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

    /** Stops accepting requests and waits for those in flight. */
    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("the HTTP server did not stop cleanly: " + e.getMessage(), e);
        }
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

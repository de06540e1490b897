package io.tvbridge.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * The yardstick of the webhook benchmark: Jetty with the daemon's thread pool and connector and
 * one handler that reads the whole body and answers 200 with a short JSON body. No parsing, no
 * database, no decision: what is left is the cost of HTTP itself on this machine.
 *
 * <p>So that {@code tvbridge bench} can be pointed at it unchanged, the answer names a decision
 * ({@code none}) and a {@code GET} answers like {@code /health} of a daemon that sends no order.
 */
public final class BareHttpServer implements AutoCloseable {
    private static final ByteBuffer ANSWER = json("{\"decision\":\"none\"}");
    private static final ByteBuffer HEALTH = json("{\"status\":\"ok\",\"broker\":{\"name\":\"bench-server\"},"
            + "\"dry_run\":true}");

    private final Server server;
    private final ServerConnector connector;

    public BareHttpServer(String host, int port) {
        server = JettyServers.server("bench-http");
        connector = JettyServers.connector(server, host, port);
        server.setHandler(new ReadAndAnswer());
    }

    public BareHttpServer start() {
        JettyServers.start(server, connector);
        return this;
    }

    /** The port actually bound (useful when started on port 0). */
    public int port() {
        return connector.getLocalPort();
    }

    @Override
    public void close() {
        JettyServers.stop(server);
    }

    private static ByteBuffer json(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)).asReadOnlyBuffer();
    }

    /** Reads the request body to its end (as the webhook does), then answers. */
    private static final class ReadAndAnswer extends Handler.Abstract {
        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            Content.Source.asByteBuffer(request);
            response.setStatus(200);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, MimeTypes.Type.APPLICATION_JSON_UTF_8.asString());
            boolean get = HttpMethod.GET.is(request.getMethod());
            response.write(true, (get ? HEALTH : ANSWER).slice(), callback);
            return true;
        }
    }
}

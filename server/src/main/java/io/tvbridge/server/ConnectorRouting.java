package io.tvbridge.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntSupplier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Which paths each connector serves. With the admin API on a port of its own, the public
 * connector serves only the webhook ({@code POST /webhook}, not what lies below it, such as the
 * admin's {@code /webhook/template}) and the health checks, and the admin connector everything
 * but the webhook; the redirect connector only sends plain HTTP on to HTTPS. A path a connector
 * does not serve is answered 404, as if it did not exist there.
 */
final class ConnectorRouting extends Handler.Wrapper {
    static final String PUBLIC = "public";
    static final String ADMIN = "admin";
    static final String REDIRECT = "redirect";
    /** What the internet may reach when the admin API listens elsewhere. */
    static final Set<String> PUBLIC_PATHS = Set.of("/", "/webhook", "/health", "/ready");
    static final String WEBHOOK_PATH = "/webhook";
    static final String TEMPLATE_PATH = "/webhook/template";

    private final Optional<Handler> webhook;
    private final boolean adminSeparate;
    private final IntSupplier securePort;

    /**
     * {@code webhook}: what answers the webhook's paths, ahead of {@code application};
     * {@code securePort}: where the redirect connector sends its clients (the HTTPS port, known once bound).
     */
    ConnectorRouting(Optional<Handler> webhook, Handler application, boolean adminSeparate, IntSupplier securePort) {
        super(application);
        this.webhook = webhook;
        this.adminSeparate = adminSeparate;
        this.securePort = securePort;
        webhook.ifPresent(handler -> addBean(handler, true));
    }

    /** The webhook's handler belongs to the same server (Jetty warns at start of a handler without one). */
    @Override
    public void setServer(org.eclipse.jetty.server.Server server) {
        super.setServer(server);
        webhook.ifPresent(handler -> handler.setServer(server));
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String connector = request.getConnectionMetaData().getConnector().getName();
        String path = Request.getPathInContext(request);
        if (REDIRECT.equals(connector)) {
            redirect(request, response, callback);
            return true;
        }
        boolean post = HttpMethod.POST.is(request.getMethod());
        if (adminSeparate && (PUBLIC.equals(connector) && !publicPath(path, post)
                || ADMIN.equals(connector) && webhookPath(path, post))) {
            response.setStatus(HttpStatus.NOT_FOUND_404);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, MimeTypes.Type.APPLICATION_JSON_UTF_8.asString());
            response.write(true, ByteBuffer.wrap(WebhookServer.errorJson(404, null).getBytes(StandardCharsets.UTF_8)),
                    callback);
            return true;
        }
        if (webhook.isPresent() && webhookPath(path, post)) {
            return webhook.get().handle(request, response, callback);
        }
        return super.handle(request, response, callback);
    }

    static boolean publicPath(String path, boolean post) {
        return PUBLIC_PATHS.contains(path) || webhookPath(path, post);
    }

    /**
     * {@code /webhook}, or a POST to {@code /webhook/<secret>} (one segment: the secret in the path;
     * {@code /webhook/} is the webhook without one),
     * never the admin API's {@code /webhook/template}.
     */
    static boolean webhookPath(String path, boolean post) {
        return path.equals(WEBHOOK_PATH) || post && path.startsWith(WEBHOOK_PATH + "/") && !path.equals(TEMPLATE_PATH)
                && path.indexOf('/', WEBHOOK_PATH.length() + 1) < 0;
    }

    /** 308, so that a POST stays a POST with its body (301 and 302 let clients turn it into a GET). */
    private void redirect(Request request, Response response, Callback callback) {
        String host = Request.getServerName(request);
        if (host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        String query = request.getHttpURI().getQuery();
        String location = "https://" + host + (securePort.getAsInt() == 443 ? "" : ":" + securePort.getAsInt())
                + request.getHttpURI().getPath() + (query == null ? "" : "?" + query);
        Response.sendRedirect(request, response, callback, HttpStatus.PERMANENT_REDIRECT_308, location, true);
    }
}

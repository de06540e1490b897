package io.tvbridge.server;

import io.tvbridge.core.signal.RawWebhook;
import io.tvbridge.core.signal.SignalService;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /webhook}: TradingView's way in, as a plain Jetty handler. An alert is the hot path,
 * so it passes no framework: the door ({@link WebhookGuard}), the media-type headers
 * ({@link HeaderCheck}), the body read raw whatever its Content-Type, then core decides and
 * {@link WebhookReply} answers. {@code POST /webhook/<secret>} takes the secret from the path,
 * for messages that cannot carry one, unless {@code WEBHOOK_SECRET_IN_URL=false}. Other methods
 * on {@code /webhook} are answered 405. The admin API stays with Jersey.
 */
public final class WebhookHandler extends Handler.Abstract {
    static final List<String> SIGNATURE_HEADERS = List.of("X-Signature", "X-TradingView-Signature");
    private static final Logger log = LoggerFactory.getLogger(WebhookHandler.class);
    private static final String SECRET_PATH = ConnectorRouting.WEBHOOK_PATH + "/";
    /** Bytes of a too-large body read and dropped before the 413 (see {@link #discardUpTo}). */
    private static final long DISCARD_LIMIT = 1024 * 1024;
    /** A refused request's body is drained up to this, so that the connection carries the next request. */
    private static final int DRAIN_LIMIT = 64 * 1024;
    private static final HttpField CONTENT_TYPE_JSON = new HttpField(HttpHeader.CONTENT_TYPE,
            MimeTypes.Type.APPLICATION_JSON.asString());

    private final SignalService signals;
    private final WebhookGuard guard;
    private final Clock clock;
    private final boolean secretInUrl;

    public WebhookHandler(SignalService signals, WebhookGuard guard, Clock clock, boolean secretInUrl) {
        this.signals = signals;
        this.guard = guard;
        this.clock = clock;
        this.secretInUrl = secretInUrl;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        try {
            answer(request, response, callback);
        } catch (RuntimeException e) {
            log.error("unexpected failure while answering a webhook", e);
            if (!response.isCommitted()) {
                write(response, callback, WebhookReply.error(500, "internal error; the details are in tvbridge's log"),
                        false);
            } else {
                callback.failed(e);
            }
        }
        return true;
    }

    private void answer(Request request, Response response, Callback callback) {
        if (!"POST".equals(request.getMethod())) {
            response.getHeaders().put(HttpHeader.ALLOW, "POST");
            write(response, callback, WebhookReply.error(405, "the webhook takes POST only"), false);
            return;
        }
        HttpFields headers = request.getHeaders();
        Optional<String> badHeader = HeaderCheck.problem(headers.getValuesList(HttpHeader.CONTENT_TYPE),
                headers.getValuesList(HttpHeader.ACCEPT));
        if (badHeader.isPresent()) {
            write(response, callback, WebhookReply.error(400, badHeader.get()), false);
            return;
        }
        String source = guard.source(Request.getRemoteAddr(request), headers.getValuesList(SourceAddress.FORWARDED_FOR));
        Optional<WebhookGuard.Refused> refused = guard.check(source, certificates(request));
        if (refused.isPresent()) {
            WebhookGuard.Refused door = refused.get();
            WebhookReply reply = new WebhookReply(door.status(), ErrorBody.of(door.reason()),
                    door.retryAfter().isPresent() ? Optional.of(Long.toString(door.retryAfter().getAsLong()))
                            : Optional.empty());
            write(response, callback, reply, !drained(request));
            return;
        }
        WebhookReply reply = receive(request, source);
        if (reply.status() == 401) {
            guard.failedAuthentication(source);
        }
        write(response, callback, reply, false);
    }

    private WebhookReply receive(Request request, String source) {
        Optional<String> pathSecret = Optional.empty();
        String path = request.getHttpURI().getPath();
        int at = path.indexOf(SECRET_PATH);
        if (at >= 0 && path.length() > at + SECRET_PATH.length()) {
            if (!secretInUrl) {
                discardUpTo(Request.asInputStream(request), DISCARD_LIMIT);
                return WebhookReply.error(401, "the secret in the webhook's path is turned off"
                        + " (WEBHOOK_SECRET_IN_URL=false): post to /webhook with the secret in the message"
                        + " or the X-Signature header");
            }
            pathSecret = Optional.of(URLDecoder.decode(path.substring(at + SECRET_PATH.length()), StandardCharsets.UTF_8));
        }
        InputStream body = Request.asInputStream(request);
        if (request.getLength() > SignalService.MAX_BODY_BYTES) {
            discardUpTo(body, DISCARD_LIMIT);
            return tooLarge();
        }
        byte[] bytes;
        try {
            bytes = body.readNBytes(SignalService.MAX_BODY_BYTES + 1);
        } catch (IOException e) {
            return WebhookReply.error(400, "the body could not be read: " + e.getMessage());
        }
        if (bytes.length > SignalService.MAX_BODY_BYTES) {
            discardUpTo(body, DISCARD_LIMIT);
        }
        HttpFields headers = request.getHeaders();
        Optional<String> signature = SIGNATURE_HEADERS.stream().map(headers::get)
                .filter(value -> value != null && !value.isBlank()).findFirst();
        RawWebhook webhook = new RawWebhook(bytes, Optional.ofNullable(headers.get(HttpHeader.CONTENT_TYPE)), signature,
                Optional.of(source), clock.instant(), pathSecret);
        return WebhookReply.of(signals.receive(webhook));
    }

    /** The TLS client's certificate chain, or null for plain HTTP or a client that sent none. */
    private static Object certificates(Request request) {
        return request.getAttribute(EndPoint.SslSessionData.ATTRIBUTE) instanceof EndPoint.SslSessionData tls
                ? tls.peerCertificates() : null;
    }

    private static void write(Response response, Callback callback, WebhookReply reply, boolean closeConnection) {
        byte[] json;
        try {
            json = Json.MAPPER.writeValueAsBytes(reply.body());
        } catch (IOException e) {
            throw new IllegalStateException("an answer could not be written as JSON", e);
        }
        response.setStatus(reply.status());
        HttpFields.Mutable headers = response.getHeaders();
        headers.put(CONTENT_TYPE_JSON);
        reply.retryAfter().ifPresent(seconds -> headers.put(HttpHeader.RETRY_AFTER, seconds));
        if (closeConnection) {
            headers.put(HttpHeader.CONNECTION, "close");
        }
        response.write(true, ByteBuffer.wrap(json), callback);
    }

    private static WebhookReply tooLarge() {
        return WebhookReply.error(413, "the body is larger than " + SignalService.MAX_BODY_BYTES / 1024 + " KiB");
    }

    /** Reads what is left of a refused request's small body; false when it is too large and the connection must close. */
    private static boolean drained(Request request) {
        try {
            return Request.asInputStream(request).readNBytes(DRAIN_LIMIT).length < DRAIN_LIMIT;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Reads and drops the rest of a body too large to take, up to {@code limit} bytes: a sender
     * still writing it then reads the 413 and its reason instead of a connection reset under it.
     * A larger body is left unread and the connection closed.
     */
    private static void discardUpTo(InputStream body, long limit) {
        try {
            long left = limit;
            byte[] buffer = new byte[8192];
            int read;
            while (left > 0 && (read = body.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0) {
                left -= read;
            }
        } catch (IOException e) {
            // the connection broke: there is nobody left to answer
        }
    }
}

package io.tvbridge.server;

import io.tvbridge.broker.spi.model.ClientOrderId;
import io.tvbridge.core.alert.AlertReading;
import io.tvbridge.core.alert.AlertSummary;
import io.tvbridge.core.model.Outcome;
import io.tvbridge.core.signal.RawWebhook;
import io.tvbridge.core.signal.SignalService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /webhook}: TradingView's way in. The body is read raw, whatever its
 * Content-Type, and handed to core; the {@link Outcome} decides the status here and nowhere
 * else. A 5xx is answered only when nothing was stored, since TradingView resends on 5xx.
 * {@code POST /webhook/<secret>} takes the secret from the path, for messages that cannot carry
 * one (TradingView's default message, other products' formats), unless
 * {@code WEBHOOK_SECRET_IN_URL=false}. The path is read from the servlet request as sent: the
 * request's URI seen by everything else has the secret masked ({@link SecretMasking.Urls}).
 * The answer says which dialect the message was read in and what was read.
 */
@Path("/webhook")
@WebhookGuarded
public final class WebhookResource {
    static final List<String> SIGNATURE_HEADERS = List.of("X-Signature", "X-TradingView-Signature");

    /** The answer to an alert. */
    public record Answer(long signalId, String decision, Optional<String> reason, Optional<String> clientOrderId,
                         List<String> clientOrderIds, Optional<Boolean> dryRun, Optional<String> dialect,
                         Optional<Map<String, String>> read) {
    }

    /** The answer to an alert of several orders (a JSON array): one answer per order, in its order. */
    public record Answers(String decision, Optional<String> dialect, List<Answer> orders) {
    }

    private static final String PATH = "/webhook/";

    /** Bytes of a too-large body read and dropped before the 413 (see {@link #discardUpTo}). */
    private static final long DISCARD_LIMIT = 1024 * 1024;

    private final SignalService signals;
    private final Clock clock;
    private final boolean secretInUrl;

    public WebhookResource(SignalService signals, Clock clock) {
        this(signals, clock, true);
    }

    public WebhookResource(SignalService signals, Clock clock, boolean secretInUrl) {
        this.signals = signals;
        this.clock = clock;
        this.secretInUrl = secretInUrl;
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response receive(@Context HttpServletRequest request, InputStream body) {
        return receive(request, body, Optional.empty());
    }

    /** The secret in the path: {@code /webhook/<secret>}. The path parameter itself is masked, so it is not read. */
    @POST
    @Path("{secret}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response receiveWithSecret(@Context HttpServletRequest request, InputStream body) {
        if (!secretInUrl) {
            discardUpTo(body, DISCARD_LIMIT);
            return Response.status(Response.Status.UNAUTHORIZED).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(ErrorBody.of("the secret in the webhook's path is turned off"
                            + " (WEBHOOK_SECRET_IN_URL=false): post to /webhook with the secret in the message"
                            + " or the X-Signature header")).build();
        }
        String uri = request.getRequestURI();
        int at = uri.indexOf(PATH);
        String secret = at < 0 ? "" : URLDecoder.decode(uri.substring(at + PATH.length()), StandardCharsets.UTF_8);
        return receive(request, body, Optional.of(secret));
    }

    private Response receive(HttpServletRequest request, InputStream body, Optional<String> pathSecret) {
        long declared = request.getContentLengthLong();
        if (declared > SignalService.MAX_BODY_BYTES) {
            discardUpTo(body, DISCARD_LIMIT);
            return tooLarge();
        }
        byte[] bytes;
        try {
            bytes = body.readNBytes(SignalService.MAX_BODY_BYTES + 1);
            if (bytes.length > SignalService.MAX_BODY_BYTES) {
                discardUpTo(body, DISCARD_LIMIT);
            }
        } catch (IOException e) {
            return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(ErrorBody.of("the body could not be read: " + e.getMessage())).build();
        }
        Optional<String> signature = SIGNATURE_HEADERS.stream().map(request::getHeader)
                .filter(value -> value != null && !value.isBlank()).findFirst();
        RawWebhook webhook = new RawWebhook(bytes, Optional.ofNullable(request.getContentType()), signature,
                source(request), clock.instant(), pathSecret);
        SignalService.Received received = signals.receive(webhook);
        if (received.outcomes().size() > 1) {
            return several(received);
        }
        return respond(received.outcome(), received.reading());
    }

    /** The sender as the {@link WebhookGuard} resolved it (through trusted proxies), else the direct peer. */
    private static Optional<String> source(HttpServletRequest request) {
        return request.getAttribute(SourceAddress.ATTRIBUTE) instanceof String resolved ? Optional.of(resolved)
                : Optional.ofNullable(request.getRemoteAddr());
    }

    static Response respond(Outcome outcome) {
        return respond(outcome, Optional.empty());
    }

    static Response respond(Outcome outcome, Optional<AlertReading> reading) {
        Optional<String> dialect = reading.map(r -> r.dialect().wireName());
        Optional<Map<String, String>> read = reading.filter(r -> r.alerts().size() == 1)
                .map(r -> AlertSummary.of(r.single()));
        if (outcome instanceof Outcome.Decided decided) {
            return ok(new Answer(decided.signalId(), decided.decision().wireName(), decided.reason(),
                    first(decided.orders()), ids(decided.orders()),
                    decided.dryRun() ? Optional.of(true) : Optional.empty(), dialect, read));
        }
        if (outcome instanceof Outcome.Duplicate duplicate) {
            return ok(new Answer(duplicate.signalId(), "duplicate", Optional.of(duplicate.reason()),
                    first(duplicate.orders()), ids(duplicate.orders()), Optional.empty(), dialect, read));
        }
        if (outcome instanceof Outcome.Refused refused) {
            int status = switch (refused.kind()) {
                case MALFORMED, INVALID -> 400;
                case UNAUTHORIZED -> 401;
                case TOO_LARGE -> 413;
            };
            return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new ErrorBody(refused.message(), refused.field())).build();
        }
        Outcome.Unavailable unavailable = (Outcome.Unavailable) outcome;
        return Response.status(Response.Status.SERVICE_UNAVAILABLE).type(MediaType.APPLICATION_JSON_TYPE)
                .header("Retry-After", "5").entity(ErrorBody.of(unavailable.message())).build();
    }

    /**
     * Several orders: 200 with each order's answer once any was stored (an order not decided says so
     * and may be sent again alone), 503 when none could be.
     */
    private static Response several(SignalService.Received received) {
        List<Answer> answers = new ArrayList<>();
        for (int i = 0; i < received.outcomes().size(); i++) {
            Outcome outcome = received.outcomes().get(i);
            int index = i;
            Optional<Map<String, String>> read = received.reading().map(r -> AlertSummary.of(r.alerts().get(index)));
            Optional<String> dialect = received.reading().map(r -> r.dialect().wireName());
            if (outcome instanceof Outcome.Decided decided) {
                answers.add(new Answer(decided.signalId(), decided.decision().wireName(), decided.reason(),
                        first(decided.orders()), ids(decided.orders()),
                        decided.dryRun() ? Optional.of(true) : Optional.empty(), dialect, read));
            } else if (outcome instanceof Outcome.Duplicate duplicate) {
                answers.add(new Answer(duplicate.signalId(), "duplicate", Optional.of(duplicate.reason()),
                        first(duplicate.orders()), ids(duplicate.orders()), Optional.empty(), dialect, read));
            } else {
                String reason = outcome instanceof Outcome.Unavailable unavailable ? unavailable.message()
                        : ((Outcome.Refused) outcome).message();
                answers.add(new Answer(0, "unavailable", Optional.of(reason), Optional.empty(), List.of(),
                        Optional.empty(), dialect, read));
            }
        }
        if (answers.stream().allMatch(answer -> answer.decision().equals("unavailable"))) {
            return respond(received.outcome());
        }
        return ok(new Answers("several", received.reading().map(r -> r.dialect().wireName()), answers));
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

    private static Response tooLarge() {
        return Response.status(413).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ErrorBody.of("the body is larger than " + SignalService.MAX_BODY_BYTES / 1024 + " KiB")).build();
    }

    private static Response ok(Object answer) {
        return Response.ok(answer, MediaType.APPLICATION_JSON_TYPE).build();
    }

    private static Optional<String> first(List<ClientOrderId> orders) {
        return orders.stream().findFirst().map(ClientOrderId::value);
    }

    private static List<String> ids(List<ClientOrderId> orders) {
        return orders.stream().map(ClientOrderId::value).toList();
    }
}

package io.tvbridge.server;

import io.tvbridge.core.config.NetworkConfig;
import io.tvbridge.core.config.TlsConfig;
import io.tvbridge.core.metrics.BridgeMetrics;
import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The webhook's door, before the body is read: the sender's address must be allowed
 * ({@code WEBHOOK_ALLOW}, 403), its TLS client certificate right when one is required (403), and
 * it must be within its rate ({@code WEBHOOK_RATE_LIMIT}, 429) and not have failed to authenticate
 * too often ({@code WEBHOOK_AUTH_FAILURE_LIMIT}, 429). Every 401 the webhook answers counts as a
 * failed authentication of its sender. Refusals carry the reason; a 429 says when to try again.
 */
@WebhookGuarded
@Priority(Priorities.AUTHENTICATION - 100)
public final class WebhookGuard implements ContainerRequestFilter, ContainerResponseFilter {
    /** Why the door refused a request, counted for whoever watches (metrics, status). */
    public enum Refusal {
        /** The sender is not in {@code WEBHOOK_ALLOW} (403). */
        NOT_ALLOWED,
        /** No client certificate, or one of another subject (403). */
        CLIENT_CERTIFICATE,
        /** Over {@code WEBHOOK_RATE_LIMIT} (429). */
        RATE_LIMITED,
        /** Over {@code WEBHOOK_AUTH_FAILURE_LIMIT} (429). */
        AUTH_FAILURES
    }

    /** Sources remembered per limiter; the least recently seen are forgotten first. */
    static final int MAX_SOURCES = 10_000;
    private static final Logger log = LoggerFactory.getLogger(WebhookGuard.class);

    private final NetworkConfig network;
    private final SourceAddress sources;
    private final Optional<ClientCertificateCheck> certificates;
    private final Optional<SourceLimiter> requests;
    private final Optional<SourceLimiter> failures;
    private final Map<Refusal, LongAdder> refusals = new EnumMap<>(Refusal.class);
    private final BridgeMetrics metrics;

    @Context
    private HttpServletRequest servletRequest;

    public WebhookGuard(NetworkConfig network) {
        this(network, BridgeMetrics.NONE);
    }

    public WebhookGuard(NetworkConfig network, BridgeMetrics metrics) {
        this.network = network;
        this.metrics = metrics;
        this.sources = new SourceAddress(network.trustedProxies());
        this.certificates = network.tls().filter(tls -> tls.clientCertificate() == TlsConfig.ClientCertificate.REQUIRED)
                .map(tls -> new ClientCertificateCheck(tls.clientSubject()));
        this.requests = limiter(network.rateLimit());
        this.failures = limiter(network.authFailureLimit());
        for (Refusal refusal : Refusal.values()) {
            refusals.put(refusal, new LongAdder());
        }
    }

    /** How many requests were refused for {@code reason} since the start. */
    public long refused(Refusal reason) {
        return refusals.get(reason).sum();
    }

    private static Optional<SourceLimiter> limiter(int perMinute) {
        return perMinute == 0 ? Optional.empty() : Optional.of(new SourceLimiter(perMinute, MAX_SOURCES));
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String source = sources.resolve(servletRequest.getRemoteAddr(),
                servletRequest.getHeaders(SourceAddress.FORWARDED_FOR));
        servletRequest.setAttribute(SourceAddress.ATTRIBUTE, source);
        if (!network.webhookAllow().isEmpty() && !network.webhookAllow().contains(source)) {
            refuse(request, Refusal.NOT_ALLOWED, "alerts from " + source + " are not allowed: the address is"
                    + " not in WEBHOOK_ALLOW", OptionalLong.empty());
            return;
        }
        Optional<String> certificate = certificates.flatMap(check ->
                check.refusal(servletRequest.getAttribute(ClientCertificateCheck.ATTRIBUTE)));
        if (certificate.isPresent()) {
            refuse(request, Refusal.CLIENT_CERTIFICATE, certificate.get(), OptionalLong.empty());
            return;
        }
        OptionalLong failed = failures.map(limiter -> limiter.exhausted(source)).orElse(OptionalLong.empty());
        if (failed.isPresent()) {
            refuse(request, Refusal.AUTH_FAILURES, "too many failed authentications from " + source
                    + ": at most " + failures.get().perMinute() + " a minute (WEBHOOK_AUTH_FAILURE_LIMIT); check the"
                    + " alert's secret, then try again in " + failed.getAsLong() + " s", failed);
            return;
        }
        OptionalLong wait = requests.map(limiter -> limiter.take(source)).orElse(OptionalLong.empty());
        if (wait.isPresent()) {
            refuse(request, Refusal.RATE_LIMITED, "too many alerts from " + source + ": at most "
                    + requests.get().perMinute() + " a minute (WEBHOOK_RATE_LIMIT); try again in "
                    + wait.getAsLong() + " s", wait);
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() == Response.Status.UNAUTHORIZED.getStatusCode() && failures.isPresent()) {
            Object source = servletRequest.getAttribute(SourceAddress.ATTRIBUTE);
            if (source instanceof String address) {
                failures.get().spend(address);
            }
        }
    }

    private void refuse(ContainerRequestContext request, Refusal refusal, String reason, OptionalLong retryAfter) {
        refusals.get(refusal).increment();
        switch (refusal) {
            case RATE_LIMITED -> metrics.rateLimited("webhook");
            case AUTH_FAILURES -> metrics.rateLimited("failed_authentication");
            default -> { }
        }
        Response.Status status = switch (refusal) {
            case NOT_ALLOWED, CLIENT_CERTIFICATE -> Response.Status.FORBIDDEN;
            case RATE_LIMITED, AUTH_FAILURES -> Response.Status.TOO_MANY_REQUESTS;
        };
        if (status == Response.Status.TOO_MANY_REQUESTS) {
            log.debug("refused POST /webhook (429): {}", reason);   // a flood must not flood the log too
        } else {
            log.warn("refused POST /webhook ({}): {}", status.getStatusCode(), reason);
        }
        Response.ResponseBuilder answer = Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ErrorBody.of(reason));
        retryAfter.ifPresent(seconds -> answer.header("Retry-After", Long.toString(seconds)));
        if (!RequestDrain.drained(request)) {
            answer.header("Connection", "close");
        }
        request.abortWith(answer.build());
    }
}

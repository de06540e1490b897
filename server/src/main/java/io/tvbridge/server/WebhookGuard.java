package io.tvbridge.server;

import io.tvbridge.core.config.NetworkConfig;
import io.tvbridge.core.config.TlsConfig;
import io.tvbridge.core.metrics.BridgeMetrics;
import java.util.EnumMap;
import java.util.List;
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
public final class WebhookGuard {
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

    /** A request the door refused: the HTTP status, the reason, and when to try again (429). */
    record Refused(int status, String reason, OptionalLong retryAfter) {
    }

    /** The sender of a request from {@code peer} with these {@code X-Forwarded-For} values (see {@link SourceAddress}). */
    String source(String peer, List<String> forwardedFor) {
        return sources.resolve(peer, forwardedFor);
    }

    /**
     * Why a request from {@code source} that brought the TLS client certificate chain {@code certificates}
     * (null without one) is refused, or empty when it may go on.
     */
    Optional<Refused> check(String source, Object certificates) {
        if (!network.webhookAllow().isEmpty() && !network.webhookAllow().contains(source)) {
            return refuse(Refusal.NOT_ALLOWED, "alerts from " + source + " are not allowed: the address is"
                    + " not in WEBHOOK_ALLOW", OptionalLong.empty());
        }
        Optional<String> certificate = this.certificates.flatMap(check -> check.refusal(certificates));
        if (certificate.isPresent()) {
            return refuse(Refusal.CLIENT_CERTIFICATE, certificate.get(), OptionalLong.empty());
        }
        OptionalLong failed = failures.map(limiter -> limiter.exhausted(source)).orElse(OptionalLong.empty());
        if (failed.isPresent()) {
            return refuse(Refusal.AUTH_FAILURES, "too many failed authentications from " + source
                    + ": at most " + failures.get().perMinute() + " a minute (WEBHOOK_AUTH_FAILURE_LIMIT); check the"
                    + " alert's secret, then try again in " + failed.getAsLong() + " s", failed);
        }
        OptionalLong wait = requests.map(limiter -> limiter.take(source)).orElse(OptionalLong.empty());
        if (wait.isPresent()) {
            return refuse(Refusal.RATE_LIMITED, "too many alerts from " + source + ": at most "
                    + requests.get().perMinute() + " a minute (WEBHOOK_RATE_LIMIT); try again in "
                    + wait.getAsLong() + " s", wait);
        }
        return Optional.empty();
    }

    /** The webhook answered {@code source} 401: one more failed authentication of that sender. */
    void failedAuthentication(String source) {
        failures.ifPresent(limiter -> limiter.spend(source));
    }

    private Optional<Refused> refuse(Refusal refusal, String reason, OptionalLong retryAfter) {
        refusals.get(refusal).increment();
        switch (refusal) {
            case RATE_LIMITED -> metrics.rateLimited("webhook");
            case AUTH_FAILURES -> metrics.rateLimited("failed_authentication");
            default -> { }
        }
        int status = switch (refusal) {
            case NOT_ALLOWED, CLIENT_CERTIFICATE -> 403;
            case RATE_LIMITED, AUTH_FAILURES -> 429;
        };
        if (status == 429) {
            log.debug("refused POST /webhook (429): {}", reason);   // a flood must not flood the log too
        } else {
            log.warn("refused POST /webhook ({}): {}", status, reason);
        }
        return Optional.of(new Refused(status, reason, retryAfter));
    }
}

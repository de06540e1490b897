package io.tvbridge.core.order;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Counts consecutive broker failures (unreachable, no answer, unexpected errors; a refusal
 * by the venue is an answer, not a failure). After {@code failures} in a row it opens and new
 * orders are refused for the cool-down; then one order may try, and a success closes it.
 * Sends of orders already decided are never blocked: only new decisions consult it.
 */
public final class BrokerCircuit {
    private final CircuitBreaker breaker;
    private final int failures;
    private final Duration coolDown;
    private final Clock clock;
    private volatile Instant openedAt = Instant.EPOCH;

    public BrokerCircuit(String broker, int failures, Duration coolDown, Clock clock) {
        this.failures = Math.max(1, failures);
        this.coolDown = coolDown;
        this.clock = clock;
        this.breaker = CircuitBreaker.of(broker, CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(this.failures)
                .minimumNumberOfCalls(this.failures)
                .failureRateThreshold(100)
                .waitDurationInOpenState(coolDown.isZero() ? Duration.ofMillis(1) : coolDown)
                .permittedNumberOfCallsInHalfOpenState(1)
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .build());
        breaker.getEventPublisher().onStateTransition(event -> {
            if (event.getStateTransition().getToState() == CircuitBreaker.State.OPEN) {
                openedAt = clock.instant();
            }
        });
    }

    public void succeeded() {
        breaker.onSuccess(0, TimeUnit.MILLISECONDS);
    }

    public void failed(Throwable cause) {
        breaker.onError(0, TimeUnit.MILLISECONDS, cause);
    }

    /** Why new orders are refused now, or empty when they may go. */
    public Optional<String> openReason() {
        if (breaker.getState() != CircuitBreaker.State.OPEN) {
            return Optional.empty();
        }
        return Optional.of("the circuit breaker is open after " + failures + " consecutive broker failures;"
                + " new orders resume after " + openedAt.plus(coolDown));
    }

    /** closed, open or half_open, for /health and /admin/status. */
    public String state() {
        return breaker.getState().name().toLowerCase(Locale.ROOT);
    }
}

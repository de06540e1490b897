package io.tvbridge.broker.oanda;

import com.fasterxml.jackson.databind.JsonNode;
import io.tvbridge.broker.oanda.codec.OandaJson;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.GZIPInputStream;

/**
 * The HTTP conversation with OANDA's REST host: one keep-alive {@link HttpClient}, the bearer
 * token on every request, gzip answers unpacked, and the latency of the last exchange kept.
 *
 * <p>Reads are tried again when OANDA refuses them for the rate (429), fails (5xx) or cannot
 * be reached, after a pause that doubles each time or, when OANDA says so, after its
 * {@code Retry-After}. A request that changes the account (an order, a cancel) is tried again
 * only when it certainly did not arrive: refused with 429, or the connection never opened.
 * Otherwise it throws, saying whether it may have arrived, and the caller finds out.
 *
 * <p>The token is only ever put into the {@code Authorization} header: it is in no message,
 * log line or {@code toString}.
 */
final class OandaSession {
    private static final System.Logger log = System.getLogger(OandaSession.class.getName());
    private static final Duration FIRST_PAUSE = Duration.ofMillis(250);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(60);

    /** How the session waits between tries; tests record the pauses instead of sleeping. */
    interface Pause {
        void sleep(Duration duration) throws InterruptedException;
    }

    /** One answer: status, body, OANDA's id of the request (for the log and support) and its Retry-After. */
    record Response(String what, int status, String body, Optional<String> requestId, Optional<String> retryAfter) {
        JsonNode json() {
            return OandaJson.parse(what + " answered " + status, body);
        }

        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private final OandaConfig config;
    private final HttpClient client;
    private final Pause pause;
    private final Clock clock;
    private volatile Duration lastLatency;

    OandaSession(OandaConfig config, Pause pause, Clock clock) {
        this.config = config;
        this.pause = pause;
        this.clock = clock;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.requestTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** A read, tried again on 429, 5xx and network failures, at most {@code retries} more times. */
    Response get(String path) throws OandaCallException {
        return get(path, config.retries());
    }

    /** A read tried at most {@code 1 + retries} times. */
    Response get(String path, int retries) throws OandaCallException {
        String what = "GET " + path;
        for (int attempt = 0; ; attempt++) {
            boolean last = attempt >= retries;
            try {
                Response response = exchange(request(path).GET().build(), what);
                if (!retryable(response.status()) || last) {
                    if (retryable(response.status())) {
                        throw new OandaCallException(what + " failed: OANDA answered " + response.status()
                                + (attempt == 0 ? "" : ", " + (attempt + 1) + " times in a row"), true, false, null);
                    }
                    return response;
                }
                pauseBeforeRetry(what, attempt, "answered " + response.status(), retryAfter(response));
            } catch (IOException e) {
                if (last) {
                    throw failure(what, e, true);
                }
                pauseBeforeRetry(what, attempt, describe(e), Optional.empty());
            }
        }
    }

    /**
     * A request that changes the account. Tried again only when it did not arrive (429, or no
     * connection); a 5xx, a timeout or a broken connection throw with
     * {@link OandaCallException#mayHaveArrived()} set.
     */
    Response send(String method, String path, String body) throws OandaCallException {
        String what = method + " " + path;
        for (int attempt = 0; ; attempt++) {
            boolean last = attempt >= config.retries();
            HttpRequest request = request(path).header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body)).build();
            try {
                Response response = exchange(request, what);
                if (response.status() == 429) {
                    if (last) {
                        throw new OandaCallException(what + " refused by OANDA's rate limit (429)"
                                + (attempt == 0 ? "" : ", " + (attempt + 1) + " times in a row"), false, false, null);
                    }
                    // the rate limit turns requests away before they are handled: nothing was placed
                    pauseBeforeRetry(what, attempt, "answered 429", retryAfter(response));
                    continue;
                }
                if (response.status() >= 500) {
                    throw new OandaCallException(what + ": OANDA answered " + response.status()
                            + "; whether it acted is unknown", true, false, null);
                }
                return response;
            } catch (ConnectException | HttpConnectTimeoutException e) {
                if (last) {
                    throw failure(what, e, false);
                }
                pauseBeforeRetry(what, attempt, describe(e), Optional.empty());
            } catch (IOException e) {
                throw failure(what, e, true);
            }
        }
    }

    /** How long the last exchange took, from request to complete answer. */
    Optional<Duration> lastLatency() {
        return Optional.ofNullable(lastLatency);
    }

    /** Waits as the session waits between tries; for callers that try again themselves. */
    void pause(Duration duration) throws OandaCallException {
        try {
            pause.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OandaCallException("interrupted while waiting to try OANDA again", true, false, e);
        }
    }

    /** The pause before try number {@code attempt + 2}: 250 ms, 500 ms, 1 s ... with a little jitter. */
    static Duration backoff(int attempt) {
        long millis = Math.min(LONGEST_PAUSE.toMillis(), FIRST_PAUSE.toMillis() << Math.min(attempt, 10));
        return Duration.ofMillis(millis * ThreadLocalRandom.current().nextInt(80, 121) / 100);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(config.apiUrl() + path))
                .timeout(config.requestTimeout())
                .header("Authorization", "Bearer " + config.token())
                .header("Accept-Datetime-Format", "RFC3339")
                .header("Accept-Encoding", "gzip")
                .header("Accept", "application/json");
    }

    private Response exchange(HttpRequest request, String what) throws IOException, OandaCallException {
        long started = System.nanoTime();
        HttpResponse<byte[]> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OandaCallException(what + " interrupted", true, false, e);
        }
        lastLatency = Duration.ofNanos(System.nanoTime() - started);
        Optional<String> requestId = response.headers().firstValue("RequestID");
        log.log(Level.DEBUG, () -> what + " -> " + response.statusCode() + " in " + lastLatency.toMillis() + " ms"
                + requestId.map(id -> " (RequestID " + id + ")").orElse(""));
        return new Response(what, response.statusCode(), text(response), requestId,
                response.headers().firstValue("Retry-After"));
    }

    private static String text(HttpResponse<byte[]> response) {
        byte[] body = response.body();
        if (response.headers().firstValue("Content-Encoding").filter("gzip"::equalsIgnoreCase).isPresent()) {
            try (GZIPInputStream unzipped = new GZIPInputStream(new ByteArrayInputStream(body))) {
                body = unzipped.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException("OANDA sent a broken gzip body", e);
            }
        }
        return new String(body, StandardCharsets.UTF_8);
    }

    private static boolean retryable(int status) {
        return status == 429 || status >= 500;
    }

    /** {@code Retry-After} in seconds or as an HTTP date. */
    private Optional<Duration> retryAfter(Response response) {
        if (response.retryAfter().isEmpty()) {
            return Optional.empty();
        }
        String value = response.retryAfter().get().trim();
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value))));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(clock.instant(), at.toInstant());
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }

    private void pauseBeforeRetry(String what, int attempt, String why, Optional<Duration> retryAfter)
            throws OandaCallException {
        Duration wait = retryAfter.map(d -> d.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : d)
                .orElseGet(() -> backoff(attempt));
        log.log(Level.INFO, what + ": " + why + "; trying again in " + wait.toMillis() + " ms");
        pause(wait);
    }

    private static OandaCallException failure(String what, IOException e, boolean mayHaveArrived) {
        boolean timedOut = e instanceof HttpTimeoutException && !(e instanceof HttpConnectTimeoutException);
        return new OandaCallException(what + ": " + describe(e), mayHaveArrived, timedOut, e);
    }

    private static String describe(IOException e) {
        if (e instanceof HttpConnectTimeoutException) {
            return "no connection to OANDA in time";
        }
        if (e instanceof HttpTimeoutException) {
            return "no answer from OANDA in time";
        }
        if (e instanceof ConnectException) {
            return "OANDA cannot be reached (" + e.getMessage() + ")";
        }
        return "the connection to OANDA failed (" + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")";
    }
}

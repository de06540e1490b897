package io.tvbridge.broker.oanda;

import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Listens to the account's transaction stream on OANDA's stream host, only to learn early that
 * something happened: each transaction line wakes the poller, which then reads the history in
 * order and without gaps (the stream starts "from now" and cannot replay what a broken
 * connection missed, so it never replaces the poll).
 *
 * <p>OANDA sends a heartbeat every 5 seconds. A stream silent for three heartbeats, ended or
 * refused is opened again after a pause that grows to a minute. Polling alone keeps working
 * while the stream is down.
 */
final class OandaTransactionStream implements AutoCloseable {
    private static final System.Logger log = System.getLogger(OandaTransactionStream.class.getName());
    private static final Duration SILENCE = Duration.ofSeconds(15);
    private static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(60);

    private final OandaConfig config;
    private final Runnable onTransaction;
    private final HttpClient client;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "oanda-stream");
        thread.setDaemon(true);
        return thread;
    });
    private Lines current;
    private int failures;
    private boolean started;
    private volatile boolean closed;

    OandaTransactionStream(OandaConfig config, Runnable onTransaction) {
        this.config = config;
        this.onTransaction = onTransaction;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.requestTimeout()).build();
    }

    synchronized void start() {
        if (started || closed) {
            return;
        }
        started = true;
        timer.execute(this::open);
        timer.scheduleWithFixedDelay(this::checkSilence, 5, 5, TimeUnit.SECONDS);
    }

    private synchronized void open() {
        if (closed) {
            return;
        }
        Lines lines = new Lines();
        current = lines;
        HttpRequest request = HttpRequest.newBuilder(URI.create(config.streamUrl() + "/v3/accounts/"
                        + OandaApi.encode(config.accountId()) + "/transactions/stream"))
                .header("Authorization", "Bearer " + config.token())
                .header("Accept-Datetime-Format", "RFC3339")
                .GET().build();
        client.sendAsync(request, info -> info.statusCode() == 200
                        ? HttpResponse.BodySubscribers.fromLineSubscriber(lines)
                        : HttpResponse.BodySubscribers.replacing(null))
                .whenComplete((response, error) -> ended(lines, response == null ? -1 : response.statusCode(), error));
    }

    private synchronized void ended(Lines lines, int status, Throwable error) {
        if (closed || lines != current) {
            return;
        }
        current = null;
        failures = lines.heard ? 0 : failures + 1;
        long pause = Math.min(LONGEST_PAUSE.toMillis(), FIRST_PAUSE.toMillis() << Math.min(failures, 6));
        log.log(failures > 1 ? Level.DEBUG : Level.INFO, "OANDA's transaction stream "
                + (error != null ? "failed (" + error + ")" : status == 200 ? "ended" : "was refused with " + status)
                + "; opening it again in " + pause + " ms (fills are polled meanwhile)");
        timer.schedule(this::open, pause, TimeUnit.MILLISECONDS);
    }

    /** A stream that stopped sending heartbeats is dead even if the connection looks open. */
    private synchronized void checkSilence() {
        Lines lines = current;
        if (lines != null && lines.subscription != null
                && System.nanoTime() - lines.lastLine > SILENCE.toNanos()) {
            lines.subscription.cancel();
            ended(lines, 200, new IllegalStateException("no heartbeat for " + SILENCE.toSeconds() + " s"));
        }
    }

    @Override
    public void close() {
        closed = true;
        synchronized (this) {
            if (current != null && current.subscription != null) {
                current.subscription.cancel();
            }
        }
        timer.shutdownNow();
    }

    /** One connection's lines: heartbeats keep it alive, anything else is news. */
    private final class Lines implements Flow.Subscriber<String> {
        volatile Flow.Subscription subscription;
        volatile long lastLine = System.nanoTime();
        volatile boolean heard;

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            lastLine = System.nanoTime();
            heard = true;
            if (!line.isBlank() && !line.contains("\"HEARTBEAT\"")) {
                onTransaction.run();
            }
        }

        @Override
        public void onError(Throwable error) {
            // the request's future reports it
        }

        @Override
        public void onComplete() {
            // the request's future reports it
        }
    }
}

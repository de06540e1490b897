package io.tvbridge.cli.bench;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * HTTP/1.1 with keep-alive through Jetty's client, at most {@code connections} connections to the
 * daemon: with as many senders as connections, each sender has a connection of its own for the
 * whole run, as TradingView's alerts would have if each came over its own kept-alive connection.
 */
public final class JettyTransport implements Transport {
    private final HttpClient client;
    private final URI webhook;
    private final Duration timeout;

    public JettyTransport(URI webhook, int connections, Duration timeout) {
        this.webhook = webhook;
        this.timeout = timeout;
        QueuedThreadPool threads = new QueuedThreadPool(Math.max(8, connections * 2));
        threads.setName("bench-http");
        threads.setDaemon(true);
        client = new HttpClient();
        client.setExecutor(threads);
        client.setMaxConnectionsPerDestination(connections);
        client.setMaxRequestsQueuedPerDestination(Math.max(1024, connections * 4));
        client.setConnectTimeout(timeout.toMillis());
        client.setFollowRedirects(false);
        try {
            client.start();
        } catch (Exception e) {
            throw new IllegalStateException("the HTTP client did not start: " + e.getMessage(), e);
        }
        // a load tool reports the status it got: a 401 without a challenge is an answer, not a protocol
        // violation, and nothing is retried or followed (the client installs these handlers as it starts)
        client.getProtocolHandlers().clear();
    }

    @Override
    public Reply post(byte[] body) {
        try {
            ContentResponse response = client.newRequest(webhook).method(HttpMethod.POST)
                    .body(new BytesRequestContent("application/json", body))
                    .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .send();
            return new Reply.Answered(response.getStatus(), response.getContentAsString());
        } catch (TimeoutException e) {
            return new Reply.Failed(Reply.Failed.TIMEOUT, "no answer within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            String kind = cause instanceof TimeoutException ? Reply.Failed.TIMEOUT : Reply.Failed.CONNECTION;
            return new Reply.Failed(kind, String.valueOf(cause.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Reply.Failed(Reply.Failed.CONNECTION, "interrupted");
        }
    }

    /** {@code GET} of {@code uri} with this client: the daemon's {@code /health} before a run. */
    public Reply.Answered get(URI uri) throws IOException {
        try {
            ContentResponse response = client.newRequest(uri).method(HttpMethod.GET)
                    .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS).send();
            return new Reply.Answered(response.getStatus(), response.getContentAsString());
        } catch (TimeoutException | ExecutionException e) {
            throw new IOException("GET " + uri + " failed: " + (e.getCause() == null ? e : e.getCause()).getMessage(),
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    @Override
    public void close() {
        try {
            client.stop();
        } catch (Exception e) {
            // the run is over; nothing depends on a clean stop of the client
        }
    }
}

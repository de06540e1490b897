package io.tvbridge.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The Jetty settings the daemon listens with: its thread pool and its HTTP/1.1 connector. Kept in
 * one place so that the bench's bare Jetty server listens exactly like the daemon, and the ratio
 * between the two measures what tvbridge adds, not a difference in Jetty's setup.
 */
public final class JettyServers {
    private static final int MAX_THREADS = 200;
    private static final int MIN_THREADS = 8;

    private JettyServers() {
    }

    /** A server with the daemon's thread pool, its threads named {@code threadName}-N. */
    public static Server server(String threadName) {
        QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, MIN_THREADS);
        threads.setName(threadName);
        return new Server(threads);
    }

    /** Adds the daemon's HTTP/1.1 connector on {@code host}:{@code port} (0: a free port) to {@code server}. */
    public static ServerConnector connector(Server server, String host, int port) {
        return Listeners.plain(server, ConnectorRouting.PUBLIC, host, port);
    }

    /** Starts {@code server}, saying which address could not be taken when listening fails. */
    public static void start(Server server, ServerConnector connector) {
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + connector.getHost() + ":" + connector.getPort()
                    + ": " + e.getMessage(), e);
        } catch (Exception e) {
            throw new IllegalStateException("the HTTP server did not start: " + e.getMessage(), e);
        }
    }

    /** Stops accepting requests and waits for those in flight (up to the server's stop timeout). */
    public static void stop(Server server) {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("the HTTP server did not stop cleanly: " + e.getMessage(), e);
        }
    }
}

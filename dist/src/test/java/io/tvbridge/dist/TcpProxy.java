package io.tvbridge.dist;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay on 127.0.0.1 in front of one port of this machine (a daemon's way to PostgreSQL),
 * which the test can cut: {@link Cut#BLACKHOLE} keeps every socket open and drops the bytes both
 * ways, as a network that stops delivering does (nobody is told; only timeouts notice), and
 * {@link Cut#CLOSE} closes every connection and refuses new ones, as a reset does. {@link #heal()}
 * lets new connections through again; those open during a blackhole are closed then, since bytes
 * went missing from their streams.
 */
final class TcpProxy implements AutoCloseable {
    /** How the relay stops relaying. */
    enum Cut { NONE, BLACKHOLE, CLOSE }

    private final ServerSocket server;
    private final int upstreamPort;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private volatile Cut cut = Cut.NONE;
    private volatile boolean closed;

    private TcpProxy(ServerSocket server, int upstreamPort) {
        this.server = server;
        this.upstreamPort = upstreamPort;
    }

    /** A relay on a free port of 127.0.0.1 to {@code upstreamPort} of 127.0.0.1. */
    static TcpProxy start(int upstreamPort) {
        try {
            ServerSocket server = new ServerSocket();
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
            TcpProxy proxy = new TcpProxy(server, upstreamPort);
            thread("tcp-proxy-accept-" + server.getLocalPort(), proxy::accept);
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return server.getLocalPort();
    }

    /** Stops relaying, the way {@code how} says. */
    void cut(Cut how) {
        cut = how;
        if (how == Cut.CLOSE) {
            closeAll();
        }
    }

    /** Relays new connections again; the ones a blackhole swallowed bytes of are closed. */
    void heal() {
        if (cut != Cut.NONE) {
            closeAll();
            cut = Cut.NONE;
        }
    }

    private void accept() {
        while (!closed) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return;
            }
            if (cut == Cut.CLOSE) {
                quietly(client);
                continue;
            }
            Socket upstream;
            try {
                upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
            } catch (IOException e) {
                quietly(client);
                continue;
            }
            sockets.add(client);
            sockets.add(upstream);
            thread("tcp-proxy-up", () -> pump(client, upstream));
            thread("tcp-proxy-down", () -> pump(upstream, client));
        }
    }

    /** Copies {@code from} to {@code to} while not cut; in a blackhole the bytes read are dropped. */
    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int read;
            while ((read = in.read(buffer)) >= 0) {
                if (cut == Cut.NONE) {
                    out.write(buffer, 0, read);
                    out.flush();
                }
            }
        } catch (IOException e) {
            // one side closed: the connection is over
        } finally {
            quietly(from);
            quietly(to);
        }
    }

    private void closeAll() {
        for (Socket socket : List.copyOf(sockets)) {
            quietly(socket);
        }
    }

    private void quietly(Socket socket) {
        sockets.remove(socket);
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    private static void thread(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        closeAll();
    }
}

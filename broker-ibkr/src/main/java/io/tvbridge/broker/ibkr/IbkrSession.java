package io.tvbridge.broker.ibkr;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.tvbridge.broker.ibkr.codec.IbDecoder;
import io.tvbridge.broker.ibkr.codec.IbEncoder;
import io.tvbridge.broker.ibkr.codec.IbListener;
import io.tvbridge.broker.ibkr.codec.ServerHello;
import io.tvbridge.broker.ibkr.codec.TwsProtocolException;
import io.tvbridge.broker.ibkr.codec.TwsWire;
import io.tvbridge.broker.spi.BrokerException;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * One TWS socket, kept up for as long as the broker runs. A connection thread connects,
 * performs the handshake (version range {@value IbEncoder#MIN_VERSION}..{@value IbEncoder#MAX_VERSION},
 * START_API, NEXT_VALID_ID), then reads frames and hands each decoded event to the
 * {@link Events}; when the socket fails it reconnects after a pause that doubles up to
 * the configured maximum. Callers send from their own threads: sending never waits for
 * reading, only for the pacing that keeps the bridge under IB's message rate. A heartbeat
 * (REQ_CURRENT_TIME every 30 s) measures the round trip and drops a connection that no
 * longer answers.
 */
final class IbkrSession implements AutoCloseable {
    private static final System.Logger log = System.getLogger(IbkrSession.class.getName());
    private static final Duration HEARTBEAT = Duration.ofSeconds(30);
    private static final Duration FIRST_PAUSE = Duration.ofSeconds(1);

    /** Where the session reports: the connection's life, and every decoded event (on the connection thread). */
    interface Events extends IbListener {
        void sessionUp(SessionInfo info);

        void sessionDown(String reason);
    }

    /** A handshake's result. */
    record SessionInfo(int serverVersion, List<String> accounts, String connectionTime, Instant connectedAt) {
    }

    private final IbkrConfig config;
    private final Clock clock;
    private final Events events;
    private final Bucket pacing;
    private final Object writeLock = new Object();
    private final AtomicInteger nextOrderId = new AtomicInteger(-1);
    private final AtomicInteger nextRequestId = new AtomicInteger(9000);
    private final AtomicInteger connectionNumber = new AtomicInteger();
    private final CountDownLatch firstConnection = new CountDownLatch(1);
    private final ScheduledExecutorService heartbeat;
    private final Thread connector;

    private volatile boolean closed;
    private volatile Socket socket;
    private volatile OutputStream out;
    private volatile IbEncoder encoder;
    private volatile SessionInfo info;
    private volatile Instant lastMessageAt;
    private volatile Instant pingSentAt;
    private volatile long roundTripMillis = -1;
    private volatile int attempts;
    private volatile String lastProblem = "";
    private volatile Instant disconnectedSince;
    private volatile List<String> accounts = List.of();

    IbkrSession(IbkrConfig config, Clock clock, Events events) {
        this.config = config;
        this.clock = clock;
        this.events = events;
        this.pacing = Bucket.builder().addLimit(Bandwidth.builder().capacity(config.messagesPerSecond())
                .refillGreedy(config.messagesPerSecond(), Duration.ofSeconds(1)).build()).build();
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(daemon("ibkr-heartbeat"));
        this.connector = new Thread(this::run, "ibkr-connection");
        this.connector.setDaemon(true);
    }

    void start() {
        disconnectedSince = clock.instant();
        connector.start();
        heartbeat.scheduleWithFixedDelay(this::beat, HEARTBEAT.toSeconds(), HEARTBEAT.toSeconds(), TimeUnit.SECONDS);
    }

    /** Waits for the first successful handshake; false if it did not come in time. */
    boolean awaitConnected(Duration timeout) throws InterruptedException {
        return firstConnection.await(timeout.toMillis(), TimeUnit.MILLISECONDS) && connected();
    }

    /** Counts the connections made so far: what was sent on an earlier one may have been lost with it. */
    int connectionNumber() {
        return connectionNumber.get();
    }

    boolean connected() {
        return info != null && !closed;
    }

    Optional<SessionInfo> info() {
        return Optional.ofNullable(info);
    }

    /** Sends one message built for the negotiated server version. */
    void send(Function<IbEncoder, List<String>> message) throws BrokerException {
        IbEncoder current = encoder;
        if (!connected() || current == null) {
            throw new BrokerException(BrokerException.Kind.UNAVAILABLE, "not connected to TWS/IB Gateway at "
                    + config.host() + ":" + config.port() + (lastProblem.isEmpty() ? "" : " (" + lastProblem + ")"));
        }
        try {
            pacing.asBlocking().consume(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerException(BrokerException.Kind.UNAVAILABLE, "interrupted while pacing", e);
        }
        try {
            write(message.apply(current));
        } catch (IOException e) {
            drop("writing to TWS failed: " + e.getMessage());
            throw new BrokerException(BrokerException.Kind.UNAVAILABLE, "the connection to TWS failed while sending: "
                    + e.getMessage(), e);
        }
    }

    /** A fresh order id: above every id this client id has used (TWS's NEXT_VALID_ID, counted on). */
    int nextOrderId() throws BrokerException {
        int id = nextOrderId.getAndIncrement();
        if (id < 0 || !connected()) {
            throw new BrokerException(BrokerException.Kind.UNAVAILABLE, "no order id from TWS yet: not connected");
        }
        return id;
    }

    int nextRequestId() {
        return nextRequestId.incrementAndGet();
    }

    /** Raises the order id counter past an id TWS reported (its NEXT_VALID_ID, or an id seen in use). */
    void orderIdSeen(int id) {
        nextOrderId.accumulateAndGet(id, Math::max);
    }

    int attempts() {
        return attempts;
    }

    String lastProblem() {
        return lastProblem;
    }

    Optional<Instant> lastMessageAt() {
        return Optional.ofNullable(lastMessageAt);
    }

    long roundTripMillis() {
        return roundTripMillis;
    }

    Optional<Instant> disconnectedSince() {
        return connected() ? Optional.empty() : Optional.ofNullable(disconnectedSince);
    }

    List<String> accounts() {
        return accounts;
    }

    /** Closes the socket; the connection thread reconnects (unless the session is closed). */
    void drop(String reason) {
        lastProblem = reason;
        Socket current = socket;
        if (current != null) {
            try {
                current.close();
            } catch (IOException e) {
                log.log(System.Logger.Level.DEBUG, "closing the TWS socket: " + e.getMessage());
            }
        }
    }

    private void run() {
        Duration pause = FIRST_PAUSE;
        while (!closed) {
            attempts++;
            boolean wasUp = false;
            try {
                Connection connection = handshake();
                wasUp = true;
                connectionNumber.incrementAndGet();
                pause = FIRST_PAUSE;
                readUntilClosed(connection);
            } catch (IOException | TwsProtocolException | BrokerException e) {
                lastProblem = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            } catch (RuntimeException e) {
                lastProblem = "unexpected: " + e;
                log.log(System.Logger.Level.ERROR, "IBKR connection failed unexpectedly", e);
            } finally {
                closeSocket();
                if (wasUp) {
                    disconnectedSince = clock.instant();
                    events.sessionDown(closed ? "closed" : lastProblem);
                }
            }
            if (closed) {
                return;
            }
            log.log(System.Logger.Level.WARNING, "IBKR: connection attempt " + attempts + " to " + config.host() + ":"
                    + config.port() + (wasUp ? " ended" : " failed") + " (" + lastProblem + "); next attempt in "
                    + pause.toSeconds() + " s");
            sleep(pause);
            pause = pause.multipliedBy(2).compareTo(config.maxReconnectPause()) > 0
                    ? config.maxReconnectPause() : pause.multipliedBy(2);
        }
    }

    /** An established connection: where to read, and how to decode at its server version. */
    private record Connection(DataInputStream in, IbDecoder decoder) {
    }

    private Connection handshake() throws IOException, BrokerException {
        Socket fresh = new Socket();
        socket = fresh;
        fresh.setTcpNoDelay(true);
        fresh.connect(new InetSocketAddress(config.host(), config.port()), (int) config.connectTimeout().toMillis());
        fresh.setSoTimeout((int) config.connectTimeout().toMillis());
        DataInputStream in = new DataInputStream(new BufferedInputStream(fresh.getInputStream()));
        out = fresh.getOutputStream();
        write(TwsWire.hello(IbEncoder.MIN_VERSION, IbEncoder.MAX_VERSION, ""));

        ServerHello hello = null;
        while (hello == null) {   // a stray message may come before the answer; IB's clients skip it too
            hello = ServerHello.parse(TwsWire.readFrame(in)).orElse(null);
        }
        if (hello.serverVersion() < IbEncoder.MIN_VERSION || hello.serverVersion() > IbEncoder.MAX_VERSION) {
            throw new BrokerException(BrokerException.Kind.CONFIGURATION, "TWS/Gateway answered server version "
                    + hello.serverVersion() + ", outside the supported " + IbEncoder.MIN_VERSION + ".."
                    + IbEncoder.MAX_VERSION + ": update TWS/IB Gateway");
        }
        IbEncoder negotiated = new IbEncoder(hello.serverVersion());
        IbDecoder decoder = new IbDecoder(hello.serverVersion());
        write(TwsWire.frame(negotiated.startApi(config.clientId(), "")));

        Handshake waiting = new Handshake();
        while (waiting.nextValidId < 0) {
            dispatch(decoder, TwsWire.readFrame(in), waiting);
        }
        fresh.setSoTimeout(0);
        encoder = negotiated;
        nextOrderId.accumulateAndGet(waiting.nextValidId, Math::max);
        accounts = waiting.accounts;
        lastMessageAt = clock.instant();
        info = new SessionInfo(hello.serverVersion(), accounts, hello.connectionTime(), clock.instant());
        lastProblem = "";
        log.log(System.Logger.Level.INFO, "IBKR: connected to " + config.host() + ":" + config.port()
                + " as client " + config.clientId() + ", server version " + hello.serverVersion() + ", accounts "
                + accounts);
        firstConnection.countDown();
        events.sessionUp(info);
        return new Connection(in, decoder);
    }

    private void readUntilClosed(Connection connection) throws IOException {
        while (!closed) {
            dispatch(connection.decoder(), TwsWire.readFrame(connection.in()), events);
        }
    }

    /** Decodes a frame for {@code listener}; a frame that does not fit its layout is logged and skipped. */
    private void dispatch(IbDecoder decoder, List<String> fields, IbListener listener) {
        lastMessageAt = clock.instant();
        try {
            IbListener session = new SessionTap(listener);
            if (!decoder.decode(fields, session)) {
                log.log(System.Logger.Level.WARNING, "IBKR: message " + fields.get(0) + " had fields left over: "
                        + fields);
            }
        } catch (TwsProtocolException e) {
            log.log(System.Logger.Level.WARNING, "IBKR: could not decode message " + fields.get(0) + " ("
                    + e.getMessage() + "): " + HexFormat.of().formatHex(TwsWire.frame(fields)));
        }
    }

    /** Sees the events the session itself needs (order ids, the clock) before passing them on. */
    private final class SessionTap extends ForwardingListener {
        SessionTap(IbListener target) {
            super(target);
        }

        @Override
        public void nextValidId(int orderId) {
            nextOrderId.accumulateAndGet(orderId, Math::max);
            super.nextValidId(orderId);
        }

        @Override
        public void currentTime(long epochSeconds) {
            Instant sent = pingSentAt;
            if (sent != null) {
                roundTripMillis = Duration.between(sent, clock.instant()).toMillis();
                pingSentAt = null;
            }
            super.currentTime(epochSeconds);
        }
    }

    /** Collects what the handshake waits for. */
    private static final class Handshake implements IbListener {
        int nextValidId = -1;
        List<String> accounts = List.of();

        @Override
        public void nextValidId(int orderId) {
            nextValidId = orderId;
        }

        @Override
        public void managedAccounts(List<String> managed) {
            accounts = List.copyOf(managed);
        }
    }

    private void beat() {
        if (!connected()) {
            return;
        }
        Instant sent = pingSentAt;
        if (sent != null && Duration.between(sent, clock.instant()).compareTo(config.requestTimeout()) > 0) {
            log.log(System.Logger.Level.WARNING, "IBKR: no answer to the heartbeat for "
                    + Duration.between(sent, clock.instant()).toSeconds() + " s; reconnecting");
            pingSentAt = null;
            drop("TWS stopped answering");
            return;
        }
        try {
            pingSentAt = clock.instant();
            send(IbEncoder::reqCurrentTime);
        } catch (BrokerException e) {
            pingSentAt = null;
        }
    }

    /** Sends a round trip now (for health) without waiting for it. */
    void ping() {
        if (pingSentAt == null) {
            heartbeat.execute(this::beat);
        }
    }

    private void write(byte[] bytes) throws IOException {
        synchronized (writeLock) {
            OutputStream stream = out;
            if (stream == null) {
                throw new IOException("no socket");
            }
            stream.write(bytes);
            stream.flush();
        }
    }

    private void write(List<String> fields) throws IOException {
        write(TwsWire.frame(fields));
    }

    private void closeSocket() {
        info = null;
        encoder = null;
        Socket current = socket;
        socket = null;
        out = null;
        if (current != null) {
            try {
                current.close();
            } catch (IOException e) {
                log.log(System.Logger.Level.DEBUG, "closing the TWS socket: " + e.getMessage());
            }
        }
    }

    private void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public void close() {
        closed = true;
        heartbeat.shutdownNow();
        closeSocket();
        connector.interrupt();
    }
}

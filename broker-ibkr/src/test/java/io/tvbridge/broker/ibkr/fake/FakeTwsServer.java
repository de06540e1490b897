package io.tvbridge.broker.ibkr.fake;

import static java.util.Objects.requireNonNull;

import io.tvbridge.broker.ibkr.codec.IbContractDetails;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A fake TWS / IB Gateway for tests: a real server on 127.0.0.1 (port 0) that speaks the TWS
 * socket protocol at server versions 176 to 193 (default maximum 193), scripted by the test and
 * recording what it receives. One accept thread, one thread per client connection; all state is
 * guarded by one lock, and every message TWS would send is written before the call that caused
 * it returns, so a client that asks for the current time after a request has read everything the
 * request caused once the time arrives.
 *
 * <p>What it does, and the TWS habits it copies: §1.2 handshake (hello reply, START_API, then
 * MANAGED_ACCTS, NEXT_VALID_ID and notices 2104, 2106, 2158); a client id already connected gets
 * ERR 326 and is closed; orders as in {@link Behaviour}, with brackets held until their last
 * child is transmitted, children {@code PreSubmitted} (whyHeld {@code child}) until the parent
 * fills, stops {@code PreSubmitted} until triggered, OCA groups and bracket siblings cancelling
 * each other, a completed fill also sending OPEN_ORDER with status Filled, and a partial fill
 * repeating one ORDER_STATUS word for word; cancel (ORDER_STATUS Cancelled + ERR 202, 10147
 * unknown, 10148 done); read-only mode (ERR 321 and nothing else); ids below a client's highest
 * get ERR 103, unknown or ambiguous contracts ERR 200, a missing account with several managed
 * ERR 435. Gateway restarts reset order ids but keep orders, permIds and the day's executions.
 */
public final class FakeTwsServer implements AutoCloseable {
    private static final DateTimeFormatter CONNECTION_TIME = DateTimeFormatter.ofPattern("yyyyMMdd HH:mm:ss zzz",
            Locale.US);

    private final Object lock = new Object();
    private final ServerSocket serverSocket;
    private final Thread acceptor;
    private final List<Thread> threads = new ArrayList<>();
    /** Every socket not yet closed; concurrent so that closing never waits for a writer that holds the lock. */
    private final Set<FakeTwsConnection> open = ConcurrentHashMap.newKeySet();
    private final Map<Integer, FakeTwsConnection> clients = new LinkedHashMap<>();
    private final FakeTwsRecorder recorder = new FakeTwsRecorder(lock);
    private final FakeTwsContracts contracts = new FakeTwsContracts();
    private final FakeTwsLedger ledger = new FakeTwsLedger();
    private final FakeTwsVenue venue;
    private final FakeTwsQueries queries;
    private volatile Clock clock = Clock.systemUTC();
    private volatile int serverMaxVersion = FakeTwsEncoder.MAX_VERSION;
    private volatile boolean refusing;
    private volatile OrderArrivals arrivals = OrderArrivals.IGNORE;
    private final List<Arrival> arrived = new CopyOnWriteArrayList<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicBoolean closed = new AtomicBoolean();

    private FakeTwsServer(ServerSocket serverSocket) {
        this.serverSocket = serverSocket;
        this.venue = new FakeTwsVenue(contracts, ledger, new Peers(), () -> clock);
        this.queries = new FakeTwsQueries(venue, ledger, contracts);
        this.acceptor = new Thread(this::accept, "fake-tws-accept-" + serverSocket.getLocalPort());
        this.acceptor.setDaemon(true);
    }

    /** Starts a fake TWS on 127.0.0.1 at a free port. */
    public static FakeTwsServer start() {
        try {
            ServerSocket socket = new ServerSocket();
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
            FakeTwsServer server = new FakeTwsServer(socket);
            server.acceptor.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1", e);
        }
    }

    public int port() {
        return serverSocket.getLocalPort();
    }

    // --- configuration -------------------------------------------------------------------------

    /** The highest server version this fake offers (default 193); the next handshakes negotiate against it. */
    public FakeTwsServer serverVersion(int max) {
        serverMaxVersion = max;
        return this;
    }

    /** The managed accounts, sent in MANAGED_ACCTS (default {@code DU1234567}). */
    public FakeTwsServer accounts(String... accounts) {
        synchronized (lock) {
            ledger.accounts(List.of(accounts));
        }
        return this;
    }

    /** The value ACCOUNT_SUMMARY reports for {@code tag} in every account (currency USD). */
    public FakeTwsServer accountValue(String tag, String value) {
        synchronized (lock) {
            ledger.value(tag, value);
        }
        return this;
    }

    /** The ExchangeRate the ledger reports for {@code currency} under {@code $LEDGER:ALL}. */
    public FakeTwsServer exchangeRate(String currency, String rate) {
        synchronized (lock) {
            ledger.exchangeRate(currency, rate);
        }
        return this;
    }

    /** Adds a contract definition (one with a built-in's conId replaces it). */
    public FakeTwsServer contract(IbContractDetails details) {
        synchronized (lock) {
            contracts.add(details);
        }
        return this;
    }

    /** TWS's clock: CURRENT_TIME, execution times, "today" (US/Eastern) for executions and futures. */
    public FakeTwsServer clock(Clock newClock) {
        clock = requireNonNull(newClock, "clock");
        return this;
    }

    /** The first order id NEXT_VALID_ID offers, and where a Gateway restart starts again (default 1). */
    public FakeTwsServer firstOrderId(int id) {
        synchronized (lock) {
            venue.firstOrderId(id);
        }
        return this;
    }

    /** The Read-Only API setting: PLACE_ORDER, CANCEL_ORDER and REQ_GLOBAL_CANCEL get ERR 321 and nothing else. */
    public FakeTwsServer readOnly(boolean on) {
        synchronized (lock) {
            venue.readOnly(on);
        }
        return this;
    }

    /** How orders are answered when no {@link #onNextOrder} step is waiting (default {@link Behaviour#fill()}). */
    public FakeTwsServer defaultBehaviour(Behaviour behaviour) {
        synchronized (lock) {
            venue.defaultBehaviour(requireNonNull(behaviour, "behaviour"));
        }
        return this;
    }

    /** Queues a behaviour for the next new order; several calls script the following orders in turn. */
    public FakeTwsServer onNextOrder(Behaviour behaviour) {
        synchronized (lock) {
            venue.onNextOrder(requireNonNull(behaviour, "behaviour"));
        }
        return this;
    }

    /**
     * Told of every PLACE_ORDER the moment its frame was read off the socket, before the venue
     * handles it; for benchmarks that time an order's way from a webhook to the wire.
     */
    @FunctionalInterface
    public interface OrderArrivals {
        /** On the connection's thread: the order's {@code orderRef}, read at {@code nanoTime} ({@link System#nanoTime}). */
        void placeOrderRead(String orderRef, long nanoTime);

        OrderArrivals IGNORE = (orderRef, nanoTime) -> {
        };
    }

    /**
     * One PLACE_ORDER as it was read off a socket, before the venue handled it: its {@code orderRef},
     * the connection it came on (numbered from 1 in the order the fake accepted its sockets, so that
     * clients sharing one client id can be told apart) and when ({@link System#nanoTime}).
     */
    public record Arrival(String orderRef, int connection, long nanoTime) {
    }

    /** Sets who is told of each PLACE_ORDER as it arrives (default: nobody). */
    public FakeTwsServer onPlaceOrderRead(OrderArrivals listener) {
        arrivals = requireNonNull(listener, "listener");
        return this;
    }

    // --- the venue -----------------------------------------------------------------------------

    /**
     * Sets the market price of {@code symbol} (every expiry of a future); working orders of that
     * symbol that become marketable or triggered fill now. Defaults: AAPL 187.35, MSFT 412.35,
     * IBM 150.24, SPY 580.1, EUR 1.0825, BTC 97000.25, ES 6000.25, NQ 21000.5.
     */
    public void price(String symbol, BigDecimal price) {
        synchronized (lock) {
            venue.book().price(symbol, price);
        }
    }

    /** Fills {@code quantity} of the most recent working order with this id at {@code price}, whatever its script. */
    public void fill(int orderId, BigDecimal quantity, BigDecimal price) {
        synchronized (lock) {
            venue.book().fill(orderId, quantity, price);
        }
    }

    /** Closes every client socket, as a network drop or a TWS shutdown does. */
    public void dropConnections() {
        closeSockets();
        synchronized (lock) {
            closeSockets();                                // and any that connected meanwhile
            clients.clear();
            lock.notifyAll();
        }
    }

    private void closeSockets() {
        for (FakeTwsConnection connection : List.copyOf(open)) {
            connection.close();
            open.remove(connection);
        }
    }

    /** While true, new sockets are accepted and closed at once. */
    public void refuseConnections(boolean refuse) {
        refusing = refuse;
    }

    /**
     * A Gateway restart: connections drop and the next valid order id starts again at its first
     * value, while orders (still working ones stay open), permIds and the day's executions remain.
     */
    public void restartGateway() {
        closeSockets();
        synchronized (lock) {
            venue.restart();
            dropConnections();
        }
    }

    /** ERR_MSG to every connected client (e.g. 1100, then 1102; id -1 for notices). */
    public void sendError(int id, int code, String text) {
        synchronized (lock) {
            clients.values().forEach(c -> c.send(e -> e.error(id, code, text, "")));
        }
    }

    // --- observation ---------------------------------------------------------------------------

    /** Every message the clients sent (after the hello), its fields in order, index 0 the message id. */
    public List<List<String>> received() {
        return recorder.received();
    }

    /** Every PLACE_ORDER read off a socket, in the order they arrived, with its connection and time. */
    public List<Arrival> arrivals() {
        return List.copyOf(arrived);
    }

    /** The numbers (see {@link Arrival#connection()}) of the connections whose client is connected now. */
    public List<Integer> connectedClients() {
        synchronized (lock) {
            return clients.values().stream().map(FakeTwsConnection::number).toList();
        }
    }

    /** Every PLACE_ORDER received, decoded, with the ids TWS gave it. */
    public List<PlacedOrder> placedOrders() {
        synchronized (lock) {
            return venue.placed();
        }
    }

    /** Every order the venue holds, as it is now. */
    public List<FakeTwsOrder> orders() {
        synchronized (lock) {
            return venue.orders();
        }
    }

    /**
     * The first client message (already received or still to come) that {@code matches}.
     *
     * @throws AssertionError if none arrives within {@code timeout}
     */
    public List<String> await(Predicate<List<String>> matches, Duration timeout) {
        return recorder.await(matches, timeout);
    }

    /** Waits until exactly {@code count} clients are connected (past START_API). */
    public void awaitConnections(int count, Duration timeout) {
        recorder.await(() -> clients.size() == count, timeout,
                () -> clients.size() + " clients connected after " + timeout + ", not " + count);
    }

    /** How many clients are connected (past START_API). */
    public int connections() {
        synchronized (lock) {
            return clients.size();
        }
    }

    /** The client id of every START_API received, refused ones included. */
    public List<Integer> startApiClientIds() {
        return recorder.startApiClientIds();
    }

    /** What the fake could not accept (malformed or unsupported messages); empty in a well-behaved test. */
    public List<String> violations() {
        return recorder.violations();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            serverSocket.close();
        } catch (IOException e) {
            // closing anyway
        }
        dropConnections();
        List<Thread> all;
        synchronized (lock) {
            all = new ArrayList<>(threads);
        }
        all.add(acceptor);
        for (Thread thread : all) {
            try {
                thread.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    // --- for the connections -------------------------------------------------------------------

    private void accept() {
        while (true) {
            Socket socket;
            try {
                socket = serverSocket.accept();
            } catch (IOException e) {
                return;                                    // closed
            }
            if (refusing) {
                closeQuietly(socket);
                continue;
            }
            synchronized (lock) {
                if (closed.get()) {
                    closeQuietly(socket);
                    return;
                }
                FakeTwsConnection connection = new FakeTwsConnection(this, socket, lock, accepted.incrementAndGet());
                open.add(connection);
                Thread thread = new Thread(connection, "fake-tws-client-" + socket.getPort());
                thread.setDaemon(true);
                threads.add(thread);
                thread.start();
            }
        }
    }

    int serverMaxVersion() {
        return serverMaxVersion;
    }

    String connectionTime() {
        return CONNECTION_TIME.format(clock.instant().atZone(FakeTwsLedger.NEW_YORK));
    }

    FakeTwsVenue venue() {
        return venue;
    }

    FakeTwsQueries queries() {
        return queries;
    }

    /** On the connection's thread, under the lock: a PLACE_ORDER was read off connection {@code number}. */
    void orderArrived(String orderRef, int number, long nanoTime) {
        arrived.add(new Arrival(orderRef, number, nanoTime));
        arrivals.placeOrderRead(orderRef, nanoTime);
    }

    FakeTwsRecorder recorder() {
        return recorder;
    }

    /** Under the lock: registers the client id, or refuses a duplicate with ERR 326; false when refused. */
    boolean startApi(FakeTwsConnection connection, int clientId) {
        recorder.startApi(clientId);
        connection.clientId(clientId);
        if (!open.contains(connection)) {
            return false;                                  // dropped while it was connecting
        }
        if (clients.containsKey(clientId)) {
            connection.send(e -> e.error(-1, 326, "Unable to connect as the client id is already in use. Retry with"
                    + " a unique client id.", ""));
            return false;
        }
        clients.put(clientId, connection);
        lock.notifyAll();
        String accounts = String.join(",", ledger.accounts());
        int next = venue.nextValidId();
        connection.send(e -> e.managedAccounts(List.of(accounts)));
        connection.send(e -> e.nextValidId(next));
        connection.send(e -> e.error(-1, 2104, "Market data farm connection is OK:usfarm", ""));
        connection.send(e -> e.error(-1, 2106, "HMDS data farm connection is OK:ushmds", ""));
        connection.send(e -> e.error(-1, 2158, "Sec-def data farm connection is OK:secdefnj", ""));
        return true;
    }

    /** Whether the connection is still open: a frame read from its buffer after a drop is not handled. */
    boolean isOpen(FakeTwsConnection connection) {
        return open.contains(connection);
    }

    void disconnected(FakeTwsConnection connection) {
        synchronized (lock) {
            open.remove(connection);
            clients.remove(connection.clientId(), connection);
            lock.notifyAll();
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // nothing to keep
        }
    }

    /** The venue's view of the connected clients. */
    private final class Peers implements FakeTwsPeer.Directory {
        @Override
        public FakeTwsPeer client(int clientId) {
            FakeTwsPeer peer = clients.get(clientId);
            return peer == null ? FakeTwsPeer.ABSENT : peer;
        }

        @Override
        public List<FakeTwsPeer> all() {
            return List.copyOf(clients.values());
        }
    }
}

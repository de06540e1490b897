package io.tvbridge.broker.ibkr.fake;

import io.tvbridge.broker.ibkr.codec.TwsProtocolException;
import io.tvbridge.broker.ibkr.codec.TwsWire;
import io.tvbridge.broker.ibkr.fake.FakeTwsRequests.CancelOrder;
import io.tvbridge.broker.ibkr.fake.FakeTwsRequests.CancelPositions;
import io.tvbridge.broker.ibkr.fake.FakeTwsRequests.PlaceOrder;
import io.tvbridge.broker.ibkr.fake.FakeTwsRequests.ReqAccountSummary;
import io.tvbridge.broker.ibkr.fake.FakeTwsRequests.ReqAllOpenOrders;
import io.tvbridge.broker.ibkr.fake.FakeTwsRequests.ReqContractDetails;
import io.tvbridge.broker.ibkr.fake.FakeTwsRequests.ReqCurrentTime;
import io.tvbridge.broker.ibkr.fake.FakeTwsRequests.ReqExecutions;
import io.tvbridge.broker.ibkr.fake.FakeTwsRequests.ReqGlobalCancel;
import io.tvbridge.broker.ibkr.fake.FakeTwsRequests.ReqIds;
import io.tvbridge.broker.ibkr.fake.FakeTwsRequests.ReqMarketDataType;
import io.tvbridge.broker.ibkr.fake.FakeTwsRequests.ReqMktData;
import io.tvbridge.broker.ibkr.fake.FakeTwsRequests.ReqOpenOrders;
import io.tvbridge.broker.ibkr.fake.FakeTwsRequests.ReqPositions;
import io.tvbridge.broker.ibkr.fake.FakeTwsRequests.Request;
import io.tvbridge.broker.ibkr.fake.FakeTwsRequests.StartApi;
import io.tvbridge.broker.ibkr.fake.FakeTwsRequests.VersionRange;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.util.List;
import java.util.function.Function;

/**
 * One client socket, on its own thread: the handshake, then one request at a time, each handled
 * under the server's lock so that what TWS sends keeps the venue's order. What the fake cannot
 * read is a violation: recorded by the server and answered with ERR 320.
 */
final class FakeTwsConnection implements FakeTwsPeer, Runnable {
    private final FakeTwsServer server;
    private final Socket socket;
    private final Object lock;
    private final int number;
    private OutputStream out;
    private FakeTwsEncoder encoder;
    private FakeTwsRequests requests;
    private int clientId = -1;
    private boolean positions;
    private int marketDataType = 1;

    FakeTwsConnection(FakeTwsServer server, Socket socket, Object lock, int number) {
        this.server = server;
        this.socket = socket;
        this.lock = lock;
        this.number = number;
    }

    /** This connection's number: the fake numbers its sockets from 1 as it accepts them. */
    int number() {
        return number;
    }

    @Override
    public void run() {
        try {
            socket.setTcpNoDelay(true);
            DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
            out = socket.getOutputStream();
            if (handshake(in)) {
                while (true) {
                    List<String> fields = TwsWire.readFrame(in);
                    long readAt = System.nanoTime();
                    synchronized (lock) {
                        if (!server.isOpen(this)) {
                            return;                        // dropped: TWS never saw this message
                        }
                        server.recorder().received(fields);
                        handle(fields, readAt);
                    }
                }
            }
        } catch (IOException e) {
            // the client or the test closed the socket: this connection is over
        } catch (TwsProtocolException e) {
            server.recorder().violation("connection: " + e.getMessage());
        } finally {
            close();
            server.disconnected(this);
        }
    }

    /** Version exchange and START_API; false when the connection ends there. */
    private boolean handshake(DataInputStream in) throws IOException {
        VersionRange range = VersionRange.parse(TwsWire.readHello(in));
        int serverMax = server.serverMaxVersion();
        int version = range.min() > serverMax ? serverMax : Math.min(range.max(), serverMax);
        synchronized (lock) {
            write(FakeTwsEncoder.serverHello(version, server.connectionTime()));
        }
        if (range.min() > serverMax) {
            return false;                                  // no common version: TWS answers its own and hangs up
        }
        if (version < FakeTwsEncoder.MIN_VERSION || version > FakeTwsEncoder.MAX_VERSION) {
            server.recorder().violation("handshake: negotiated server version " + version + ", which the fake"
                    + " does not speak (" + FakeTwsEncoder.MIN_VERSION + ".." + FakeTwsEncoder.MAX_VERSION + ")");
            return false;
        }
        encoder = new FakeTwsEncoder(version);
        requests = new FakeTwsRequests(version);
        while (true) {
            List<String> fields = TwsWire.readFrame(in);
            synchronized (lock) {
                if (!server.isOpen(this)) {
                    return false;
                }
                server.recorder().received(fields);
                Request request = decode(fields);
                if (request instanceof StartApi start) {
                    return server.startApi(this, start.clientId());
                }
                if (request != null) {
                    server.recorder().violation(request.getClass().getSimpleName() + " before START_API");
                }
            }
        }
    }

    private Request decode(List<String> fields) {
        try {
            return requests.decode(fields);
        } catch (TwsProtocolException e) {
            server.recorder().violation(e.getMessage());
            send(enc -> enc.error(-1, 320, "Error reading request: " + e.getMessage(), ""));
            return null;
        }
    }

    private void handle(List<String> fields, long readAt) {
        Request request = decode(fields);
        FakeTwsVenue venue = server.venue();
        FakeTwsQueries queries = server.queries();
        if (request instanceof PlaceOrder place) {
            if (venue.loseNextOrder()) {
                close();   // the connection drops before the order is read
                return;
            }
            server.orderArrived(place.order().orderRef(), number, readAt);
            venue.placeOrder(clientId, place);
        } else if (request instanceof CancelOrder cancel) {
            venue.cancelOrder(clientId, cancel.orderId());
        } else if (request instanceof ReqGlobalCancel) {
            venue.globalCancel(clientId);
        } else if (request instanceof ReqIds) {
            int next = venue.nextValidId();
            send(e -> e.nextValidId(next));
        } else if (request instanceof ReqCurrentTime) {
            long now = venue.now().getEpochSecond();
            send(e -> e.currentTime(now));
        } else if (request instanceof ReqOpenOrders) {
            queries.openOrders(this, clientId, false);
        } else if (request instanceof ReqAllOpenOrders) {
            queries.openOrders(this, clientId, true);
        } else if (request instanceof ReqExecutions executions) {
            try {
                queries.executions(this, executions.reqId(), executions.filter());
            } catch (TwsProtocolException e) {
                server.recorder().violation(e.getMessage());
                send(enc -> enc.error(executions.reqId(), 321, "Error validating request.-'bP' : cause - "
                        + e.getMessage(), ""));
            }
        } else if (request instanceof ReqPositions) {
            positions = true;
            queries.positions(this);
        } else if (request instanceof CancelPositions) {
            positions = false;
        } else if (request instanceof ReqAccountSummary summary) {
            queries.accountSummary(this, summary.reqId(), summary.tags());
        } else if (request instanceof ReqContractDetails details) {
            queries.contractDetails(this, details.reqId(), details.contract());
        } else if (request instanceof ReqMarketDataType type) {
            marketDataType = type.marketDataType();
        } else if (request instanceof ReqMktData data) {
            queries.marketData(this, data, marketDataType);
        } else if (request instanceof StartApi) {
            server.recorder().violation("START_API a second time (client " + clientId + ")");
        }
        // REQ_AUTO_OPEN_ORDERS, CANCEL_ACCOUNT_SUMMARY and unknown messages are only recorded
    }

    void clientId(int id) {
        clientId = id;
    }

    int clientId() {
        return clientId;
    }

    @Override
    public void send(Function<FakeTwsEncoder, List<String>> message) {
        write(message.apply(encoder));
    }

    @Override
    public boolean positionsSubscribed() {
        return positions;
    }

    private void write(List<String> fields) {
        try {
            out.write(TwsWire.frame(fields));
            out.flush();
        } catch (IOException e) {
            close();                                       // the reader thread sees the closed socket and ends
        }
    }

    void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}

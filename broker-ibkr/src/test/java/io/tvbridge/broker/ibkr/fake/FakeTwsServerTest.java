package io.tvbridge.broker.ibkr.fake;

import static io.tvbridge.broker.ibkr.fake.TwsExpect.AAPL;
import static io.tvbridge.broker.ibkr.fake.TwsExpect.AAPL_FILL;
import static io.tvbridge.broker.ibkr.fake.TwsExpect.AAPL_ORDER;
import static io.tvbridge.broker.ibkr.fake.TwsExpect.OPEN;
import static io.tvbridge.broker.ibkr.fake.TwsExpect.P1;
import static io.tvbridge.broker.ibkr.fake.TwsExpect.READ_ONLY;
import static io.tvbridge.broker.ibkr.fake.TwsExpect.commission;
import static io.tvbridge.broker.ibkr.fake.TwsExpect.d;
import static io.tvbridge.broker.ibkr.fake.TwsExpect.error;
import static io.tvbridge.broker.ibkr.fake.TwsExpect.execution;
import static io.tvbridge.broker.ibkr.fake.TwsExpect.market;
import static io.tvbridge.broker.ibkr.fake.TwsExpect.openOrder;
import static io.tvbridge.broker.ibkr.fake.TwsExpect.order;
import static io.tvbridge.broker.ibkr.fake.TwsExpect.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tvbridge.broker.ibkr.codec.IbExecutionFilter;
import io.tvbridge.broker.ibkr.codec.IbOrder;
import io.tvbridge.broker.ibkr.codec.ServerHello;
import io.tvbridge.broker.spi.tck.MutableClock;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The fake as a session peer: handshake, versions, client ids, drops, Gateway restarts, read-only mode. */
@Timeout(20)
class FakeTwsServerTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private final MutableClock clock = new MutableClock(OPEN);
    private FakeTwsServer tws;

    @BeforeEach
    void start() {
        tws = FakeTwsServer.start().clock(clock);
    }

    @AfterEach
    void stop() {
        tws.close();
    }

    private static List<IbEvent> greeting(int nextValidId, String... accounts) {
        return List.of(IbEvent.of("managedAccounts", List.of(accounts)), IbEvent.of("nextValidId", nextValidId),
                error(-1, 2104, "Market data farm connection is OK:usfarm"),
                error(-1, 2106, "HMDS data farm connection is OK:ushmds"),
                error(-1, 2158, "Sec-def data farm connection is OK:secdefnj"));
    }

    private static List<IbEvent> readGreeting(RawTwsClient client) throws IOException {
        return client.readUntil(e -> e.name().equals("error") && e.arg(1).equals(2158));
    }

    @Test
    void answersTheHandshakeLikeTws() throws Exception {
        try (RawTwsClient client = RawTwsClient.open(tws.port())) {
            assertEquals(new ServerHello(193, "20260115 09:30:00 EST"), client.hello(176, 193));
            client.startApi(7);

            assertEquals(greeting(1, "DU1234567"), readGreeting(client));
            assertEquals(List.of(7), tws.startApiClientIds());
            assertEquals(List.of(List.of("71", "2", "7", "")), tws.received());
            assertEquals(1, tws.connections());
        }
        tws.awaitConnections(0, WAIT);
    }

    @ParameterizedTest(name = "server max {0}, client v{1}..{2}: {3}, accepted {4}")
    @CsvSource({"193,176,193,193,true", "193,100,200,193,true", "180,176,193,180,true", "193,176,185,185,true",
            "193,194,200,193,false", "170,176,193,170,false"})
    void negotiatesTheHighestCommonVersionOrAnswersItsOwnAndHangsUp(int serverMax, int min, int max, int expected,
                                                                     boolean accepted) throws Exception {
        tws.serverVersion(serverMax);
        try (RawTwsClient client = RawTwsClient.open(tws.port())) {
            assertEquals(new ServerHello(expected, "20260115 09:30:00 EST"), client.hello(min, max));
            if (accepted) {
                client.startApi(7);
                assertEquals(greeting(1, "DU1234567"), readGreeting(client));
            } else {
                assertEquals(List.of(), client.readUntilClosed());
            }
        }
    }

    @Test
    void hangsUpOnAVersionItDoesNotSpeak() throws Exception {
        try (RawTwsClient client = RawTwsClient.open(tws.port())) {
            assertEquals(150, client.hello(100, 150).serverVersion());
            assertEquals(List.of(), client.readUntilClosed());
        }
        assertEquals(List.of("handshake: negotiated server version 150, which the fake does not speak (176..193)"),
                tws.violations());
    }

    @Test
    void refusesAClientIdThatIsAlreadyConnected() throws Exception {
        try (RawTwsClient first = RawTwsClient.connect(tws.port(), 7);
             RawTwsClient second = RawTwsClient.open(tws.port())) {
            second.hello(176, 193);
            second.startApi(7);

            assertEquals(List.of(error(-1, 326, "Unable to connect as the client id is already in use. Retry with a"
                    + " unique client id.")), second.readUntilClosed());
            assertEquals(List.of(), first.sync());
            assertEquals(List.of(7, 7), tws.startApiClientIds());
            assertEquals(1, tws.connections());
        }
    }

    @Test
    void tellsTheConnectionsOfOneClientIdApartInTheOrdersTheyPlace() throws Exception {
        try (RawTwsClient first = RawTwsClient.connect(tws.port(), 7)) {
            first.send(first.encoder().placeOrder(1, AAPL, market("BUY", "100", "tv-1")));
            first.sync();
            assertEquals(List.of(1), tws.connectedClients());
        }
        tws.awaitConnections(0, WAIT);
        assertEquals(List.of(), tws.connectedClients());
        try (RawTwsClient second = RawTwsClient.connect(tws.port(), 7);
             RawTwsClient refused = RawTwsClient.open(tws.port())) {
            refused.hello(176, 193);
            refused.startApi(7);
            refused.readUntilClosed();                     // ERR 326: the id is taken
            second.send(second.encoder().placeOrder(2, AAPL, market("BUY", "100", "tv-2")));
            second.sync();
            assertEquals(List.of(2), tws.connectedClients());
        }

        assertEquals(List.of("tv-1 on 1", "tv-2 on 2"), tws.arrivals().stream()
                .map(arrival -> arrival.orderRef() + " on " + arrival.connection()).toList());
        assertEquals(true, tws.arrivals().get(0).nanoTime() < tws.arrivals().get(1).nanoTime());
    }

    @Test
    void closesNewSocketsWhileRefusingThenAcceptsAgain() throws Exception {
        tws.refuseConnections(true);
        try (RawTwsClient refused = RawTwsClient.open(tws.port())) {
            assertThrows(IOException.class, () -> refused.hello(176, 193));
        }
        tws.refuseConnections(false);
        try (RawTwsClient client = RawTwsClient.connect(tws.port(), 7)) {
            assertEquals(List.of(), client.sync());
        }
    }

    @Test
    void answersOnlyErr321InReadOnlyMode() throws Exception {
        tws.readOnly(true);
        try (RawTwsClient client = RawTwsClient.connect(tws.port(), 7)) {
            client.send(client.encoder().placeOrder(1, AAPL, market("BUY", "100", "tv-1")));
            client.send(client.encoder().cancelOrder(1, ""));
            client.send(client.encoder().reqGlobalCancel());

            assertEquals(List.of(error(1, 321, READ_ONLY), error(1, 321, READ_ONLY), error(-1, 321, READ_ONLY)),
                    client.sync());
            assertEquals(List.of(), tws.orders());
            assertEquals(0L, tws.placedOrders().get(0).permId());

            tws.readOnly(false);
            client.send(client.encoder().placeOrder(1, AAPL, market("BUY", "100", "tv-1")));
            client.sync();
            assertEquals(List.of("Filled"), tws.orders().stream().map(FakeTwsOrder::status).toList());
        }
    }

    @Test
    void reportsOpenOrdersAndTheDaysExecutionsAfterAReconnect() throws Exception {
        IbOrder bid = order("BUY", "10", "LMT", "180", null, "tv-1");
        IbOrder buy = market("BUY", "100", "tv-2");
        try (RawTwsClient client = RawTwsClient.connect(tws.port(), 7)) {
            client.send(client.encoder().placeOrder(1, AAPL, bid));
            client.send(client.encoder().placeOrder(2, AAPL, buy));
            client.sync();
            tws.dropConnections();
            assertEquals(List.of(), client.readUntilClosed());
        }
        tws.fill(1, d("4"), d("179.95"));                // while nobody listens

        try (RawTwsClient client = RawTwsClient.connect(tws.port(), 7)) {
            client.send(client.encoder().reqAllOpenOrders());
            client.send(client.encoder().reqExecutions(9102, IbExecutionFilter.all()));
            client.send(client.encoder().reqIds(1));

            assertEquals(List.of(
                    openOrder(AAPL_ORDER, bid, 1, 7, P1, "Submitted"),
                    status(1, "Submitted", "4", "6", "179.95", P1, 0, "179.95", 7, ""),
                    IbEvent.of("openOrderEnd"),
                    execution(9102, AAPL_FILL, 1, 2, "BOT", "100", "187.35", P1 + 1, 7, "100", "187.35", "tv-2", 2),
                    commission(1, "1"),
                    execution(9102, AAPL_FILL, 2, 1, "BOT", "4", "179.95", P1, 7, "4", "179.95", "tv-1", 1),
                    commission(2, "1"),
                    IbEvent.of("executionsEnd", 9102),
                    IbEvent.of("nextValidId", 3)), client.sync());
        }
    }

    @Test
    void restartsTheOrderIdsButKeepsOrdersPermIdsAndExecutions() throws Exception {
        IbOrder buy = market("BUY", "100", "tv-1");
        IbOrder bid = order("BUY", "10", "LMT", "180", null, "tv-2");
        IbOrder lowBid = order("BUY", "5", "LMT", "170", null, "tv-3");
        try (RawTwsClient client = RawTwsClient.connect(tws.port(), 7)) {
            client.send(client.encoder().placeOrder(1, AAPL, buy));
            client.send(client.encoder().placeOrder(2, AAPL, bid));
            client.sync();
            tws.restartGateway();
            client.readUntilClosed();
        }

        try (RawTwsClient client = RawTwsClient.open(tws.port())) {
            client.hello(176, 193);
            client.startApi(7);
            assertEquals(greeting(1, "DU1234567"), readGreeting(client));
            client.send(client.encoder().placeOrder(1, AAPL, lowBid));
            client.send(client.encoder().reqAllOpenOrders());
            client.send(client.encoder().reqExecutions(1, IbExecutionFilter.all()));
            client.send(client.encoder().cancelOrder(1, ""));

            assertEquals(List.of(
                    openOrder(AAPL_ORDER, lowBid, 1, 7, P1 + 2, "Submitted"),
                    status(1, "Submitted", "5", P1 + 2, 7),
                    openOrder(AAPL_ORDER, bid, 2, 7, P1 + 1, "Submitted"),
                    status(2, "Submitted", "10", P1 + 1, 7),
                    openOrder(AAPL_ORDER, lowBid, 1, 7, P1 + 2, "Submitted"),
                    status(1, "Submitted", "5", P1 + 2, 7),
                    IbEvent.of("openOrderEnd"),
                    execution(1, AAPL_FILL, 1, 1, "BOT", "100", "187.35", P1, 7, "100", "187.35", "tv-1", 2),
                    commission(1, "1"),
                    IbEvent.of("executionsEnd", 1),
                    status(1, "Cancelled", "5", P1 + 2, 7),
                    error(1, 202, "Order Canceled - reason:")), client.sync());
        }
        assertEquals(List.of(P1, P1 + 1, P1 + 2), tws.placedOrders().stream().map(PlacedOrder::permId).toList());
        assertEquals(List.of("Filled", "Submitted", "Cancelled"), tws.orders().stream().map(FakeTwsOrder::status)
                .toList());
    }

    @Test
    void sendsConnectivityNoticesToEveryClient() throws Exception {
        try (RawTwsClient first = RawTwsClient.connect(tws.port(), 7);
             RawTwsClient second = RawTwsClient.connect(tws.port(), 8)) {
            tws.sendError(-1, 1100, "Connectivity between IB and Trader Workstation has been lost.");
            tws.sendError(-1, 1102, "Connectivity between IB and Trader Workstation has been restored - data"
                    + " maintained.");

            List<IbEvent> expected = List.of(
                    error(-1, 1100, "Connectivity between IB and Trader Workstation has been lost."),
                    error(-1, 1102, "Connectivity between IB and Trader Workstation has been restored - data"
                            + " maintained."));
            assertEquals(expected, first.sync());
            assertEquals(expected, second.sync());
        }
    }

    @Test
    void recordsWhatClientsSendAndWhatItCannotRead() throws Exception {
        try (RawTwsClient client = RawTwsClient.connect(tws.port(), 7)) {
            List<String> place = client.encoder().placeOrder(1, AAPL, market("BUY", "1", "tv-1"));
            client.send(List.of("3", "1"));
            client.send(place);

            assertEquals(place, tws.await(fields -> fields.get(0).equals("3") && fields.size() > 2, WAIT));
            assertEquals(error(-1, 320, "Error reading request: PLACE_ORDER: field 2 is missing (2 fields)"),
                    client.sync().get(0));
            assertEquals(List.of("PLACE_ORDER: field 2 is missing (2 fields)"), tws.violations());
            assertEquals(List.of("71", "3", "3", "49"), tws.received().stream().map(f -> f.get(0)).toList());
        }
    }
}

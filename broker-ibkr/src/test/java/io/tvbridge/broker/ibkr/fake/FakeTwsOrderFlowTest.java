package io.tvbridge.broker.ibkr.fake;

import static io.tvbridge.broker.ibkr.fake.TwsExpect.AAPL;
import static io.tvbridge.broker.ibkr.fake.TwsExpect.AAPL_FILL;
import static io.tvbridge.broker.ibkr.fake.TwsExpect.AAPL_ORDER;
import static io.tvbridge.broker.ibkr.fake.TwsExpect.IBM;
import static io.tvbridge.broker.ibkr.fake.TwsExpect.IBM_FILL;
import static io.tvbridge.broker.ibkr.fake.TwsExpect.IBM_ORDER;
import static io.tvbridge.broker.ibkr.fake.TwsExpect.OPEN;
import static io.tvbridge.broker.ibkr.fake.TwsExpect.P1;
import static io.tvbridge.broker.ibkr.fake.TwsExpect.commission;
import static io.tvbridge.broker.ibkr.fake.TwsExpect.d;
import static io.tvbridge.broker.ibkr.fake.TwsExpect.error;
import static io.tvbridge.broker.ibkr.fake.TwsExpect.execution;
import static io.tvbridge.broker.ibkr.fake.TwsExpect.market;
import static io.tvbridge.broker.ibkr.fake.TwsExpect.openOrder;
import static io.tvbridge.broker.ibkr.fake.TwsExpect.order;
import static io.tvbridge.broker.ibkr.fake.TwsExpect.status;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tvbridge.broker.ibkr.codec.IbContract;
import io.tvbridge.broker.ibkr.codec.IbEncoder;
import io.tvbridge.broker.ibkr.codec.IbOrder;
import io.tvbridge.broker.spi.tck.MutableClock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Orders through the fake as a raw client sees them: every event TWS would send, in TWS's order. */
@Timeout(20)
class FakeTwsOrderFlowTest {
    private final MutableClock clock = new MutableClock(OPEN);
    private FakeTwsServer tws;
    private RawTwsClient client;
    private IbEncoder encoder;

    @BeforeEach
    void connect() throws Exception {
        tws = FakeTwsServer.start().clock(clock);
        client = RawTwsClient.connect(tws.port(), 7);
        encoder = client.encoder();
    }

    @AfterEach
    void close() throws Exception {
        client.close();
        tws.close();
    }

    private List<IbEvent> place(int orderId, IbContract contract, IbOrder order) throws Exception {
        client.send(encoder.placeOrder(orderId, contract, order));
        return client.sync();
    }

    @Test
    void fillsAMarketOrderAtOnceAtTheSymbolsPrice() throws Exception {
        IbOrder buy = market("BUY", "100", "tv-1");

        assertEquals(List.of(
                openOrder(AAPL_ORDER, buy, 1, 7, P1, "Submitted"),
                status(1, "Submitted", "100", P1, 7),
                execution(-1, AAPL_FILL, 1, 1, "BOT", "100", "187.35", P1, 7, "100", "187.35", "tv-1", 2),
                openOrder(AAPL_ORDER, buy, 1, 7, P1, "Filled"),
                status(1, "Filled", "100", "0", "187.35", P1, 0, "187.35", 7, ""),
                commission(1, "1")), place(1, AAPL, buy));
        assertEquals(List.of(new PlacedOrder(AAPL, new IbOrder(1, 7, P1, "BUY", d("100"), "MKT", null, null, "DAY",
                "", 0, "DU1234567", "tv-1", true, 0, false, null, null, null, "", "", false))), tws.placedOrders());
        assertEquals(List.of(), tws.violations());
    }

    @Test
    void tellsWhenEachOrderWasReadOffTheSocketBeforeHandlingIt() throws Exception {
        List<String> arrivals = new CopyOnWriteArrayList<>();
        long before = System.nanoTime();
        tws.onPlaceOrderRead((orderRef, nanoTime) -> arrivals.add(orderRef + (nanoTime >= before ? " after" : "")));

        place(1, AAPL, market("BUY", "100", "tv-1a"));
        place(2, IBM, market("SELL", "5", "tv-1b"));

        assertEquals(List.of("tv-1a after", "tv-1b after"), arrivals);
    }

    @Test
    void fillsInPiecesRepeatingAStatusAsTwsDoes() throws Exception {
        tws.onNextOrder(Behaviour.partial(3));
        IbOrder sell = market("SELL", "100", "tv-2");

        assertEquals(List.of(
                openOrder(IBM_ORDER, sell, 1, 7, P1, "Submitted"),
                status(1, "Submitted", "100", P1, 7),
                execution(-1, IBM_FILL, 1, 1, "SLD", "33", "150.24", P1, 7, "33", "150.24", "tv-2", 2),
                status(1, "Submitted", "33", "67", "150.24", P1, 0, "150.24", 7, ""),
                status(1, "Submitted", "33", "67", "150.24", P1, 0, "150.24", 7, ""),
                commission(1, "1"),
                execution(-1, IBM_FILL, 2, 1, "SLD", "33", "150.24", P1, 7, "66", "150.24", "tv-2", 2),
                status(1, "Submitted", "66", "34", "150.24", P1, 0, "150.24", 7, ""),
                commission(2, "1"),
                execution(-1, IBM_FILL, 3, 1, "SLD", "34", "150.24", P1, 7, "100", "150.24", "tv-2", 2),
                openOrder(IBM_ORDER, sell, 1, 7, P1, "Filled"),
                status(1, "Filled", "100", "0", "150.24", P1, 0, "150.24", 7, ""),
                commission(3, "1")), place(1, IBM, sell));
    }

    @Test
    void rejectsWithTheScriptedErrorAndForgetsTheOrder() throws Exception {
        String reason = "Order rejected - reason:The order would exceed your available funds.";
        tws.onNextOrder(Behaviour.reject(201, reason));

        assertEquals(List.of(error(1, 201, reason), status(1, "Cancelled", "100", P1, 7)),
                place(1, AAPL, market("BUY", "100", "tv-3")));
        client.send(encoder.reqOpenOrders());
        assertEquals(List.of(IbEvent.of("openOrderEnd")), client.sync());
        assertEquals(List.of(error(2, 203, "The security is not available or allowed for this account."),
                        status(2, "Inactive", "1", P1 + 1, 7)),
                place(2, AAPL, limit(tws, Behaviour.reject(203,
                        "The security is not available or allowed for this account."))));
    }

    private static IbOrder limit(FakeTwsServer tws, Behaviour behaviour) {
        tws.onNextOrder(behaviour);
        return order("BUY", "1", "LMT", "180", null, "tv-x");
    }

    @Test
    void restsALimitUntilCancelledThenRefusesToCancelIt() throws Exception {
        IbOrder bid = order("BUY", "10", "LMT", "180", null, "tv-4");

        assertEquals(List.of(openOrder(AAPL_ORDER, bid, 1, 7, P1, "Submitted"), status(1, "Submitted", "10", P1, 7)),
                place(1, AAPL, bid));
        client.send(encoder.cancelOrder(1, ""));
        assertEquals(List.of(status(1, "Cancelled", "10", P1, 7), error(1, 202, "Order Canceled - reason:")),
                client.sync());
        client.send(encoder.cancelOrder(1, ""));
        client.send(encoder.cancelOrder(99, ""));
        assertEquals(List.of(
                error(1, 10148, "OrderId 1 that needs to be cancelled cannot be cancelled, state: Cancelled."),
                error(99, 10147, "OrderId 99 that needs to be cancelled is not found.")), client.sync());
    }

    @Test
    void fillsARestingLimitWhenThePriceComesToIt() throws Exception {
        IbOrder bid = order("BUY", "10", "LMT", "180", null, "tv-5");
        place(1, AAPL, bid);

        tws.price("AAPL", d("180.5"));
        tws.price("AAPL", d("179.9"));

        assertEquals(List.of(
                execution(-1, AAPL_FILL, 1, 1, "BOT", "10", "179.9", P1, 7, "10", "179.9", "tv-5", 1),
                openOrder(AAPL_ORDER, bid, 1, 7, P1, "Filled"),
                status(1, "Filled", "10", "0", "179.9", P1, 0, "179.9", 7, ""),
                commission(1, "1")), client.sync());
    }

    @Test
    void holdsAStopUntilThePriceTriggersIt() throws Exception {
        IbOrder stop = order("SELL", "20", "STP", null, "185", "tv-6");

        assertEquals(List.of(openOrder(AAPL_ORDER, stop, 1, 7, P1, "PreSubmitted"),
                status(1, "PreSubmitted", "20", P1, 7)), place(1, AAPL, stop));
        tws.price("AAPL", d("186"));
        assertEquals(List.of(), client.sync());
        tws.price("AAPL", d("184.9"));
        assertEquals(List.of(
                execution(-1, AAPL_FILL, 1, 1, "SLD", "20", "184.9", P1, 7, "20", "184.9", "tv-6", 2),
                openOrder(AAPL_ORDER, stop, 1, 7, P1, "Filled"),
                status(1, "Filled", "20", "0", "184.9", P1, 0, "184.9", 7, ""),
                commission(1, "1")), client.sync());
    }

    @Test
    void trailsAStopBehindTheBestPrice() throws Exception {
        IbOrder trail = order("SELL", "5", "TRAIL", null, "2", "tv-7");
        place(1, AAPL, trail);

        tws.price("AAPL", d("190"));                     // the stop follows to 188
        tws.price("AAPL", d("188.5"));
        assertEquals(List.of(), client.sync());
        tws.price("AAPL", d("187.9"));

        assertEquals("Filled", tws.orders().get(0).status());
        assertEquals(d("187.9"), tws.orders().get(0).avgFillPrice());
    }

    @Test
    void holdsABracketUntilItsLastChildThenWorksItAsOneCancelsAll() throws Exception {
        IbOrder parent = order("BUY", "100", "LMT", "150.25", null, "tv-b").inBracket(0, false, "", 0);
        IbOrder takeProfit = order("SELL", "100", "LMT", "156", null, "tv-b").inBracket(1, false, "", 0);
        IbOrder stopLoss = order("SELL", "100", "STP", null, "147.5", "tv-b").inBracket(1, true, "", 0);

        assertEquals(List.of(), place(1, IBM, parent));
        assertEquals(List.of(), place(2, IBM, takeProfit));
        assertEquals(List.of(
                openOrder(IBM_ORDER, parent, 1, 7, P1, "Submitted"),
                status(1, "Submitted", "100", P1, 7),
                openOrder(IBM_ORDER, takeProfit, 2, 7, P1 + 1, "PreSubmitted"),
                status(2, "PreSubmitted", "0", "100", "0", P1 + 1, 1, "0", 7, "child"),
                openOrder(IBM_ORDER, stopLoss, 3, 7, P1 + 2, "PreSubmitted"),
                status(3, "PreSubmitted", "0", "100", "0", P1 + 2, 1, "0", 7, "child"),
                execution(-1, IBM_FILL, 1, 1, "BOT", "100", "150.24", P1, 7, "100", "150.24", "tv-b", 2),
                openOrder(IBM_ORDER, parent, 1, 7, P1, "Filled"),
                status(1, "Filled", "100", "0", "150.24", P1, 0, "150.24", 7, ""),
                commission(1, "1"),
                openOrder(IBM_ORDER, takeProfit, 2, 7, P1 + 1, "Submitted"),
                status(2, "Submitted", "0", "100", "0", P1 + 1, 1, "0", 7, ""),
                openOrder(IBM_ORDER, stopLoss, 3, 7, P1 + 2, "Submitted"),
                status(3, "Submitted", "0", "100", "0", P1 + 2, 1, "0", 7, "")), place(3, IBM, stopLoss));

        tws.price("IBM", d("156.1"));

        assertEquals(List.of(
                execution(-1, IBM_FILL, 2, 2, "SLD", "100", "156.1", P1 + 1, 7, "100", "156.1", "tv-b", 1),
                openOrder(IBM_ORDER, takeProfit, 2, 7, P1 + 1, "Filled"),
                status(2, "Filled", "100", "0", "156.1", P1 + 1, 1, "156.1", 7, ""),
                commission(2, "1", "585"),                // 100 x (156.10 - 150.24) - 1.00
                status(3, "Cancelled", "0", "100", "0", P1 + 2, 1, "0", 7, "")), client.sync());
    }

    @Test
    void cancelsAnOcaGroupWhenOneMemberFills() throws Exception {
        IbOrder first = order("BUY", "50", "LMT", "185", null, "tv-o").inBracket(0, true, "oca-1", 1);
        IbOrder second = order("BUY", "20", "LMT", "140", null, "tv-o").inBracket(0, true, "oca-1", 1);
        place(1, AAPL, first);
        place(2, IBM, second);

        tws.price("AAPL", d("184"));

        assertEquals(List.of(
                execution(-1, AAPL_FILL, 1, 1, "BOT", "50", "184", P1, 7, "50", "184", "tv-o", 1),
                openOrder(AAPL_ORDER, first, 1, 7, P1, "Filled"),
                status(1, "Filled", "50", "0", "184", P1, 0, "184", 7, ""),
                commission(1, "1"),
                status(2, "Cancelled", "20", P1 + 1, 7)), client.sync());
    }

    @Test
    void restsOrFillsOnlyWhenTheTestSays() throws Exception {
        tws.defaultBehaviour(Behaviour.rest());
        IbOrder buy = market("BUY", "100", "tv-8");
        place(1, AAPL, buy);

        tws.fill(1, d("40"), d("187.3"));
        tws.fill(1, d("60"), d("187.4"));

        assertEquals(List.of(
                execution(-1, AAPL_FILL, 1, 1, "BOT", "40", "187.3", P1, 7, "40", "187.3", "tv-8", 1),
                status(1, "Submitted", "40", "60", "187.3", P1, 0, "187.3", 7, ""),
                commission(1, "1"),
                execution(-1, AAPL_FILL, 2, 1, "BOT", "60", "187.4", P1, 7, "100", "187.36", "tv-8", 1),
                openOrder(AAPL_ORDER, buy, 1, 7, P1, "Filled"),
                status(1, "Filled", "100", "0", "187.36", P1, 0, "187.4", 7, ""),
                commission(2, "1")), client.sync());
    }

    @Test
    void staysSilentButKeepsTheOrderWorking() throws Exception {
        tws.onNextOrder(Behaviour.silent());
        IbOrder buy = market("BUY", "100", "tv-9");

        assertEquals(List.of(), place(1, AAPL, buy));
        client.send(encoder.reqOpenOrders());
        assertEquals(List.of(openOrder(AAPL_ORDER, buy, 1, 7, P1, "Submitted"), status(1, "Submitted", "100", P1, 7),
                IbEvent.of("openOrderEnd")), client.sync());
    }

    @Test
    void refusesWhatTwsRefuses() throws Exception {
        IbOrder buy = market("BUY", "1", "tv-10");
        IbContract unknown = IbContract.of("NOPE", "STK", "SMART", "USD");
        IbContract anyEs = IbContract.of("ES", "FUT", "CME", "USD");
        place(5, AAPL, buy);

        assertEquals(List.of(error(4, 103, "Duplicate order id")), place(4, AAPL, buy));
        assertEquals(List.of(error(6, 200, "No security definition has been found for the request")),
                place(6, unknown, buy));
        assertEquals(List.of(error(7, 200, "The contract description specified for ES is ambiguous.")),
                place(7, anyEs, buy));
        assertEquals(List.of(error(5, 104, "Cannot modify a filled order.")), place(5, AAPL, buy));
        client.send(encoder.cancelOrder(5, ""));
        assertEquals(List.of(error(5, 10148,
                "OrderId 5 that needs to be cancelled cannot be cancelled, state: Filled.")), client.sync());
        assertEquals(List.of(P1, 0L, 0L, 0L, P1), tws.placedOrders().stream().map(PlacedOrder::permId).toList());
    }
}

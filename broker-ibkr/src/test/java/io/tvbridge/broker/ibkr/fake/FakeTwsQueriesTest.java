package io.tvbridge.broker.ibkr.fake;

import static io.tvbridge.broker.ibkr.fake.TwsExpect.AAPL;
import static io.tvbridge.broker.ibkr.fake.TwsExpect.AAPL_FILL;
import static io.tvbridge.broker.ibkr.fake.TwsExpect.AAPL_ORDER;
import static io.tvbridge.broker.ibkr.fake.TwsExpect.ACCOUNT;
import static io.tvbridge.broker.ibkr.fake.TwsExpect.IBM;
import static io.tvbridge.broker.ibkr.fake.TwsExpect.IBM_FILL;
import static io.tvbridge.broker.ibkr.fake.TwsExpect.OPEN;
import static io.tvbridge.broker.ibkr.fake.TwsExpect.P1;
import static io.tvbridge.broker.ibkr.fake.TwsExpect.d;
import static io.tvbridge.broker.ibkr.fake.TwsExpect.error;
import static io.tvbridge.broker.ibkr.fake.TwsExpect.execId;
import static io.tvbridge.broker.ibkr.fake.TwsExpect.market;
import static io.tvbridge.broker.ibkr.fake.TwsExpect.openOrder;
import static io.tvbridge.broker.ibkr.fake.TwsExpect.status;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tvbridge.broker.ibkr.codec.IbCommissionReport;
import io.tvbridge.broker.ibkr.codec.IbContract;
import io.tvbridge.broker.ibkr.codec.IbContractDetails;
import io.tvbridge.broker.ibkr.codec.IbExecution;
import io.tvbridge.broker.ibkr.codec.IbExecutionFilter;
import io.tvbridge.broker.ibkr.codec.IbOrder;
import io.tvbridge.broker.spi.tck.MutableClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the fake answers to the requests that read the account, the day's executions and the contract catalogue. */
@Timeout(20)
class FakeTwsQueriesTest {
    private static final IbContract ES = IbContract.of("ES", "FUT", "CME", "USD");
    private final MutableClock clock = new MutableClock(OPEN);
    private FakeTwsServer tws;
    private RawTwsClient client;

    @BeforeEach
    void connect() throws Exception {
        tws = FakeTwsServer.start().clock(clock);
        client = RawTwsClient.connect(tws.port(), 7);
    }

    @AfterEach
    void close() throws Exception {
        client.close();
        tws.close();
    }

    private List<IbEvent> ask(List<String> request) throws Exception {
        client.send(request);
        return client.sync();
    }

    private static IbEvent position(IbContract contract, String quantity, String averageCost) {
        return IbEvent.of("position", ACCOUNT, contract, d(quantity), d(averageCost));
    }

    @Test
    void keepsPositionsFromFillsAndPushesChangesWhileSubscribed() throws Exception {
        ask(client.encoder().placeOrder(1, AAPL, market("BUY", "100", "tv-1")));
        ask(client.encoder().placeOrder(2, IBM, market("SELL", "30", "tv-2")));
        IbContract march = ES.withExpiry("202603", "");
        ask(client.encoder().placeOrder(3, march, market("BUY", "2", "tv-3")));

        IbContract esFill = new IbContract(600202603, "ES", "FUT", "20260320", "", BigDecimal.ZERO, "", "50", "CME", "",
                "USD", "ESH6", "ES", false, "", "", "", "");
        assertEquals(List.of(position(AAPL_FILL, "100", "187.35"), position(IBM_FILL, "-30", "150.24"),
                position(esFill, "2", "300012.5"), IbEvent.of("positionEnd")), ask(client.encoder().reqPositions()));

        List<IbEvent> sold = ask(client.encoder().placeOrder(4, AAPL, market("SELL", "100", "tv-4")));
        assertEquals(List.of(IbEvent.of("commissionReport", new IbCommissionReport(
                execId(4), d("1"), "USD", d("-1"), null, 0)), position(AAPL_FILL, "0", "0")),
                sold.subList(sold.size() - 2, sold.size()));

        client.send(client.encoder().cancelPositions());
        List<IbEvent> bought = ask(client.encoder().placeOrder(5, AAPL, market("BUY", "1", "tv-5")));
        assertEquals("commissionReport", bought.get(bought.size() - 1).name());
    }

    @Test
    void reportsTheRequestedSummaryTagsOfEveryAccount() throws Exception {
        tws.accounts("DU111", "DU222").accountValue("NetLiquidation", "250000.00");

        assertEquals(List.of(
                IbEvent.of("accountSummary", 9201, "DU111", "NetLiquidation", "250000.00", "USD"),
                IbEvent.of("accountSummary", 9201, "DU111", "BuyingPower", "402093.80", "USD"),
                IbEvent.of("accountSummary", 9201, "DU222", "NetLiquidation", "250000.00", "USD"),
                IbEvent.of("accountSummary", 9201, "DU222", "BuyingPower", "402093.80", "USD"),
                IbEvent.of("accountSummaryEnd", 9201)),
                ask(client.encoder().reqAccountSummary(9201, "All", "NetLiquidation,NoSuchTag,BuyingPower")));
        assertEquals(List.of(error(1, 435, "You must specify an account.")),
                ask(client.encoder().placeOrder(1, AAPL, market("BUY", "1", "tv-1").withAccountAndRef("", "tv-1"))));
    }

    @Test
    void listsTheClientsOwnOpenOrdersOrEveryClients() throws Exception {
        IbOrder bid = TwsExpect.order("BUY", "10", "LMT", "180", null, "tv-1");
        ask(client.encoder().placeOrder(1, AAPL, bid));
        try (RawTwsClient other = RawTwsClient.connect(tws.port(), 8)) {
            other.send(other.encoder().placeOrder(1, AAPL, bid));
            other.sync();
        }

        assertEquals(List.of(openOrder(AAPL_ORDER, bid, 1, 7, P1, "Submitted"), status(1, "Submitted", "10", P1, 7),
                IbEvent.of("openOrderEnd")), ask(client.encoder().reqOpenOrders()));
        assertEquals(List.of(openOrder(AAPL_ORDER, bid, 1, 7, P1, "Submitted"), status(1, "Submitted", "10", P1, 7),
                openOrder(AAPL_ORDER, bid, 1, 8, P1 + 1, "Submitted"), status(1, "Submitted", "10", P1 + 1, 8),
                IbEvent.of("openOrderEnd")), ask(client.encoder().reqAllOpenOrders()));
    }

    @Test
    void tellsTheTimeOfItsClockAndTheNextOrderId() throws Exception {
        clock.advance(Duration.ofMinutes(5));
        client.send(client.encoder().reqCurrentTime());
        assertEquals(List.of(IbEvent.of("currentTime", OPEN.getEpochSecond() + 300)), client.next());

        ask(client.encoder().placeOrder(41, AAPL, market("BUY", "1", "tv-1")));
        assertEquals(List.of(IbEvent.of("nextValidId", 42)), ask(client.encoder().reqIds(1)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "every execution              | 0 | ''      | ''                          | ''   | ''    | 1,2,3",
            "client 7                     | 7 | ''      | ''                          | ''   | ''    | 1,2",
            "sells                        | 0 | ''      | ''                          | ''   | SELL  | 2",
            "AAPL                         | 0 | ''      | ''                          | AAPL | ''    | 1,3",
            "after 09:35 New York, as UTC | 0 | ''      | 20260115-14:35:00           | ''   | ''    | 2,3",
            "after 09:35 in a zone        | 0 | ''      | 20260115 09:35:00 US/Eastern | ''  | ''    | 2,3",
            "another account              | 0 | DU99999 | ''                          | ''   | ''    | ''"})
    void filtersTheDaysExecutions(String name, int clientId, String account, String time, String symbol, String side,
                                  String expected) throws Exception {
        ask(client.encoder().placeOrder(1, AAPL, market("BUY", "100", "tv-1")));
        clock.advance(Duration.ofMinutes(10));
        ask(client.encoder().placeOrder(2, IBM, market("SELL", "30", "tv-2")));
        try (RawTwsClient other = RawTwsClient.connect(tws.port(), 8)) {
            other.send(other.encoder().placeOrder(1, AAPL, market("BUY", "1", "tv-3")));
            other.sync();
        }

        List<IbEvent> answer = ask(client.encoder().reqExecutions(5, new IbExecutionFilter(clientId, account, time,
                symbol, "", "", side)));

        List<String> executions = answer.stream().filter(e -> e.name().equals("execution"))
                .map(e -> ((IbExecution) e.arg(2)).execId()).toList();
        List<String> wanted = expected.isEmpty() ? List.of()
                : Arrays.stream(expected.split(",")).map(n -> execId(Integer.parseInt(n))).toList();
        assertEquals(wanted, executions);
        assertEquals(IbEvent.of("executionsEnd", 5), answer.get(answer.size() - 1));
        assertEquals(2 * wanted.size() + 1, answer.size());          // each with its commission report
    }

    @Test
    void forgetsYesterdaysExecutions() throws Exception {
        ask(client.encoder().placeOrder(1, AAPL, market("BUY", "100", "tv-1")));
        clock.advance(Duration.ofDays(1));

        assertEquals(List.of(IbEvent.of("executionsEnd", 5)),
                ask(client.encoder().reqExecutions(5, IbExecutionFilter.all())));
    }

    private List<String> localSymbols(IbContract query) throws Exception {
        return ask(client.encoder().reqContractDetails(3, query)).stream()
                .map(e -> e.name().equals("contractDetails") ? ((IbContractDetails) e.arg(1)).contract().localSymbol()
                        : e.name()).toList();
    }

    @Test
    void listsFuturesAroundTodaySoTheClientCanPickTheFrontMonth() throws Exception {
        assertEquals(List.of("ESH6", "ESM6", "ESU6", "ESZ6", "contractDetailsEnd"), localSymbols(ES));
        assertEquals(List.of("ESZ5", "ESH6", "ESM6", "ESU6", "ESZ6", "contractDetailsEnd"),
                localSymbols(ES.withIncludeExpired(true)));
        assertEquals(List.of("ESM6", "contractDetailsEnd"), localSymbols(ES.withExpiry("202606", "")));

        assertEquals(List.of("NQH6", "NQM6", "NQU6", "NQZ6", "contractDetailsEnd"),
                localSymbols(IbContract.of("NQ", "FUT", "CME", "USD")));

        clock.advance(Duration.ofDays(70));                              // 2026-03-26: March has expired
        assertEquals(List.of("ESM6", "ESU6", "ESZ6", "ESH7", "contractDetailsEnd"), localSymbols(ES));

        IbContractDetails june = (IbContractDetails) ask(client.encoder().reqContractDetails(4,
                ES.withExpiry("202606", ""))).get(0).arg(1);
        assertEquals(List.of("20260619", "20260619", "20260619", "50", "0.25", "202606"),
                List.of(june.contract().lastTradeDateOrContractMonth(), june.contract().lastTradeDate(),
                        june.realExpirationDate(), june.contract().multiplier(), june.minTick().toPlainString(),
                        june.contractMonth()));
    }

    @Test
    void describesStocksFxAndCryptoAndRefusesWhatItDoesNotKnow() throws Exception {
        assertEquals(List.of("AAPL", "contractDetailsEnd"), localSymbols(AAPL.withPrimaryExch("NASDAQ")));
        assertEquals(List.of("EUR.USD", "contractDetailsEnd"), localSymbols(IbContract.of("EUR", "CASH", "IDEALPRO",
                "USD")));
        assertEquals(List.of("BTC.USD", "contractDetailsEnd"), localSymbols(IbContract.of("BTC", "CRYPTO", "PAXOS",
                "USD")));
        assertEquals(List.of("AAPL", "contractDetailsEnd"), localSymbols(new IbContract(265598, "", "", "", "", null,
                "", "", "", "", "", "", "", false, "", "", "", "")));
        assertEquals(List.of(error(3, 200, "No security definition has been found for the request")),
                ask(client.encoder().reqContractDetails(3, IbContract.of("NOPE", "STK", "SMART", "USD"))));
        assertEquals(List.of(error(3, 200, "No security definition has been found for the request")),
                ask(client.encoder().reqContractDetails(3, AAPL.withPrimaryExch("NYSE"))));

        IbContractDetails btc = (IbContractDetails) ask(client.encoder().reqContractDetails(4,
                IbContract.of("BTC", "CRYPTO", "PAXOS", "USD"))).get(0).arg(1);
        assertEquals(List.of(d("0.25"), d("0.0001"), d("0.00000001")),
                List.of(btc.minTick(), btc.minSize(), btc.sizeIncrement()));
    }

    @Test
    void tradesAContractTheTestDefines() throws Exception {
        IbContract xyz = new IbContract(4242, "XYZ", "STK", "", "", null, "", "", "SMART", "NYSE", "USD", "XYZ", "XYZ",
                false, "", "", "", "");
        tws.contract(new IbContractDetails(xyz, "XYZ", d("0.01"), "LMT,MKT", "SMART,NYSE", 1, 0, "XYZ CORP", "", "",
                "", "", "US/Eastern", "", "", "", null, List.of(), 1, "", "", "26,26", "", "COMMON", d("1"), d("1"),
                d("100"), List.of()));

        assertEquals(List.of("XYZ", "contractDetailsEnd"), localSymbols(IbContract.of("XYZ", "STK", "SMART", "USD")));
        ask(client.encoder().placeOrder(1, IbContract.of("XYZ", "STK", "SMART", "USD"), market("BUY", "10", "tv-1")));
        assertEquals("Submitted", tws.orders().get(0).status());            // no price yet: the market order waits
        tws.price("XYZ", d("12.5"));
        assertEquals(List.of("Filled", d("12.5")), List.of(tws.orders().get(0).status(),
                tws.orders().get(0).avgFillPrice()));
    }

    @Test
    void answersASnapshotWithTicksOfTheRequestedDataType() throws Exception {
        client.send(client.encoder().reqMarketDataType(3));

        assertEquals(List.of(
                IbEvent.of("marketDataType", 9401, 3),
                IbEvent.of("tickPrice", 9401, 66, d("187.34"), 0), IbEvent.of("tickSize", 9401, 69, d("100")),
                IbEvent.of("tickPrice", 9401, 67, d("187.36"), 0), IbEvent.of("tickSize", 9401, 70, d("100")),
                IbEvent.of("tickPrice", 9401, 68, d("187.35"), 0), IbEvent.of("tickSize", 9401, 71, d("100")),
                IbEvent.of("tickSnapshotEnd", 9401)), ask(client.encoder().reqMktData(9401, AAPL, "", true, false)));
    }
}

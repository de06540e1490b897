package io.tvbridge.broker.paper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tvbridge.broker.spi.BrokerConfig;
import io.tvbridge.broker.spi.BrokerContext;
import io.tvbridge.broker.spi.BrokerException;
import io.tvbridge.broker.spi.BrokerJournal;
import io.tvbridge.broker.spi.BrokerListener;
import io.tvbridge.broker.spi.MarketHours;
import io.tvbridge.broker.spi.model.AccountSnapshot;
import io.tvbridge.broker.spi.model.AssetClass;
import io.tvbridge.broker.spi.model.ClientOrderId;
import io.tvbridge.broker.spi.model.ConversionRates;
import io.tvbridge.broker.spi.model.Fill;
import io.tvbridge.broker.spi.model.Instrument;
import io.tvbridge.broker.spi.model.InstrumentRef;
import io.tvbridge.broker.spi.model.OrderRequest;
import io.tvbridge.broker.spi.model.OrderState;
import io.tvbridge.broker.spi.model.OrderStatus;
import io.tvbridge.broker.spi.model.OrderType;
import io.tvbridge.broker.spi.model.OrderUpdate;
import io.tvbridge.broker.spi.model.Position;
import io.tvbridge.broker.spi.model.Side;
import io.tvbridge.broker.spi.model.TimeInForce;
import io.tvbridge.broker.spi.model.TrailingStop;
import io.tvbridge.broker.spi.tck.MutableClock;
import io.tvbridge.broker.spi.tck.RecordingBrokerListener;
import io.tvbridge.broker.spi.tck.TestBrokerContext;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The paper venue's own rules: prices, resting orders, money, and its memory. */
@Timeout(30)
class PaperBrokerTest {
    @TempDir
    Path state;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T15:00:00Z"));
    private final RecordingBrokerListener listener = new RecordingBrokerListener();
    private PaperBroker broker;

    private PaperBroker open(Map<String, String> config, BrokerListener events) throws BrokerException {
        return open(config, new TestBrokerContext(clock, events, state));
    }

    private PaperBroker open(Map<String, String> config, BrokerContext context) throws BrokerException {
        PaperBrokerFactory factory = new PaperBrokerFactory();
        broker = (PaperBroker) factory.create(new BrokerConfig("paper", config, factory.configKeys()), context);
        broker.connect();
        return broker;
    }

    /** A journal a host keeps somewhere other than the state directory (tvbridge's: the shared database). */
    private static final class KeptJournal implements BrokerJournal {
        final List<String> lines = new ArrayList<>();
        int opened;
        int closed;

        @Override
        public synchronized void append(String line) {
            lines.add(BrokerJournal.requireLine(line));
        }

        @Override
        public synchronized List<String> lines() {
            return List.copyOf(lines);
        }

        @Override
        public synchronized void close() {
            closed++;
        }
    }

    /** A host that hands out {@code kept} as the broker's journal, whatever the state directory. */
    private record HostKeepingTheJournal(Clock clock, BrokerListener listener, Path stateDirectory,
                                         KeptJournal kept) implements BrokerContext {
        @Override
        public BrokerJournal journal(String name) {
            assertThat(name).isEqualTo(PaperJournal.NAME);
            synchronized (kept) {
                kept.opened++;
            }
            return kept;
        }

        @Override
        public MarketHours marketHours() {
            return MarketHours.ALWAYS_OPEN;
        }
    }

    @AfterEach
    void close() {
        if (broker != null) {
            broker.close();
        }
    }

    private static Instrument stock(String symbol) {
        return Instrument.simple(symbol, AssetClass.STOCK, "PAPER", "USD");
    }

    private static OrderRequest market(String id, String symbol, Side side, String quantity, String price) {
        return OrderRequest.market(ClientOrderId.of(id), stock(symbol), side, new BigDecimal(quantity))
                .withReferencePrice(new BigDecimal(price));
    }

    private static OrderRequest order(String id, Side side, OrderType type, String limit, String stop, TimeInForce tif) {
        return new OrderRequest(ClientOrderId.of(id), stock("XYZ"), side, BigDecimal.TEN, type,
                Optional.ofNullable(limit).map(BigDecimal::new), Optional.ofNullable(stop).map(BigDecimal::new),
                Optional.empty(), tif, false, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    @Test
    void fillsMarketOrdersAtThePriceWithSlippageAndCommission() throws Exception {
        open(Map.of("commission-per-order", "1", "commission-per-unit", "0.01", "commission-percent", "0.1",
                "slippage-bps", "10"), listener);
        broker.submit(market("o-1", "AAPL", Side.BUY, "100", "200"));

        Fill fill = listener.await(Fill.class, f -> f.clientOrderId().value().equals("o-1"));
        assertThat(fill.price()).isEqualByComparingTo("200.2");          // 10 bps against the buyer
        assertThat(fill.commission()).isEqualByComparingTo("22.02");     // 1 + 100 x 0.01 + 0.1% of 20,020
        assertThat(fill.quantity()).isEqualByComparingTo("100");
        assertThat(broker.account().cash()).isEqualByComparingTo("79957.98");
        assertThat(broker.positions()).singleElement().satisfies(p -> {
            assertThat(p.quantity()).isEqualByComparingTo("100");
            assertThat(p.averageCost()).isEqualByComparingTo("200.2");
        });
    }

    @Test
    void rejectsAMarketOrderWhenNoPriceIsKnownWithTheReason() throws Exception {
        open(Map.of(), listener);
        var ack = broker.submit(OrderRequest.market(ClientOrderId.of("o-2"), stock("ZZZ"), Side.BUY, BigDecimal.ONE));
        assertThat(ack.status()).isEqualTo(OrderStatus.REJECTED);
        OrderUpdate rejected = listener.await(OrderUpdate.class, u -> u.status() == OrderStatus.REJECTED);
        assertThat(rejected.reason()).hasValueSatisfying(r -> assertThat(r).contains("no price is known for ZZZ"));
    }

    @Test
    void usesTheLastPriceSeenWhenAnOrderCarriesNone() throws Exception {
        open(Map.of(), listener);
        broker.submit(market("o-3", "MSFT", Side.BUY, "1", "300"));
        broker.submit(OrderRequest.market(ClientOrderId.of("o-4"), stock("MSFT"), Side.SELL, BigDecimal.ONE));
        assertThat(listener.await(Fill.class, f -> f.clientOrderId().value().equals("o-4")).price())
                .isEqualByComparingTo("300");
    }

    @Test
    void limitAndStopOrdersRestUntilAPriceReachesThem() throws Exception {
        open(Map.of(), listener);
        broker.submit(market("seed", "XYZ", Side.BUY, "1", "100"));
        assertThat(broker.submit(order("lmt", Side.BUY, OrderType.LIMIT, "95", null, TimeInForce.GTC)).status())
                .isEqualTo(OrderStatus.ACCEPTED);
        assertThat(broker.submit(order("stp", Side.BUY, OrderType.STOP, null, "105", TimeInForce.GTC)).status())
                .isEqualTo(OrderStatus.ACCEPTED);
        assertThat(broker.openOrders()).extracting(o -> o.clientOrderId().value()).containsExactly("lmt", "stp");

        broker.submit(market("tick-down", "XYZ", Side.SELL, "1", "94"));
        assertThat(listener.await(Fill.class, f -> f.clientOrderId().value().equals("lmt")).price())
                .isEqualByComparingTo("94");
        broker.submit(market("tick-up", "XYZ", Side.BUY, "1", "106"));
        assertThat(listener.await(Fill.class, f -> f.clientOrderId().value().equals("stp")).price())
                .isEqualByComparingTo("106");
        assertThat(broker.openOrders()).isEmpty();
    }

    private static OrderRequest trailing(String id, Side side, TrailingStop trail, String price) {
        return new OrderRequest(ClientOrderId.of(id), stock("XYZ"), side, BigDecimal.TEN, OrderType.TRAILING_STOP,
                Optional.empty(), Optional.empty(), Optional.of(trail), TimeInForce.GTC, false, Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of(new BigDecimal(price)));
    }

    /** A price for XYZ, as the next alert for it brings one. */
    private void tick(String id, String price) throws BrokerException {
        broker.submit(market(id, "XYZ", Side.BUY, "1", price));
    }

    @Test
    void aSellTrailingStopFollowsTheHighAndFillsWhenThePriceFallsItsAmountFromIt() throws Exception {
        open(Map.of(), listener);
        broker.submit(market("seed", "XYZ", Side.BUY, "10", "100"));
        assertThat(broker.submit(trailing("trail", Side.SELL, TrailingStop.amount(new BigDecimal("2")), "100"))
                .status()).isEqualTo(OrderStatus.ACCEPTED);
        assertThat(broker.lookup(ClientOrderId.of("trail")).orElseThrow().stopPrice()).contains(new BigDecimal("98"));

        tick("up-1", "104");
        tick("up-2", "110");
        tick("dip", "108.5");   // 1.5 off the high of 110: the stop at 108 holds
        assertThat(broker.lookup(ClientOrderId.of("trail")).orElseThrow()).satisfies(s -> {
            assertThat(s.status()).isEqualTo(OrderStatus.ACCEPTED);
            assertThat(s.stopPrice()).contains(new BigDecimal("108"));
        });

        tick("fall", "107.5");
        assertThat(listener.await(Fill.class, f -> f.clientOrderId().value().equals("trail")).price())
                .isEqualByComparingTo("107.5");
        assertThat(broker.openOrders()).isEmpty();
    }

    @Test
    void aBuyTrailingStopFollowsTheLowAndFillsWhenThePriceRisesItsPercentFromIt() throws Exception {
        open(Map.of(), listener);
        broker.submit(trailing("trail", Side.BUY, TrailingStop.percent(new BigDecimal("5")), "100"));
        tick("down-1", "90");
        tick("down-2", "80");
        tick("bounce", "83.9");   // the stop is 5% above the low of 80: 84
        assertThat(broker.lookup(ClientOrderId.of("trail")).orElseThrow().status()).isEqualTo(OrderStatus.ACCEPTED);

        tick("rise", "84");
        assertThat(listener.await(Fill.class, f -> f.clientOrderId().value().equals("trail")).price())
                .isEqualByComparingTo("84");
    }

    @Test
    void aTrailingStopsHighSurvivesARestart() throws Exception {
        open(Map.of(), listener);
        broker.submit(market("seed", "XYZ", Side.BUY, "10", "100"));
        broker.submit(trailing("trail", Side.SELL, TrailingStop.amount(new BigDecimal("3")), "100"));
        tick("up", "120");
        broker.close();

        RecordingBrokerListener after = new RecordingBrokerListener();
        open(Map.of(), after);
        assertThat(broker.lookup(ClientOrderId.of("trail")).orElseThrow().stopPrice()).contains(new BigDecimal("117"));
        tick("fall", "116");
        assertThat(after.await(Fill.class, f -> f.clientOrderId().value().equals("trail")).price())
                .isEqualByComparingTo("116");
    }

    @Test
    void anIocOrderThatCannotFillAtOnceIsCancelled() throws Exception {
        open(Map.of(), listener);
        broker.submit(market("seed", "XYZ", Side.BUY, "1", "100"));
        assertThat(broker.submit(order("ioc", Side.BUY, OrderType.LIMIT, "90", null, TimeInForce.IOC)).status())
                .isEqualTo(OrderStatus.CANCELLED);
    }

    @Test
    void refusesAnOrderBeyondTheBuyingPower() throws Exception {
        open(Map.of("starting-cash", "1000"), listener);
        broker.submit(market("big", "AAPL", Side.BUY, "10", "150"));
        OrderUpdate rejected = listener.await(OrderUpdate.class, u -> u.status() == OrderStatus.REJECTED);
        assertThat(rejected.reason()).hasValueSatisfying(r -> assertThat(r)
                .contains("insufficient buying power").contains("1,500.00 USD").contains("1,000.00 USD"));
        assertThat(broker.positions()).isEmpty();
    }

    @Test
    void wholeUnitsUnlessFractionalIsAllowed() throws Exception {
        open(Map.of(), listener);
        assertThat(broker.resolve(InstrumentRef.parse("AAPL")).quantityIncrement()).isEqualByComparingTo("1");
        assertThat(broker.resolve(InstrumentRef.parse("BTCUSD").withAssetClass(AssetClass.CRYPTO))
                .quantityIncrement()).isEqualByComparingTo("0.00000001");
        assertThatThrownBy(() -> broker.submit(market("frac", "AAPL", Side.BUY, "0.5", "100")))
                .isInstanceOfSatisfying(BrokerException.class, e -> {
                    assertThat(e.kind()).isEqualTo(BrokerException.Kind.UNSUPPORTED);
                    assertThat(e.getMessage()).contains("PAPER_FRACTIONAL");
                });
    }

    @Test
    void theJournalRestoresTheBookAfterARestart() throws Exception {
        open(Map.of("commission-per-order", "2"), listener);
        broker.submit(market("a", "AAPL", Side.BUY, "10", "100"));
        broker.submit(order("rest", Side.SELL, OrderType.LIMIT, "150", null, TimeInForce.GTC));
        listener.await(Fill.class, f -> f.clientOrderId().value().equals("a"));
        broker.close();

        RecordingBrokerListener after = new RecordingBrokerListener();
        open(Map.of(), after);   // settings may change; what happened stays as it happened
        assertThat(broker.account().cash()).isEqualByComparingTo("98998");
        assertThat(broker.positions()).singleElement().satisfies(p -> assertThat(p.quantity()).isEqualByComparingTo("10"));
        assertThat(broker.lookup(ClientOrderId.of("a"))).hasValueSatisfying(
                s -> assertThat(s.status()).isEqualTo(OrderStatus.FILLED));
        assertThat(broker.executions(ClientOrderId.of("a"))).singleElement()
                .satisfies(f -> assertThat(f.commission()).isEqualByComparingTo("2"));
        assertThat(broker.openOrders()).extracting(o -> o.clientOrderId().value()).containsExactly("rest");
        var again = broker.submit(market("a", "AAPL", Side.BUY, "10", "100"));
        assertThat(again.alreadyKnown()).isTrue();
        assertThat(broker.positions()).singleElement().satisfies(p -> assertThat(p.quantity()).isEqualByComparingTo("10"));
    }

    @Test
    void theJournalTheHostGivesCarriesTheBookToAnInstanceWithAnotherStateDirectory(@TempDir Path otherState)
            throws Exception {
        KeptJournal kept = new KeptJournal();
        open(Map.of("commission-per-order", "2"), new HostKeepingTheJournal(clock, listener, state, kept));
        broker.submit(market("a", "AAPL", Side.BUY, "10", "100"));
        broker.submit(order("rest", Side.SELL, OrderType.LIMIT, "150", null, TimeInForce.GTC));
        broker.submit(market("seed", "XYZ", Side.BUY, "10", "100"));
        broker.submit(trailing("trail", Side.SELL, TrailingStop.amount(new BigDecimal("3")), "100"));
        tick("up", "120");
        listener.await(Fill.class, f -> f.clientOrderId().value().equals("up"));
        AccountSnapshot account = broker.account();
        List<Position> positions = broker.positions();
        List<OrderState> working = broker.openOrders();
        broker.close();
        assertThat(kept.closed).as("the broker closes its journal").isEqualTo(1);
        assertThat(state).as("no file of its own").isEmptyDirectory();

        RecordingBrokerListener after = new RecordingBrokerListener();
        open(Map.of(), new HostKeepingTheJournal(clock, after, otherState, kept));
        assertThat(kept.opened).isEqualTo(2);
        assertThat(broker.account()).isEqualTo(account);
        assertThat(account.cash()).isEqualByComparingTo("97874");   // 100,000 - 1,000 - 1,000 - 1 × 120 - 3 × 2
        assertThat(broker.positions()).isEqualTo(positions);
        assertThat(broker.openOrders()).isEqualTo(working);
        assertThat(working).extracting(o -> o.clientOrderId().value()).containsExactlyInAnyOrder("rest", "trail");
        assertThat(broker.lookup(ClientOrderId.of("trail")).orElseThrow().stopPrice()).contains(new BigDecimal("117"));

        tick("fall", "116");   // the stop follows the high the first instance saw
        assertThat(after.await(Fill.class, f -> f.clientOrderId().value().equals("trail")).price())
                .isEqualByComparingTo("116");
        assertThat(otherState).isEmptyDirectory();
    }

    /** The journal of a paper account as the versions before the host's journal wrote it, line for line. */
    private static final List<String> EARLIER_JOURNAL = List.of(
            "event=priced\tsymbol=AAPL\tprice=100\ttime=2026-03-02T15%3A00%3A00Z",
            "event=placed\tid=a\tbroker-id=P1\tsymbol=AAPL\tasset=STOCK\tmultiplier=1\tside=BUY\tquantity=10"
                    + "\ttype=MARKET\ttif=DAY\ttime=2026-03-02T15%3A00%3A00Z",
            "event=executed\tid=a\texecution=PX1\tquantity=10\tprice=100\tcommission=2\trate=1"
                    + "\ttime=2026-03-02T15%3A00%3A00Z",
            "event=placed\tid=rest\tbroker-id=P2\tsymbol=AAPL\tasset=STOCK\tmultiplier=1\tside=SELL"
                    + "\tquantity=10\ttype=LIMIT\tlimit=150\ttif=GTC\ttime=2026-03-02T15%3A00%3A00Z");

    @Test
    void readsTheJournalFileAnEarlierVersionWroteAndCutsOffALineNeverFinished() throws Exception {
        Path file = state.resolve("paper-journal.log");
        Files.writeString(file, String.join("\n", EARLIER_JOURNAL) + "\nevent=executed\tid=rest\texecu",
                StandardCharsets.UTF_8);
        open(Map.of(), listener);
        assertThat(broker.account().cash()).isEqualByComparingTo("98998");
        assertThat(broker.positions()).singleElement().satisfies(p -> assertThat(p.quantity()).isEqualByComparingTo("10"));
        assertThat(broker.openOrders()).extracting(o -> o.clientOrderId().value()).containsExactly("rest");
        assertThat(broker.health().details()).containsEntry("journal", file.toString());
        broker.submit(market("b", "AAPL", Side.BUY, "1", "101"));
        listener.await(Fill.class, f -> f.clientOrderId().value().equals("b"));
        broker.close();

        open(Map.of(), new RecordingBrokerListener());
        assertThat(broker.positions()).singleElement().satisfies(p -> assertThat(p.quantity()).isEqualByComparingTo("11"));
        assertThat(broker.account().cash()).isEqualByComparingTo("98897");
        assertThat(broker.openOrders()).extracting(o -> o.clientOrderId().value()).containsExactly("rest");
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines.subList(0, EARLIER_JOURNAL.size())).isEqualTo(EARLIER_JOURNAL);
        assertThat(lines).noneMatch(line -> line.contains("execu\t") || line.contains("execuevent"));
    }

    @Test
    void ratesComeFromTheTableItsInversesAndCrossesAndTheLastPairPriceSeen() throws Exception {
        open(Map.of("rates", "EURUSD=1.08,GBPUSD=1.27,USDJPY=150"), listener);

        ConversionRates rates = broker.conversionRates("USD", Set.of("EUR", "JPY", "CHF", "USD"));
        assertThat(rates.factor("EUR")).contains(new BigDecimal("1.08"));
        assertThat(rates.factor("JPY").orElseThrow()).as("the inverse of USD/JPY")
                .isEqualByComparingTo("0.0066666666666666666667");
        assertThat(rates.factor("CHF")).as("not in the table: no rate, never 1").isEmpty();

        broker.submit(market("fx-1", "USDJPY", Side.BUY, "1", "151.5"));   // a USD/JPY price is seen
        assertThat(broker.conversionRates("USD", Set.of("JPY")).factor("JPY").orElseThrow())
                .isCloseTo(new BigDecimal("0.00660066"), within(new BigDecimal("0.00000001")));
    }

    @Test
    void aYenCrossIsPricedInYenAndMovesTheDollarCashByItsDollarValue() throws Exception {
        open(Map.of("rates", "USDJPY=150"), listener);
        Instrument pair = broker.resolve(new InstrumentRef("GBPJPY", Optional.empty(), Optional.of(AssetClass.FOREX)));
        assertThat(pair.currency()).isEqualTo("JPY");
        assertThat(broker.resolve(new InstrumentRef("BTCUSDT", Optional.empty(), Optional.of(AssetClass.CRYPTO)))
                .currency()).isEqualTo("USDT");
        assertThat(broker.resolve(InstrumentRef.parse("SAP")).currency()).as("stocks list in the account's currency")
                .isEqualTo("USD");

        broker.submit(OrderRequest.market(ClientOrderId.of("gj-1"), pair, Side.BUY, new BigDecimal("1500"))
                .withReferencePrice(new BigDecimal("191.25")));
        listener.await(Fill.class, f -> f.clientOrderId().value().equals("gj-1"));

        // 1,500 × 191.25 = 286,875 JPY, at 1/150 = 1,912.50 USD
        assertThat(broker.account().cash()).isEqualByComparingTo("98087.5");
        assertThat(broker.positions()).singleElement().satisfies(p -> assertThat(p.currency()).isEqualTo("JPY"));
    }

    @Test
    void aCurrencyWithoutARateIsRefusedNamingThePair() throws Exception {
        open(Map.of("rates", "EURUSD=1.08"), listener);
        Instrument pair = broker.resolve(new InstrumentRef("GBPJPY", Optional.empty(), Optional.of(AssetClass.FOREX)));
        broker.submit(OrderRequest.market(ClientOrderId.of("gj-2"), pair, Side.BUY, new BigDecimal("1500"))
                .withReferencePrice(new BigDecimal("191.25")));
        OrderUpdate refused = listener.await(OrderUpdate.class, u -> u.status() == OrderStatus.REJECTED);
        assertThat(refused.reason()).hasValueSatisfying(reason -> assertThat(reason)
                .contains("no JPY/USD rate").contains("PAPER_RATES"));
        assertThat(broker.account().cash()).isEqualByComparingTo("100000");
    }

    @Test
    void cancellingAnUnknownOrderIsAnInvalidRequest() throws Exception {
        open(Map.of(), listener);
        assertThatThrownBy(() -> broker.cancel(ClientOrderId.of("nope")))
                .isInstanceOfSatisfying(BrokerException.class,
                        e -> assertThat(e.kind()).isEqualTo(BrokerException.Kind.INVALID_REQUEST));
    }

    @Test
    void refusesUnknownAndInvalidSettings() {
        PaperBrokerFactory factory = new PaperBrokerFactory();
        assertThatThrownBy(() -> factory.create(new BrokerConfig("paper", Map.of("starting-csh", "5"),
                factory.configKeys()), new TestBrokerContext(clock, BrokerListener.IGNORE, state)))
                .hasMessageContaining("PAPER_STARTING_CSH").hasMessageContaining("PAPER_STARTING_CASH");
        assertThatThrownBy(() -> factory.create(new BrokerConfig("paper", Map.of("leverage", "lots"),
                factory.configKeys()), new TestBrokerContext(clock, BrokerListener.IGNORE, state)))
                .hasMessageContaining("PAPER_LEVERAGE must be a number");
        assertThatThrownBy(() -> factory.create(new BrokerConfig("paper", Map.of("rates", "EURUSD=abc"),
                factory.configKeys()), new TestBrokerContext(clock, BrokerListener.IGNORE, state)))
                .hasMessageContaining("PAPER_RATES: 'EURUSD=abc' is not a pair and its rate");
    }
}

package io.tvbridge.broker.spi.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.fail;

import io.tvbridge.broker.spi.Broker;
import io.tvbridge.broker.spi.BrokerCapability;
import io.tvbridge.broker.spi.BrokerConfig;
import io.tvbridge.broker.spi.BrokerException;
import io.tvbridge.broker.spi.BrokerFactory;
import io.tvbridge.broker.spi.ConfigKey;
import io.tvbridge.broker.spi.model.AccountSnapshot;
import io.tvbridge.broker.spi.model.ClientOrderId;
import io.tvbridge.broker.spi.model.ConnectionEvent;
import io.tvbridge.broker.spi.model.ConversionRates;
import io.tvbridge.broker.spi.model.Fill;
import io.tvbridge.broker.spi.model.Instrument;
import io.tvbridge.broker.spi.model.InstrumentRef;
import io.tvbridge.broker.spi.model.OrderAck;
import io.tvbridge.broker.spi.model.OrderRequest;
import io.tvbridge.broker.spi.model.OrderState;
import io.tvbridge.broker.spi.model.OrderStatus;
import io.tvbridge.broker.spi.model.OrderType;
import io.tvbridge.broker.spi.model.OrderUpdate;
import io.tvbridge.broker.spi.model.Position;
import io.tvbridge.broker.spi.model.Side;
import io.tvbridge.broker.spi.model.TimeInForce;
import io.tvbridge.broker.spi.model.TrailingStop;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker contract, as tests. A broker module runs it by extending this class as
 * {@code <Name>BrokerConformanceTest} (the broker {@code my-venue} as
 * {@code MyVenueBrokerConformanceTest}) and supplying a {@link Venue}: the fake it talks to.
 * Every broker is created here the way tvbridge creates it, through
 * {@link ServiceLoader} and {@link BrokerFactory#create}, and a "restart" is a new broker
 * over the same venue and state directory.
 */
@Timeout(120)
public abstract class BrokerConformanceTest {

    /** The fake venue behind the broker under test; its state outlives broker instances. */
    public interface Venue extends AutoCloseable {

        /** The broker settings (kebab-case keys) that point a broker at this venue. */
        Map<String, String> config();

        /** Sets the market price of {@code symbol}, for venues that have their own prices. */
        void setPrice(String symbol, BigDecimal price);

        /** Drops the broker's connection to the venue, as a network failure would. */
        void disconnect(Broker broker) throws Exception;

        /** Lets the broker reach the venue again. */
        void reconnect(Broker broker) throws Exception;

        @Override
        void close();
    }

    /** A request the venue refuses, and words its refusal reason contains. */
    public record Rejection(OrderRequest request, String reasonContains) {
    }

    /** Starts the fake venue; {@code folder} is the test's own. */
    protected abstract Venue startVenue(Path folder) throws Exception;

    /** A request this venue rejects (an unknown symbol, a missing price ...), with the given id. */
    protected abstract Rejection rejection(Broker broker, ClientOrderId id) throws Exception;

    /** The instrument the kit trades; the venue must know it. */
    protected InstrumentRef tradedInstrument() {
        return InstrumentRef.parse("AAPL");
    }

    /** The market price the kit sets and sends as the orders' reference price. */
    protected BigDecimal marketPrice() {
        return new BigDecimal("100");
    }

    /** How long the kit waits for an event or a state the contract promises. */
    protected Duration eventTimeout() {
        return Duration.ofSeconds(10);
    }

    @TempDir
    Path folder;
    private Venue venue;
    private Path state;
    private final List<Broker> brokers = new ArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    protected RecordingBrokerListener events;
    protected Broker broker;
    protected Instrument instrument;

    @BeforeEach
    void startVenueAndBroker() throws Exception {
        venue = startVenue(folder.resolve("venue"));
        state = Files.createDirectories(folder.resolve("state"));
        venue.setPrice(tradedInstrument().symbol(), marketPrice());
        events = new RecordingBrokerListener();
        broker = newBroker(events);
        broker.connect();
        instrument = broker.resolve(tradedInstrument());
    }

    @AfterEach
    void closeEverything() {
        brokers.forEach(Broker::close);
        if (venue != null) {
            venue.close();
        }
    }

    // --- the plugin's packaging ---

    @Test
    void theTestIsNamedForItsBroker() {
        String simpleName = getClass().getSimpleName();
        assertThat(simpleName).as("the kit's subclass is named <Name>BrokerConformanceTest")
                .isEqualTo(className(factory().name()) + "BrokerConformanceTest");
    }

    @Test
    void serviceLoaderFindsTheFactoryByName() {
        BrokerFactory factory = factory();
        assertThat(factory.name()).matches("[a-z][a-z0-9-]*");
        assertThat(factory.description()).isNotBlank();
        assertThat(factory.version()).isNotBlank();
        assertThat(factory.configKeys()).extracting(ConfigKey::name).doesNotHaveDuplicates();
    }

    @Test
    void unknownSettingsStopTheBrokerFromStarting() {
        Map<String, String> config = new HashMap<>(venue.config());
        config.put("no-such-setting", "1");
        BrokerFactory factory = factory();
        try {
            factory.create(new BrokerConfig(factory.name(), config, factory.configKeys()),
                    new TestBrokerContext(Clock.systemUTC(), new RecordingBrokerListener(), state)).close();
            fail("an unknown setting was accepted");
        } catch (BrokerException e) {
            assertThat(e.kind()).isEqualTo(BrokerException.Kind.CONFIGURATION);
            assertThat(e.getMessage()).contains(
                    factory.name().toUpperCase(Locale.ROOT).replace('-', '_') + "_NO_SUCH_SETTING");
        }
    }

    @Test
    void noTextShowsASecret() {
        BrokerFactory factory = factory();
        List<String> secrets = factory.configKeys().stream().filter(ConfigKey::secret)
                .map(key -> venue.config().get(key.name())).filter(value -> value != null && !value.isBlank())
                .toList();
        String shown = new BrokerConfig(factory.name(), venue.config(), factory.configKeys()) + " " + broker
                + " " + broker.health();
        for (String secret : secrets) {
            assertThat(shown).doesNotContain(secret);
        }
    }

    // --- connection ---

    @Test
    void connectsAndReportsItsHealth() throws Exception {
        events.await(ConnectionEvent.class, ConnectionEvent::connected, eventTimeout());
        assertThat(broker.health().connected()).isTrue();
        assertThat(broker.health().summary()).isNotBlank();
        assertThat(broker.health().details()).doesNotContainValue(null);
    }

    @Test
    void connectionLossAndRecoveryAreReported() throws Exception {
        events.await(ConnectionEvent.class, ConnectionEvent::connected, eventTimeout());
        venue.disconnect(broker);
        events.await(ConnectionEvent.class, event -> !event.connected(), eventTimeout());
        awaitState("the broker reports the loss in its health", () -> !broker.health().connected());

        long started = System.nanoTime();
        try {
            broker.submit(market(Side.BUY, BigDecimal.ONE));
            fail("an order was taken while the venue was unreachable");
        } catch (BrokerException e) {
            assertThat(e.kind()).isIn(BrokerException.Kind.UNAVAILABLE, BrokerException.Kind.TIMEOUT);
            assertThat(e.retryable()).isTrue();
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(eventTimeout().multipliedBy(3));

        int connects = events.all(ConnectionEvent.class).size();
        venue.reconnect(broker);
        awaitState("a reconnect is reported", () -> events.all(ConnectionEvent.class).stream().skip(connects)
                .anyMatch(ConnectionEvent::connected));
        awaitState("the broker reports it is connected again", () -> broker.health().connected());
    }

    @Test
    void closingTwiceIsHarmless() {
        broker.close();
        assertThatCode(broker::close).doesNotThrowAnyException();
    }

    // --- orders ---

    @Test
    void aMarketOrderIsAcceptedThenFilledWithPriceQuantityAndCommission() throws Exception {
        OrderRequest request = market(Side.BUY, new BigDecimal("2"));
        OrderAck ack = broker.submit(request);
        assertThat(ack.clientOrderId()).isEqualTo(request.clientOrderId());
        assertThat(ack.alreadyKnown()).isFalse();
        assertThat(ack.brokerOrderId()).isNotBlank();
        assertThat(ack.status()).isNotIn(OrderStatus.REJECTED, OrderStatus.CANCELLED, OrderStatus.EXPIRED);

        OrderUpdate filled = events.await(OrderUpdate.class, u -> u.clientOrderId().equals(request.clientOrderId())
                && u.status() == OrderStatus.FILLED, eventTimeout());
        List<Fill> fills = fillsOf(request.clientOrderId());
        assertThat(fills).isNotEmpty().allSatisfy(fill -> {
            assertThat(fill.price()).isPositive();
            assertThat(fill.commission()).isNotNegative();
            assertThat(fill.commissionCurrency()).isNotBlank();
            assertThat(fill.executionId()).isNotBlank();
            assertThat(fill.side()).isEqualTo(Side.BUY);
        });
        assertThat(sum(fills)).isEqualByComparingTo(request.quantity());
        assertThat(filled.filledQuantity()).isEqualByComparingTo(request.quantity());
        assertThat(events.events().indexOf(fills.get(fills.size() - 1)))
                .as("fills arrive before the update that reports them").isLessThan(events.events().indexOf(filled));
        assertStatusesOnlyMoveForward(request.clientOrderId());
        assertThat(broker.lookup(request.clientOrderId())).hasValueSatisfying(stateOf -> {
            assertThat(stateOf.status()).isEqualTo(OrderStatus.FILLED);
            assertThat(stateOf.filledQuantity()).isEqualByComparingTo(request.quantity());
        });
    }

    @Test
    void aLimitOrderRestsUntilCancelled() throws Exception {
        requireCapability(BrokerCapability.LIMIT_ORDERS);
        OrderRequest request = resting(OrderType.LIMIT);
        OrderAck ack = broker.submit(request);
        assertThat(ack.status()).isIn(OrderStatus.PENDING, OrderStatus.ACCEPTED);
        awaitState("the resting order is open", () -> openIds().contains(request.clientOrderId()));
        assertThat(broker.lookup(request.clientOrderId()))
                .hasValueSatisfying(s -> assertThat(s.status().isTerminal()).isFalse());

        broker.cancel(request.clientOrderId());
        events.await(OrderUpdate.class, u -> u.clientOrderId().equals(request.clientOrderId())
                && u.status() == OrderStatus.CANCELLED, eventTimeout());
        awaitState("the cancelled order is no longer open", () -> !openIds().contains(request.clientOrderId()));
        assertThat(fillsOf(request.clientOrderId())).isEmpty();
        assertThatCode(() -> broker.cancel(request.clientOrderId())).as("cancelling a finished order")
                .doesNotThrowAnyException();
    }

    @Test
    void aUsedClientOrderIdPlacesNoSecondOrder() throws Exception {
        OrderRequest request = market(Side.BUY, BigDecimal.ONE);
        OrderAck first = broker.submit(request);
        events.await(OrderUpdate.class, u -> u.clientOrderId().equals(request.clientOrderId())
                && u.status() == OrderStatus.FILLED, eventTimeout());
        OrderAck second = broker.submit(request);
        assertThat(second.alreadyKnown()).isTrue();
        assertThat(second.brokerOrderId()).isEqualTo(first.brokerOrderId());
        assertThat(sum(broker.executions(request.clientOrderId()))).isEqualByComparingTo(BigDecimal.ONE);
        assertThat(heldQuantity(broker)).isEqualByComparingTo(BigDecimal.ONE);
    }

    @Test
    void anOrderSentWithoutWaitingIsAnsweredAsSubmitAnswers() throws Exception {
        OrderRequest request = market(Side.BUY, BigDecimal.ONE);
        OrderAck ack = answer(broker.submitAsync(request));
        assertThat(ack.clientOrderId()).isEqualTo(request.clientOrderId());
        assertThat(ack.alreadyKnown()).isFalse();
        assertThat(ack.status()).isNotIn(OrderStatus.REJECTED, OrderStatus.CANCELLED, OrderStatus.EXPIRED);
        events.await(OrderUpdate.class, u -> u.clientOrderId().equals(request.clientOrderId())
                && u.status() == OrderStatus.FILLED, eventTimeout());

        OrderAck again = answer(broker.submitAsync(request));
        assertThat(again.alreadyKnown()).isTrue();
        assertThat(again.brokerOrderId()).isEqualTo(ack.brokerOrderId());
        assertThat(sum(broker.executions(request.clientOrderId()))).isEqualByComparingTo(BigDecimal.ONE);
    }

    @Test
    void aRejectionOfAnOrderSentWithoutWaitingCarriesTheVenuesReason() throws Exception {
        Rejection rejection = rejection(broker, nextId());
        ClientOrderId id = rejection.request().clientOrderId();
        CompletableFuture<OrderAck> answer = broker.submitAsync(rejection.request());
        try {
            OrderAck ack = answer(answer);
            assertThat(ack.status()).isIn(OrderStatus.PENDING, OrderStatus.ACCEPTED, OrderStatus.REJECTED);
            OrderUpdate rejected = events.await(OrderUpdate.class, u -> u.clientOrderId().equals(id)
                    && u.status() == OrderStatus.REJECTED, eventTimeout());
            assertThat(rejected.reason()).hasValueSatisfying(
                    reason -> assertThat(reason).contains(rejection.reasonContains()));
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOfSatisfying(BrokerException.class, refusal -> {
                assertThat(refusal.kind()).isEqualTo(BrokerException.Kind.REJECTED);
                assertThat(refusal.getMessage()).contains(rejection.reasonContains());
            });
        }
        assertThat(fillsOf(id)).isEmpty();
    }

    /** The answer of a {@link Broker#submitAsync}, which comes within the broker's request timeout. */
    private OrderAck answer(CompletableFuture<OrderAck> answer) throws Exception {
        return answer.get(eventTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    @Test
    void aNewBrokerOverTheSameVenueFindsEarlierOrders() throws Exception {
        OrderRequest filled = market(Side.BUY, BigDecimal.ONE);
        broker.submit(filled);
        events.await(OrderUpdate.class, u -> u.clientOrderId().equals(filled.clientOrderId())
                && u.status() == OrderStatus.FILLED, eventTimeout());
        List<String> executionIds = fillsOf(filled.clientOrderId()).stream().map(Fill::executionId).toList();
        Optional<OrderRequest> rest = Optional.empty();
        if (broker.capabilities().contains(BrokerCapability.LIMIT_ORDERS)) {
            rest = Optional.of(resting(OrderType.LIMIT));
            broker.submit(rest.get());
            OrderRequest resting = rest.get();
            awaitState("the resting order is open", () -> openIds().contains(resting.clientOrderId()));
        }
        broker.close();

        RecordingBrokerListener afterRestart = new RecordingBrokerListener();
        Broker restarted = newBroker(afterRestart);
        restarted.connect();
        awaitState("the new broker connects", () -> restarted.health().connected());
        Optional<OrderState> found = restarted.lookup(filled.clientOrderId());
        assertThat(found).as("lookup by client order id after a restart").hasValueSatisfying(s -> {
            assertThat(s.status()).isEqualTo(OrderStatus.FILLED);
            assertThat(s.filledQuantity()).isEqualByComparingTo(BigDecimal.ONE);
            assertThat(s.symbol()).isEqualTo(instrument.symbol());
        });
        assertThat(restarted.executions(filled.clientOrderId())).extracting(Fill::executionId)
                .containsExactlyElementsOf(executionIds);
        if (rest.isPresent()) {
            assertThat(restarted.openOrders()).extracting(OrderState::clientOrderId)
                    .contains(rest.get().clientOrderId());
        }
        assertThat(restarted.lookup(ClientOrderId.of("kit-never-sent"))).isEmpty();
        assertThat(restarted.submit(filled).alreadyKnown()).isTrue();
    }

    @Test
    void positionsAndAccountFollowTheFills() throws Exception {
        AccountSnapshot before = broker.account();
        OrderRequest buy = market(Side.BUY, new BigDecimal("3"));
        broker.submit(buy);
        events.await(OrderUpdate.class, u -> u.clientOrderId().equals(buy.clientOrderId())
                && u.status() == OrderStatus.FILLED, eventTimeout());
        OrderRequest sell = market(Side.SELL, BigDecimal.ONE);
        broker.submit(sell);
        events.await(OrderUpdate.class, u -> u.clientOrderId().equals(sell.clientOrderId())
                && u.status() == OrderStatus.FILLED, eventTimeout());

        awaitState("the position is 2", () -> heldQuantity(broker).compareTo(new BigDecimal("2")) == 0);
        Position position = broker.positions().stream().filter(p -> p.symbol().equals(instrument.symbol()))
                .findFirst().orElseThrow();
        assertThat(position.averageCost()).isPositive();
        assertThat(position.currency()).isNotBlank();

        AccountSnapshot after = broker.account();
        assertThat(after.currency()).isEqualTo(before.currency());
        assertThat(after.equity()).isPositive();
        assertThat(after.cash()).as("buying 3 and selling 1 spends cash").isLessThan(before.cash());
    }

    @Test
    void conversionRatesAreInTheAccountsCurrencyAndNeverMadeUp() throws Exception {
        AccountSnapshot account = broker.account();
        ConversionRates rates = broker.conversionRates(account.currency(),
                new TreeSet<>(List.of(account.currency(), instrument.currency())));
        assertThat(rates.accountCurrency()).isEqualTo(account.currency());
        assertThat(rates.factor(account.currency())).contains(BigDecimal.ONE);
        assertThat(rates.factors().values()).allSatisfy(factor -> assertThat(factor).isPositive());
        assertThat(rates.factors().get(account.currency()))
                .as("the account's own currency is worth exactly one of itself, when listed")
                .satisfiesAnyOf(factor -> assertThat(factor).isNull(),
                        factor -> assertThat(factor).isEqualByComparingTo(BigDecimal.ONE));
        if (!instrument.currency().equals(account.currency())) {
            assertThat(rates.factor(instrument.currency())).as("a rate for the traded instrument's currency")
                    .isPresent();
        }
    }

    @Test
    void aRejectedOrderCarriesTheVenuesReason() throws Exception {
        Rejection rejection = rejection(broker, nextId());
        ClientOrderId id = rejection.request().clientOrderId();
        try {
            OrderAck ack = broker.submit(rejection.request());
            OrderUpdate rejected = events.await(OrderUpdate.class, u -> u.clientOrderId().equals(id)
                    && u.status() == OrderStatus.REJECTED, eventTimeout());
            assertThat(rejected.reason()).hasValueSatisfying(
                    reason -> assertThat(reason).contains(rejection.reasonContains()));
            assertThat(ack.status()).isIn(OrderStatus.PENDING, OrderStatus.ACCEPTED, OrderStatus.REJECTED);
        } catch (BrokerException e) {
            assertThat(e.kind()).isEqualTo(BrokerException.Kind.REJECTED);
            assertThat(e.getMessage()).contains(rejection.reasonContains());
        }
        assertThat(fillsOf(id)).isEmpty();
    }

    @Test
    void cancellingAnUnknownOrderIsAnInvalidRequest() {
        try {
            broker.cancel(ClientOrderId.of("kit-unknown-order"));
            fail("cancelling an unknown order succeeded");
        } catch (BrokerException e) {
            assertThat(e.kind()).isEqualTo(BrokerException.Kind.INVALID_REQUEST);
        }
    }

    @Test
    void everyMissingCapabilityFailsAsUnsupported() throws Exception {
        Map<BrokerCapability, OrderRequest> probes = Map.of(
                BrokerCapability.STOP_ORDERS, resting(OrderType.STOP),
                BrokerCapability.STOP_LIMIT_ORDERS, resting(OrderType.STOP_LIMIT),
                BrokerCapability.TRAILING_STOP_ORDERS, resting(OrderType.TRAILING_STOP),
                BrokerCapability.BRACKET_ORDERS, bracket());
        for (Map.Entry<BrokerCapability, OrderRequest> probe : probes.entrySet()) {
            if (broker.capabilities().contains(probe.getKey())) {
                OrderAck ack = broker.submit(probe.getValue());
                assertThat(ack.status()).as(probe.getKey() + " is declared, so it must be taken")
                        .isNotEqualTo(OrderStatus.REJECTED);
            } else {
                try {
                    broker.submit(probe.getValue());
                    fail(probe.getKey() + " is not declared but an order needing it was taken");
                } catch (BrokerException e) {
                    assertThat(e.kind()).as(probe.getKey().toString()).isEqualTo(BrokerException.Kind.UNSUPPORTED);
                }
                assertThat(broker.lookup(probe.getValue().clientOrderId())).as("nothing placed").isEmpty();
            }
        }
    }

    // --- helpers for subclasses ---

    protected final BrokerFactory factory() {
        String expected = getClass().getSimpleName().replace("BrokerConformanceTest", "");
        for (BrokerFactory factory : ServiceLoader.load(BrokerFactory.class)) {
            if (className(factory.name()).equals(expected)) {
                return factory;
            }
        }
        throw new AssertionError("no BrokerFactory found through ServiceLoader for " + getClass().getSimpleName()
                + " (is it listed in META-INF/services/" + BrokerFactory.class.getName() + "?)");
    }

    protected final Broker newBroker(RecordingBrokerListener listener) throws BrokerException {
        BrokerFactory factory = factory();
        Broker created = factory.create(new BrokerConfig(factory.name(), venue.config(), factory.configKeys()),
                new TestBrokerContext(Clock.systemUTC(), listener, state));
        brokers.add(created);
        return created;
    }

    protected final ClientOrderId nextId() {
        return ClientOrderId.of("kit-" + ids.incrementAndGet());
    }

    protected final OrderRequest market(Side side, BigDecimal quantity) {
        return OrderRequest.market(nextId(), instrument, side, quantity).withReferencePrice(marketPrice());
    }

    /** A buy that cannot fill at the market price: limit and stop-limit far below, stop far above. */
    protected final OrderRequest resting(OrderType type) {
        BigDecimal below = tick(marketPrice().multiply(new BigDecimal("0.5")));
        BigDecimal above = tick(marketPrice().multiply(new BigDecimal("1.5")));
        return new OrderRequest(nextId(), instrument, Side.BUY, BigDecimal.ONE, type,
                type.needsLimitPrice() ? Optional.of(below) : Optional.empty(),
                type == OrderType.STOP ? Optional.of(above) : type == OrderType.STOP_LIMIT
                        ? Optional.of(above) : Optional.empty(),
                type == OrderType.TRAILING_STOP ? Optional.of(TrailingStop.percent(BigDecimal.TEN)) : Optional.empty(),
                TimeInForce.GTC, false, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(marketPrice()));
    }

    private OrderRequest bracket() {
        return new OrderRequest(nextId(), instrument, Side.BUY, BigDecimal.ONE, OrderType.LIMIT,
                Optional.of(tick(marketPrice().multiply(new BigDecimal("0.5")))), Optional.empty(), Optional.empty(),
                TimeInForce.GTC, false, Optional.empty(), Optional.of(tick(marketPrice().multiply(new BigDecimal("0.6")))),
                Optional.of(tick(marketPrice().multiply(new BigDecimal("0.4")))), Optional.of(marketPrice()));
    }

    private BigDecimal tick(BigDecimal price) {
        BigDecimal tick = instrument.tickSize();
        return price.divide(tick, 0, RoundingMode.DOWN).multiply(tick).stripTrailingZeros();
    }

    private void requireCapability(BrokerCapability capability) {
        Assumptions.assumeTrue(broker.capabilities().contains(capability),
                factory().name() + " does not declare " + capability);
    }

    private List<Fill> fillsOf(ClientOrderId id) {
        return events.all(Fill.class).stream().filter(f -> f.clientOrderId().equals(id)).toList();
    }

    private List<ClientOrderId> openIds() {
        try {
            return broker.openOrders().stream().map(OrderState::clientOrderId).toList();
        } catch (BrokerException e) {
            throw new AssertionError(e);
        }
    }

    private BigDecimal heldQuantity(Broker of) {
        try {
            return of.positions().stream().filter(p -> p.symbol().equals(instrument.symbol()))
                    .map(Position::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
        } catch (BrokerException e) {
            throw new AssertionError(e);
        }
    }

    private void assertStatusesOnlyMoveForward(ClientOrderId id) {
        OrderStatus previous = OrderStatus.PENDING;
        for (OrderUpdate update : events.all(OrderUpdate.class)) {
            if (update.clientOrderId().equals(id)) {
                assertThat(update.status() == previous || previous.canMoveTo(update.status()))
                        .as("%s after %s", update.status(), previous).isTrue();
                previous = update.status();
            }
        }
    }

    private static BigDecimal sum(List<Fill> fills) {
        return fills.stream().map(Fill::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private void awaitState(String what, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(eventTimeout());
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                fail("timed out: " + what);
            }
            Thread.sleep(10);
        }
    }

    private static String className(String brokerName) {
        StringBuilder name = new StringBuilder();
        for (String part : brokerName.split("-")) {
            if (!part.isEmpty()) {
                name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return name.toString();
    }
}

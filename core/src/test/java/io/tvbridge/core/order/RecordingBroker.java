package io.tvbridge.core.order;

import io.tvbridge.broker.spi.Broker;
import io.tvbridge.broker.spi.BrokerCapability;
import io.tvbridge.broker.spi.BrokerException;
import io.tvbridge.broker.spi.model.AccountSnapshot;
import io.tvbridge.broker.spi.model.AssetClass;
import io.tvbridge.broker.spi.model.BrokerHealth;
import io.tvbridge.broker.spi.model.ClientOrderId;
import io.tvbridge.broker.spi.model.ConversionRates;
import io.tvbridge.broker.spi.model.Fill;
import io.tvbridge.broker.spi.model.Instrument;
import io.tvbridge.broker.spi.model.InstrumentRef;
import io.tvbridge.broker.spi.model.OrderAck;
import io.tvbridge.broker.spi.model.OrderRequest;
import io.tvbridge.broker.spi.model.OrderState;
import io.tvbridge.broker.spi.model.OrderStatus;
import io.tvbridge.broker.spi.model.OrderType;
import io.tvbridge.broker.spi.model.Position;
import io.tvbridge.broker.spi.model.Side;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A broker whose answers the test gives: every {@link #submitAsync} is recorded and left
 * unanswered until the test {@link #acknowledge}s or {@link #fail}s it; {@link #lookup} answers
 * what the test {@link #knows}. Every call is recorded, in order, as "submit id" or "lookup id".
 */
final class RecordingBroker implements Broker {
    private static final Instant AT = Instant.parse("2026-01-05T14:30:00Z");

    private final List<String> calls = new ArrayList<>();
    private final Map<ClientOrderId, CompletableFuture<OrderAck>> answers = new HashMap<>();
    private final Map<ClientOrderId, OrderState> known = new HashMap<>();
    private volatile Consumer<OrderRequest> beforeSend = request -> { };
    private final Map<String, Instrument> instruments = new HashMap<>();
    private final Map<String, BigDecimal> factors = new HashMap<>();
    private final List<String> money = new ArrayList<>();
    private volatile Optional<AccountSnapshot> account = Optional.empty();

    /** The account the broker reports. */
    RecordingBroker account(AccountSnapshot snapshot) {
        account = Optional.of(snapshot);
        return this;
    }

    /** {@code symbol} resolves to {@code instrument}. */
    synchronized RecordingBroker instrument(String symbol, Instrument instrument) {
        instruments.put(symbol, instrument);
        return this;
    }

    /** The broker's factor from {@code currency} into the account's. */
    synchronized RecordingBroker factor(String currency, String factor) {
        factors.put(currency, new BigDecimal(factor));
        return this;
    }

    /** The questions about money asked, in order: "resolve SYMBOL", "rates [CUR, ...]". */
    synchronized List<String> moneyCalls() {
        return List.copyOf(money);
    }

    /** Runs {@code check} on the sender's thread as each order is handed over. */
    RecordingBroker beforeSend(Consumer<OrderRequest> check) {
        beforeSend = check;
        return this;
    }

    @Override
    public CompletableFuture<OrderAck> submitAsync(OrderRequest request) {
        beforeSend.accept(request);
        CompletableFuture<OrderAck> answer = new CompletableFuture<>();
        synchronized (this) {
            answers.put(request.clientOrderId(), answer);
            calls.add("submit " + request.clientOrderId());
            notifyAll();
        }
        return answer;
    }

    @Override
    public OrderAck submit(OrderRequest request) {
        throw new AssertionError("the sender waits for no acknowledgement: it calls submitAsync");
    }

    /** The venue accepts the order most recently sent with {@code id}. */
    void acknowledge(ClientOrderId id) {
        answer(id).complete(new OrderAck(id, "broker-" + id, OrderStatus.ACCEPTED, false, AT));
    }

    /** The venue accepts every order still waiting for its answer. */
    synchronized void acknowledgeAll() {
        answers.keySet().forEach(this::acknowledge);
    }

    /** The send of {@code id} ends with {@code failure}. */
    void fail(ClientOrderId id, BrokerException failure) {
        answer(id).completeExceptionally(failure);
    }

    /** From now on {@link #lookup} finds {@code id}, at {@code status}. */
    synchronized void knows(ClientOrderId id, OrderStatus status) {
        known.put(id, new OrderState(id, "broker-" + id, "", Side.BUY, BigDecimal.ONE, OrderType.MARKET,
                Optional.empty(), Optional.empty(), status, BigDecimal.ZERO, Optional.empty(), Optional.empty(), AT));
    }

    private synchronized CompletableFuture<OrderAck> answer(ClientOrderId id) {
        CompletableFuture<OrderAck> answer = answers.get(id);
        if (answer == null) {
            throw new AssertionError(id + " was never sent");
        }
        return answer;
    }

    synchronized List<String> calls() {
        return List.copyOf(calls);
    }

    /** Waits until the calls made so far satisfy {@code condition}, and returns them. */
    synchronized List<String> awaitCalls(Predicate<List<String>> condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.test(calls)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("timed out; the calls so far: " + calls);
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return List.copyOf(calls);
    }

    @Override
    public synchronized Optional<OrderState> lookup(ClientOrderId clientOrderId) {
        calls.add("lookup " + clientOrderId);
        notifyAll();
        return Optional.ofNullable(known.get(clientOrderId));
    }

    @Override
    public List<Fill> executions(ClientOrderId clientOrderId) {
        return List.of();
    }

    @Override
    public synchronized Instrument resolve(InstrumentRef ref) {
        money.add("resolve " + ref.symbol());
        return instruments.getOrDefault(ref.symbol(), Instrument.simple(ref.symbol(), AssetClass.STOCK, "NASDAQ",
                "USD"));
    }

    @Override
    public synchronized ConversionRates conversionRates(String accountCurrency, Set<String> currencies) {
        money.add("rates " + new TreeSet<>(currencies));
        Map<String, BigDecimal> given = new HashMap<>(factors);
        given.keySet().retainAll(currencies);
        return new ConversionRates(accountCurrency, given, AT);
    }

    @Override
    public Set<BrokerCapability> capabilities() {
        return Set.of();
    }

    @Override
    public void connect() {
    }

    @Override
    public BrokerHealth health() {
        return new BrokerHealth(true, Optional.empty(), Optional.empty(), "recording", Map.of());
    }

    @Override
    public void cancel(ClientOrderId clientOrderId) {
        calls.add("cancel " + clientOrderId);
    }

    @Override
    public List<OrderState> openOrders() {
        return List.of();
    }

    @Override
    public List<Position> positions() {
        return List.of();
    }

    @Override
    public AccountSnapshot account() throws BrokerException {
        return account.orElseThrow(() -> new BrokerException(BrokerException.Kind.UNSUPPORTED, "not in this test"));
    }

    @Override
    public void close() {
    }
}

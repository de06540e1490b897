package io.tvbridge.broker.paper;

import io.tvbridge.broker.spi.Broker;
import io.tvbridge.broker.spi.BrokerCapability;
import io.tvbridge.broker.spi.BrokerContext;
import io.tvbridge.broker.spi.BrokerException;
import io.tvbridge.broker.spi.BrokerListener;
import io.tvbridge.broker.spi.model.AccountSnapshot;
import io.tvbridge.broker.spi.model.AssetClass;
import io.tvbridge.broker.spi.model.BrokerHealth;
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
import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A simulated broker with a persistent book, kept in the journal its host gives it
 * ({@link BrokerContext#journal}). Orders fill at once at the last price seen for
 * the symbol (the alert's price travels with the order), moved by the configured slippage
 * and charged the configured commission; limit and stop orders rest until a later price
 * reaches them, and a trailing stop until the price turns back its distance from the best
 * price seen since it was placed (then it fills as a market order). Markets keep tvbridge's
 * hours: an order for a closed market rests and fills at the open (in pre-market already when
 * it may trade outside regular hours). Events reach the listener from one thread of the
 * broker's own, in order.
 */
public final class PaperBroker implements Broker {
    static final String ACCOUNT = "PAPER";
    private static final BigDecimal FRACTIONAL_STEP = new BigDecimal("0.0001");
    private static final BigDecimal CRYPTO_STEP = new BigDecimal("0.00000001");
    private static final BigDecimal PRICE_STEP = new BigDecimal("0.00001");

    private final PaperConfig config;
    private final BrokerContext context;
    private final PaperJournal journal;
    private final PaperBook book;
    private final ExecutorService events;
    private final ScheduledExecutorService marketWatch;
    private volatile boolean reachable = true;
    private volatile Instant connectedSince;
    private volatile boolean closed;

    PaperBroker(PaperConfig config, BrokerContext context) {
        this.config = config;
        this.context = context;
        this.journal = new PaperJournal(context.journal(PaperJournal.NAME));
        try {
            this.book = new PaperBook(config, context.marketHours(), journal::append);
            journal.events().forEach(book::apply);
        } catch (RuntimeException e) {
            journal.close();
            throw e;
        }
        this.events = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "paper-events");
            thread.setDaemon(true);
            return thread;
        });
        this.marketWatch = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "paper-market-watch");
            thread.setDaemon(true);
            return thread;
        });
        marketWatch.scheduleWithFixedDelay(this::fillAtTheOpen, 1, 1, TimeUnit.SECONDS);
    }

    /** Orders that rest because their market was closed fill once it opens, as at a venue. */
    private void fillAtTheOpen() {
        if (closed || !reachable || connectedSince == null) {
            return;
        }
        try {
            synchronized (this) {
                if (book.hasWorkingOrders()) {
                    publish(book.retryWorking(context.clock().instant()));
                }
            }
        } catch (RuntimeException e) {
            System.getLogger(PaperBroker.class.getName()).log(System.Logger.Level.WARNING,
                    "paper broker: working orders could not be retried: " + e);
        }
    }

    @Override
    public Set<BrokerCapability> capabilities() {
        EnumSet<BrokerCapability> capabilities = EnumSet.of(BrokerCapability.LIMIT_ORDERS,
                BrokerCapability.STOP_ORDERS, BrokerCapability.STOP_LIMIT_ORDERS, BrokerCapability.SHORT_SELLING,
                BrokerCapability.OUTSIDE_REGULAR_HOURS, BrokerCapability.BRACKET_ORDERS,
                BrokerCapability.TRAILING_STOP_ORDERS);
        if (config.fractional()) {
            capabilities.add(BrokerCapability.FRACTIONAL_QUANTITIES);
        }
        return capabilities;
    }

    @Override
    public void connect() throws BrokerException {
        requireReachable();
        if (connectedSince == null) {
            connectedSince = context.clock().instant();
            emit(listener -> listener.onConnection(ConnectionEvent.up("paper account ready", connectedSince)));
            synchronized (this) {
                // a market order taken just before a crash is filled now, as a venue would have filled it
                publish(book.retryWorking(connectedSince));
            }
        }
    }

    @Override
    public BrokerHealth health() {
        Map<String, String> details = new LinkedHashMap<>();
        synchronized (this) {
            details.put("cash", book.account(ACCOUNT, context.clock().instant()).cash().toPlainString());
            details.put("currency", config.currency());
            details.put("orders", Integer.toString(book.orderCount()));
        }
        details.put("journal", journal.location());
        boolean connected = reachable && connectedSince != null && !closed;
        return new BrokerHealth(connected, Optional.of(ACCOUNT), Optional.ofNullable(connectedSince),
                connected ? "simulated account, ready" : "simulated account, not connected", details);
    }

    @Override
    public Instrument resolve(InstrumentRef ref) throws BrokerException {
        requireReachable();
        AssetClass assetClass = ref.assetClass().orElse(AssetClass.STOCK);
        BigDecimal step = switch (assetClass) {
            case CRYPTO -> CRYPTO_STEP;
            case STOCK -> config.fractional() ? FRACTIONAL_STEP : BigDecimal.ONE;
            case FUTURE, FOREX, CFD -> BigDecimal.ONE;
        };
        return new Instrument(ref.symbol(), assetClass, ref.exchange().orElse("PAPER"),
                PaperRates.currencyOf(ref.symbol(), assetClass, config.currency()), Optional.empty(), BigDecimal.ONE,
                PRICE_STEP, step, step, ref.symbol());
    }

    @Override
    public OrderAck submit(OrderRequest request) throws BrokerException {
        requireReachable();
        refuseUnsupported(request);
        Instant now = context.clock().instant();
        synchronized (this) {
            if (book.knows(request.clientOrderId())) {
                OrderState earlier = book.state(request.clientOrderId()).orElseThrow();
                return new OrderAck(request.clientOrderId(), earlier.brokerOrderId(), earlier.status(), true, now);
            }
            List<PaperEvent> happened = book.place(request, now);
            OrderState state = book.state(request.clientOrderId()).orElseThrow();
            publish(happened);
            return new OrderAck(request.clientOrderId(), state.brokerOrderId(), state.status(), false, now);
        }
    }

    @Override
    public void cancel(ClientOrderId clientOrderId) throws BrokerException {
        requireReachable();
        synchronized (this) {
            if (!book.knows(clientOrderId)) {
                throw new BrokerException(BrokerException.Kind.INVALID_REQUEST,
                        "the paper broker has no order " + clientOrderId);
            }
            publish(book.cancel(clientOrderId, context.clock().instant()));
        }
    }

    @Override
    public synchronized List<OrderState> openOrders() throws BrokerException {
        requireReachable();
        return book.openOrders();
    }

    @Override
    public synchronized Optional<OrderState> lookup(ClientOrderId clientOrderId) throws BrokerException {
        requireReachable();
        return book.state(clientOrderId);
    }

    @Override
    public synchronized List<Fill> executions(ClientOrderId clientOrderId) throws BrokerException {
        requireReachable();
        return book.fills(clientOrderId);
    }

    @Override
    public synchronized List<Position> positions() throws BrokerException {
        requireReachable();
        return book.positions();
    }

    @Override
    public synchronized AccountSnapshot account() throws BrokerException {
        requireReachable();
        return book.account(ACCOUNT, context.clock().instant());
    }

    /**
     * The paper venue's rates: the last price seen of a currency pair, else the {@code rates} table
     * (PAPER_RATES), directly, inverted or crossed through USD. A currency neither reaches is left
     * out.
     */
    @Override
    public synchronized ConversionRates conversionRates(String accountCurrency, Set<String> currencies)
            throws BrokerException {
        requireReachable();
        Map<String, BigDecimal> factors = new TreeMap<>();
        for (String currency : currencies) {
            if (!currency.equals(accountCurrency)) {
                book.rate(currency).ifPresent(rate -> factors.put(currency, rate));
            }
        }
        return new ConversionRates(accountCurrency, factors, context.clock().instant());
    }

    /**
     * Makes the simulated venue unreachable (calls fail as {@link BrokerException.Kind#UNAVAILABLE}
     * and a disconnect is reported) or reachable again. For tests of connection loss.
     */
    public void setReachable(boolean reachable) {
        if (this.reachable == reachable) {
            return;
        }
        this.reachable = reachable;
        Instant now = context.clock().instant();
        if (reachable) {
            connectedSince = now;
            emit(listener -> listener.onConnection(ConnectionEvent.up("paper account reachable again", now)));
        } else {
            emit(listener -> listener.onConnection(ConnectionEvent.down("paper account made unreachable", now)));
        }
    }

    /**
     * A market order placed at the simulated venue without tvbridge, as a trader would by hand in
     * the broker's own platform: the account's position moves, and the fill is reported under a
     * client order id that tvbridge never gave. For tests of reconciliation.
     */
    public void tradeOutsideTvbridge(String symbol, Side side, BigDecimal quantity, BigDecimal price)
            throws BrokerException {
        ClientOrderId id;
        synchronized (this) {
            id = ClientOrderId.of("manual-" + (book.orderCount() + 1));
        }
        Instrument instrument = resolve(new InstrumentRef(symbol, Optional.empty(), Optional.empty()));
        submit(new OrderRequest(id, instrument, side, quantity, OrderType.MARKET, Optional.empty(), Optional.empty(),
                Optional.empty(), TimeInForce.DAY, false, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(price)));
    }

    private void refuseUnsupported(OrderRequest request) throws BrokerException {
        String missing = null;
        if (!config.fractional() && !request.instrument().assetClass().fractionalByNature()
                && request.quantity().stripTrailingZeros().scale() > 0) {
            missing = "the paper account trades " + request.instrument().symbol() + " in whole units; set "
                    + "PAPER_FRACTIONAL=true to allow " + request.quantity().toPlainString();
        }
        if (missing != null) {
            throw new BrokerException(BrokerException.Kind.UNSUPPORTED, missing);
        }
    }

    /** Tells the listener what happened, from the event thread, in order. Called holding the lock. */
    private void publish(List<PaperEvent> happened) {
        for (PaperEvent event : happened) {
            if (event instanceof PaperEvent.Placed placed) {
                OrderUpdate accepted = OrderUpdate.of(placed.id(), placed.brokerOrderId(),
                        OrderStatus.ACCEPTED, placed.time());
                emit(listener -> listener.onOrderUpdate(accepted));
            } else if (event instanceof PaperEvent.Executed executed) {
                Fill fill = book.fills(executed.id()).stream()
                        .filter(f -> f.executionId().equals(executed.executionId())).findFirst().orElseThrow();
                OrderUpdate update = update(executed.id(), Optional.empty());
                emit(listener -> {
                    listener.onFill(fill);
                    listener.onOrderUpdate(update);
                });
            } else if (event instanceof PaperEvent.Ended ended) {
                OrderUpdate update = update(ended.id(), Optional.of(ended.reason()));
                emit(listener -> listener.onOrderUpdate(update));
            }
        }
    }

    private OrderUpdate update(ClientOrderId id, Optional<String> reason) {
        OrderState state = book.state(id).orElseThrow();
        return new OrderUpdate(id, Optional.of(state.brokerOrderId()), state.status(), state.filledQuantity(),
                state.averageFillPrice(), reason, state.updatedAt());
    }

    private void emit(Consumer<BrokerListener> call) {
        BrokerListener listener = context.listener();
        events.execute(() -> call.accept(listener));
    }

    private void requireReachable() throws BrokerException {
        if (closed) {
            throw new BrokerException(BrokerException.Kind.UNAVAILABLE, "the paper broker is closed");
        }
        if (!reachable) {
            throw new BrokerException(BrokerException.Kind.UNAVAILABLE, "the paper account is unreachable");
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        marketWatch.shutdownNow();
        events.shutdown();
        try {
            events.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            journal.close();
        }
    }
}

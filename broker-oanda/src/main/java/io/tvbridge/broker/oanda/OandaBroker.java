package io.tvbridge.broker.oanda;

import io.tvbridge.broker.oanda.codec.OandaAccountSummary;
import io.tvbridge.broker.oanda.codec.OandaEncoder;
import io.tvbridge.broker.oanda.codec.OandaInstrumentSpec;
import io.tvbridge.broker.oanda.codec.OandaOrder;
import io.tvbridge.broker.oanda.codec.OandaPosition;
import io.tvbridge.broker.oanda.codec.OandaReply;
import io.tvbridge.broker.oanda.codec.OandaTransaction;
import io.tvbridge.broker.oanda.mapping.OandaInstrumentCatalog;
import io.tvbridge.broker.oanda.mapping.OandaOrderMapping;
import io.tvbridge.broker.oanda.mapping.OandaOrderStates;
import io.tvbridge.broker.spi.Broker;
import io.tvbridge.broker.spi.BrokerCapability;
import io.tvbridge.broker.spi.BrokerContext;
import io.tvbridge.broker.spi.BrokerException;
import io.tvbridge.broker.spi.model.AccountSnapshot;
import java.util.TreeSet;
import java.util.HashMap;
import io.tvbridge.broker.spi.model.ConversionRates;
import io.tvbridge.broker.spi.model.AssetClass;
import io.tvbridge.broker.spi.model.BrokerHealth;
import io.tvbridge.broker.spi.model.ClientOrderId;
import io.tvbridge.broker.spi.model.Fill;
import io.tvbridge.broker.spi.model.Instrument;
import io.tvbridge.broker.spi.model.InstrumentRef;
import io.tvbridge.broker.spi.model.OrderAck;
import io.tvbridge.broker.spi.model.OrderRequest;
import io.tvbridge.broker.spi.model.OrderState;
import io.tvbridge.broker.spi.model.Position;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * tvbridge's broker contract over OANDA's v20 REST API, for one account.
 *
 * <p>{@link #connect()} reads the account summary (refusing a wrong token or account id with
 * the variable to fix), the account's instruments (cached: symbols, precision, sizes) and the
 * orders still pending. A background thread then reads the account's new transactions every
 * {@code poll-interval}, and at once when the transaction stream says something happened;
 * fills, cancels and expiries of resting orders reach the listener from there. Orders are
 * placed by {@link OandaPlacement}, which reads their outcome from the transactions and
 * resolves a lost answer before anything is sent again.
 */
public final class OandaBroker implements Broker {
    private final OandaConfig config;
    private final BrokerContext context;
    private final OandaApi api;
    private final OandaEvents events;
    private final OandaLink link;
    private final OandaOrderTracker tracker;
    private final OandaPlacement placement;
    private final OandaPoller poller;
    private final OandaTransactionStream stream;
    private final OandaSession session;
    private final OandaConnection connection;
    private final Map<ClientOrderId, Object> placing = new ConcurrentHashMap<>();
    private volatile boolean closed;

    OandaBroker(OandaConfig config, BrokerContext context) {
        this(config, context, duration -> Thread.sleep(duration.toMillis()));
    }

    OandaBroker(OandaConfig config, BrokerContext context, OandaSession.Pause pause) {
        this.config = config;
        this.context = context;
        this.session = new OandaSession(config, pause, context.clock());
        this.api = new OandaApi(session, config);
        this.events = new OandaEvents(context.listener());
        this.link = new OandaLink(events, context.clock());
        this.tracker = new OandaOrderTracker(events, OandaInstrumentCatalog::symbolOf);
        this.connection = new OandaConnection(config, api, tracker, link, context.clock());
        this.placement = new OandaPlacement(api, session, tracker, config, context.clock());
        this.poller = new OandaPoller(config.pollInterval(), this::pollOnce);
        this.stream = new OandaTransactionStream(config, poller::wake);
    }

    @Override
    public Set<BrokerCapability> capabilities() {
        return EnumSet.of(BrokerCapability.LIMIT_ORDERS, BrokerCapability.STOP_ORDERS,
                BrokerCapability.BRACKET_ORDERS, BrokerCapability.SHORT_SELLING,
                BrokerCapability.FRACTIONAL_QUANTITIES);
    }

    @Override
    public void connect() throws BrokerException {
        requireOpen();
        try {
            connection.ready();
        } catch (BrokerException e) {
            if (e.kind() == BrokerException.Kind.AUTHENTICATION || e.kind() == BrokerException.Kind.CONFIGURATION) {
                throw e;
            }
            link.down("OANDA " + config.environment() + " is not reachable yet (" + e.getMessage()
                    + "); trying again in the background");
        }
        poller.start();
        stream.start();
    }

    @Override
    public BrokerHealth health() {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("environment", config.environment().toString());
        details.put("api_url", config.apiUrl().toString());
        connection.knownCurrency().ifPresent(c -> details.put("currency", c));
        details.put("last_transaction_id", tracker.lastTransactionId());
        session.lastLatency().ifPresent(latency -> details.put("last_call_latency_ms",
                Long.toString(latency.toMillis())));
        details.put("instruments", Integer.toString(connection.catalog().size()));
        link.lastError().ifPresent(error -> details.put("last_error", error));
        boolean connected = link.connected() && !closed;
        String summary = "OANDA " + config.environment() + " account " + config.accountId()
                + (connected ? ", connected" : closed ? ", closed" : ", not connected");
        return new BrokerHealth(connected, Optional.of(config.accountId()), link.since(), summary, details);
    }

    @Override
    public Instrument resolve(InstrumentRef ref) throws BrokerException {
        requireOpen();
        return OandaInstrumentCatalog.instrument(connection.spec(ref));
    }

    @Override
    public OrderAck submit(OrderRequest request) throws BrokerException {
        requireOpen();
        connection.ready();
        Optional<OandaInstrumentSpec> named = connection.catalog().byName(request.instrument().venueSymbol());
        OandaInstrumentSpec spec = named.isPresent() ? named.get() : connection.spec(
                new InstrumentRef(request.instrument().symbol(), Optional.empty(), Optional.empty()));
        String body = OandaEncoder.order(OandaOrderMapping.toOanda(request, spec, config.positionFill()));
        Object lock = placing.computeIfAbsent(request.clientOrderId(), id -> new Object());
        try {
            synchronized (lock) {   // one send per client id at a time: the second finds the first
                Optional<OrderState> earlier = lookup(request.clientOrderId());
                if (earlier.isPresent()) {
                    OrderState state = earlier.get();
                    return new OrderAck(state.clientOrderId(), state.brokerOrderId(), state.status(), true,
                            context.clock().instant());
                }
                return placement.place(request.clientOrderId(), body);
            }
        } finally {
            placing.remove(request.clientOrderId(), lock);
        }
    }

    /**
     * Closes the whole position in {@code instrument} at market with OANDA's position close, the
     * closing order carrying {@code id}; its fill arrives like any other. Not part of the broker
     * contract (tvbridge closes with an opposite market order), for tools that hold this class.
     */
    public OrderAck closePosition(ClientOrderId id, InstrumentRef instrument) throws BrokerException {
        requireOpen();
        OandaInstrumentSpec spec = connection.spec(instrument);
        OandaPosition position = api.openPositions().stream().filter(p -> p.instrument().equals(spec.name()))
                .findFirst().orElseThrow(() -> new BrokerException(BrokerException.Kind.REJECTED,
                        "there is no open " + symbolOf(spec.name()) + " position at OANDA to close"));
        String body = OandaEncoder.closePosition(position.longUnits().signum() > 0, position.shortUnits().signum() < 0,
                id.value());
        try {
            return placement.outcome(id, api.closePosition(spec.name(), body));
        } catch (OandaCallException e) {
            throw unknownOutcome("closing " + spec.name(), e);
        }
    }

    @Override
    public void cancel(ClientOrderId clientOrderId) throws BrokerException {
        OrderState state = lookup(clientOrderId).orElseThrow(() -> new BrokerException(
                BrokerException.Kind.INVALID_REQUEST, "OANDA has no order " + clientOrderId));
        if (state.status().isTerminal()) {
            return;
        }
        OandaReply reply;
        try {
            reply = api.cancelOrder(state.brokerOrderId());
        } catch (OandaCallException e) {
            throw unknownOutcome("cancelling order " + clientOrderId, e);
        }
        tracker.apply(reply.transactions());
        if (reply.first(OandaTransaction.Kind.ORDER_CANCELLED).isPresent()) {
            return;
        }
        // refused: fine if the order has just filled or ended (its transactions are on their way)
        if (api.order(state.brokerOrderId()).filter(order -> !order.isPending()).isPresent()) {
            poller.wake();
            return;
        }
        throw new BrokerException(BrokerException.Kind.INVALID_REQUEST, "OANDA did not cancel order "
                + clientOrderId + ": " + reply.error().orElse("no reason given"));
    }

    @Override
    public List<OrderState> openOrders() throws BrokerException {
        requireOpen();
        List<OrderState> open = new ArrayList<>();
        for (OandaOrder order : api.pendingOrders()) {
            connection.adopt(order);
            OandaOrderTracker.clientOrderId(order.clientOrderId()).flatMap(tracker::state).ifPresent(open::add);
        }
        return open;
    }

    @Override
    public Optional<OrderState> lookup(ClientOrderId clientOrderId) throws BrokerException {
        requireOpen();
        Optional<OrderState> tracked = tracker.state(clientOrderId);
        if (tracked.isPresent() && tracked.get().status().isTerminal()) {
            return tracked;
        }
        Optional<OrderState> found = known(clientOrderId);
        if (found.isPresent()) {
            return found;
        }
        Optional<String> since = tracker.unresolvedSince(clientOrderId);
        if (since.isPresent()) {
            // an order whose answer was lost: its transactions tell whether it ever arrived
            tracker.apply(api.transactionsSince(since.get()).transactions());
            tracker.resolved(clientOrderId);
        }
        return tracker.state(clientOrderId);
    }

    @Override
    public List<Fill> executions(ClientOrderId clientOrderId) throws BrokerException {
        requireOpen();
        Optional<OrderState> state = tracker.state(clientOrderId);
        if (state.isPresent() && state.get().status().isTerminal() && !tracker.fills(clientOrderId).isEmpty()) {
            return tracker.fills(clientOrderId);
        }
        Optional<OandaOrder> order = api.order("@" + clientOrderId.value());
        if (order.isEmpty() || order.get().fillingTransactionId().isEmpty()) {
            return tracker.fills(clientOrderId);
        }
        OandaTransaction fill = api.transaction(order.get().fillingTransactionId().get());
        return List.of(OandaOrderStates.fill(clientOrderId, fill, symbolOf(order.get().instrument()),
                connection.currency()));
    }

    @Override
    public List<Position> positions() throws BrokerException {
        requireOpen();
        List<Position> positions = new ArrayList<>();
        for (OandaPosition position : api.openPositions()) {
            if (position.netUnits().signum() == 0) {
                continue;
            }
            Optional<OandaInstrumentSpec> spec = connection.catalog().byName(position.instrument());
            Instrument instrument = spec.map(OandaInstrumentCatalog::instrument).orElse(null);
            String currency = instrument == null ? quoteOf(position.instrument()) : instrument.currency();
            // OANDA states a position's profit and loss in the home currency, a Position's figures are in the
            // instrument's: they are passed on only where the two are one
            boolean home = currency.equals(connection.currency());
            positions.add(new Position(symbolOf(position.instrument()),
                    instrument == null ? AssetClass.FOREX : instrument.assetClass(),
                    position.netUnits(), position.netAveragePrice().orElse(BigDecimal.ZERO), currency,
                    Optional.empty(), home ? Optional.of(position.unrealizedPnl()) : Optional.empty(),
                    home ? Optional.of(position.realizedPnl()) : Optional.empty()));
        }
        return positions;
    }

    @Override
    public AccountSnapshot account() throws BrokerException {
        requireOpen();
        OandaAccountSummary summary = api.summary();
        tracker.noteLastTransactionId(summary.lastTransactionId());
        return new AccountSnapshot(summary.accountId(), summary.currency(), summary.balance(),
                summary.netAssetValue(), summary.marginAvailable(), summary.unrealizedPnl(), summary.realizedPnl(),
                summary.marginUsed(), context.clock().instant());
    }

    /**
     * OANDA's own factors into the account's currency ({@code homeConversions} of the pricing
     * endpoint), read from the pricing of one instrument per currency: the pair of that currency
     * with the account's where the account has one. A currency no instrument of the account is
     * priced in gets no factor.
     */
    @Override
    public ConversionRates conversionRates(String accountCurrency, Set<String> currencies) throws BrokerException {
        requireOpen();
        Set<String> instruments = new TreeSet<>();
        for (String currency : currencies) {
            if (!currency.equals(accountCurrency)) {
                connection.catalog().pricedWith(currency, accountCurrency).ifPresent(instruments::add);
            }
        }
        if (instruments.isEmpty()) {
            return ConversionRates.none(accountCurrency, context.clock().instant());
        }
        Map<String, BigDecimal> factors = new HashMap<>(api.homeConversions(List.copyOf(instruments)));
        factors.remove(accountCurrency);   // OANDA lists the home currency too, at 1
        return new ConversionRates(accountCurrency, factors, context.clock().instant());
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        stream.close();
        poller.close();
        events.close();
    }

    /** One round of the background thread; a failure while open is reported as a lost connection. */
    private void pollOnce() throws BrokerException {
        try {
            if (!closed) {
                connection.poll();
            }
        } catch (BrokerException e) {
            if (!closed) {
                link.down("OANDA " + config.environment() + " unreachable: " + e.getMessage());
            }
            throw e;
        }
    }

    @Override
    public String toString() {
        return "OandaBroker[" + config + "]";
    }

    /** The order as OANDA reports it, looked up by tvbridge's id; remembered by the tracker. */
    private Optional<OrderState> known(ClientOrderId id) throws BrokerException {
        Optional<OrderState> tracked = tracker.state(id);
        if (tracked.isPresent()) {
            return tracked;
        }
        Optional<OandaOrder> order = api.order("@" + id.value());
        if (order.isEmpty()) {
            return Optional.empty();
        }
        Optional<OandaTransaction> filling = order.get().fillingTransactionId().isPresent()
                ? Optional.of(api.transaction(order.get().fillingTransactionId().get())) : Optional.empty();
        Optional<OandaTransaction> cancelling = order.get().cancellingTransactionId().isPresent()
                ? Optional.of(api.transaction(order.get().cancellingTransactionId().get())) : Optional.empty();
        OrderState state = OandaOrderStates.state(id, order.get(), symbolOf(order.get().instrument()), filling,
                cancelling);
        tracker.register(state);
        return Optional.of(state);
    }

    private String symbolOf(String oandaName) {
        return OandaInstrumentCatalog.symbolOf(oandaName);
    }

    private static String quoteOf(String oandaName) {
        return oandaName.substring(oandaName.lastIndexOf('_') + 1);
    }

    private static BrokerException unknownOutcome(String what, OandaCallException e) {
        return new BrokerException(e.timedOut() ? BrokerException.Kind.TIMEOUT : BrokerException.Kind.UNAVAILABLE,
                what + ": " + e.getMessage(), e);
    }

    private void requireOpen() throws BrokerException {
        if (closed) {
            throw new BrokerException(BrokerException.Kind.UNAVAILABLE, "the OANDA broker is closed");
        }
    }
}

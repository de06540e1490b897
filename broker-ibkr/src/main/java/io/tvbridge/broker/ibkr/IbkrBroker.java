package io.tvbridge.broker.ibkr;

import io.tvbridge.broker.ibkr.codec.IbContract;
import io.tvbridge.broker.ibkr.codec.IbContractDetails;
import io.tvbridge.broker.ibkr.codec.IbEncoder;
import io.tvbridge.broker.ibkr.codec.IbExecutionFilter;
import io.tvbridge.broker.ibkr.mapping.IbkrOrders;
import io.tvbridge.broker.ibkr.mapping.IbkrSymbols;
import io.tvbridge.broker.spi.Broker;
import io.tvbridge.broker.spi.BrokerCapability;
import io.tvbridge.broker.spi.BrokerContext;
import io.tvbridge.broker.spi.BrokerException;
import io.tvbridge.broker.spi.model.AccountSnapshot;
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
import io.tvbridge.broker.spi.model.Position;
import io.tvbridge.broker.spi.model.Side;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Interactive Brokers through TWS or IB Gateway. Orders carry tvbridge's client order id as
 * IB's {@code orderRef}; an order is found again by that and by IB's {@code permId}, never by
 * its order id alone. After every (re)connect the broker asks for every open order and the
 * day's executions, adopts orders still working from before, and picks up fills it missed.
 */
public final class IbkrBroker implements Broker, IbkrEvents.Connection {
    private static final System.Logger log = System.getLogger(IbkrBroker.class.getName());
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final Duration ORDINARY_OUTAGE = Duration.ofMinutes(5);
    private static final Duration LOOKUP_COMMISSION_WAIT = Duration.ofSeconds(2);
    /** Every currency of the account's ledger, each with its ExchangeRate into the base currency. */
    private static final String LEDGER_ALL = "$LEDGER:ALL";
    private static final String SUMMARY_TAGS = "NetLiquidation,TotalCashValue,BuyingPower,GrossPositionValue,"
            + "UnrealizedPnL,RealizedPnL,AvailableFunds,MaintMarginReq";

    private final IbkrConfig config;
    private final BrokerContext context;
    private final IbkrState state = new IbkrState();
    private final IbkrOrderJournal journal;
    private final ScheduledExecutorService events;
    private final ExecutorService sync;
    private final IbkrSession session;
    private final IbkrContracts contracts;
    private final Semaphore positionsRequest = new Semaphore(1);
    private final Semaphore openOrdersRequest = new Semaphore(1);

    private volatile List<String> accounts = List.of();
    private volatile boolean readOnly;
    private volatile Optional<String> linkProblem = Optional.empty();
    private volatile Optional<String> alarm = Optional.empty();
    private volatile boolean closed;

    IbkrBroker(IbkrConfig config, BrokerContext context) throws BrokerException {
        this.config = config;
        this.context = context;
        this.journal = new IbkrOrderJournal(context.stateDirectory().resolve("ibkr-orders.log"));
        ScheduledThreadPoolExecutor eventThread = new ScheduledThreadPoolExecutor(1, IbkrSession.daemon("ibkr-events"));
        // at close, pending timers (commission waits) are dropped; events already queued still run
        eventThread.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.events = eventThread;
        this.sync = Executors.newSingleThreadExecutor(IbkrSession.daemon("ibkr-sync"));
        IbkrSymbols symbols = config.symbolMap().isPresent() ? IbkrSymbols.withMap(config.symbolMap().get())
                : IbkrSymbols.standard();
        this.contracts = new IbkrContracts(symbols, config.rollDays(), context.clock(), this::contractDetails);
        this.session = new IbkrSession(config, context.clock(),
                new IbkrEvents(state, journal, context.listener(), context.clock(), events, this));
    }

    @Override
    public Set<BrokerCapability> capabilities() {
        return EnumSet.of(BrokerCapability.LIMIT_ORDERS, BrokerCapability.STOP_ORDERS,
                BrokerCapability.STOP_LIMIT_ORDERS, BrokerCapability.TRAILING_STOP_ORDERS,
                BrokerCapability.BRACKET_ORDERS, BrokerCapability.FRACTIONAL_QUANTITIES,
                BrokerCapability.OUTSIDE_REGULAR_HOURS, BrokerCapability.SHORT_SELLING);
    }

    @Override
    public void connect() throws BrokerException {
        session.start();
        events.scheduleWithFixedDelay(this::watchOutage, 30, 30, TimeUnit.SECONDS);
        try {
            if (session.awaitConnected(config.connectTimeout().plusSeconds(1))) {
                accounts = session.accounts();   // known from the handshake, before the event thread hears of them
            } else {
                log.log(System.Logger.Level.WARNING, "IBKR: not connected to " + config.host() + ":" + config.port()
                        + " yet (" + session.lastProblem() + "); retrying in the background");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // --- the connection's life (IbkrEvents.Connection), on the event thread ---

    @Override
    public void up(IbkrSession.SessionInfo info) {
        linkProblem = Optional.empty();
        alarm = Optional.empty();
        accountsManaged(info.accounts());
        context.listener().onConnection(ConnectionEvent.up("connected to TWS/IB Gateway at " + config.host() + ":"
                + config.port() + ", server version " + info.serverVersion() + ", accounts " + info.accounts(),
                info.connectedAt()));
        sync.execute(this::resynchronise);
    }

    @Override
    public void down(String reason) {
        context.listener().onConnection(ConnectionEvent.down("lost the connection to TWS/IB Gateway at "
                + config.host() + ":" + config.port() + ": " + reason, context.clock().instant()));
        for (TrackedOrder order : state.byClientId.values()) {
            if (order.acknowledged != null && !order.acknowledged.isDone()) {
                order.acknowledged.completeExceptionally(new BrokerException(BrokerException.Kind.UNAVAILABLE,
                        "the connection to TWS was lost before it answered: " + reason));
            }
        }
    }

    @Override
    public void linkLost(String detail) {
        linkProblem = Optional.of(detail);
        context.listener().onConnection(ConnectionEvent.down(detail, context.clock().instant()));
    }

    @Override
    public void linkRestored(String detail, boolean dataLost) {
        linkProblem = Optional.empty();
        context.listener().onConnection(ConnectionEvent.up(detail, context.clock().instant()));
        // 1101 lost the subscriptions (tvbridge keeps none beyond requests) and 1102 kept them: resync orders either way
        sync.execute(this::resynchronise);
    }

    @Override
    public void readOnly() {
        if (!readOnly) {
            readOnly = true;
            log.log(System.Logger.Level.ERROR, "IBKR: the TWS API is in Read-Only mode: orders are refused. Untick "
                    + "'Read-Only API' in the API settings" + (config.readOnlyOk() ? " (IBKR_READONLY_OK is set)" : ""));
        }
    }

    @Override
    public void queryOrder(TrackedOrder order) {
        sync.execute(this::resynchronise);
    }

    @Override
    public void accountsManaged(List<String> managed) {
        accounts = List.copyOf(managed);
    }

    /** Open orders of every client and the day's executions: adopts what is still working, catches missed fills. */
    private void resynchronise() {
        try {
            requestOpenOrders(true);
            requestExecutions();
        } catch (BrokerException e) {
            log.log(System.Logger.Level.WARNING, "IBKR: could not resynchronise orders: " + e.getMessage());
        }
    }

    /** Raises an alarm when a disconnect lasts beyond IB's nightly reset window (or a few minutes outside it). */
    private void watchOutage() {
        Optional<Instant> since = session.disconnectedSince();
        if (since.isEmpty() || closed) {
            return;
        }
        Instant now = context.clock().instant();
        Instant allowedUntil = resetWindowEnd(since.get()).orElse(since.get().plus(ORDINARY_OUTAGE));
        if (now.isAfter(allowedUntil) && alarm.isEmpty()) {
            String text = "ALARM: disconnected from TWS/IB Gateway since " + since.get() + " ("
                    + Duration.between(since.get(), now).toMinutes() + " min), beyond "
                    + (resetWindowEnd(since.get()).isPresent() ? "IB's nightly reset window" : "a normal reconnect")
                    + "; last problem: " + session.lastProblem();
            alarm = Optional.of(text);
            log.log(System.Logger.Level.ERROR, "IBKR: " + text);
            context.listener().onConnection(ConnectionEvent.down(text, now));
        }
    }

    /** The end of the nightly reset window that {@code at} falls in, if it does. */
    private Optional<Instant> resetWindowEnd(Instant at) {
        ZonedDateTime local = at.atZone(NEW_YORK);
        for (int daysBack = 0; daysBack <= 1; daysBack++) {
            ZonedDateTime start = local.toLocalDate().minusDays(daysBack).atTime(config.nightlyResetStart())
                    .atZone(NEW_YORK);
            ZonedDateTime end = start.plus(config.nightlyResetLength());
            if (!local.isBefore(start) && local.isBefore(end)) {
                return Optional.of(end.toInstant());
            }
        }
        return Optional.empty();
    }

    // --- Broker ---

    @Override
    public BrokerHealth health() {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("host", config.host());
        details.put("port", Integer.toString(config.port()));
        details.put("client_id", Integer.toString(config.clientId()));
        Optional<IbkrSession.SessionInfo> info = session.info();
        details.put("state", info.isPresent() ? "connected" : "reconnecting (attempt " + session.attempts() + ")");
        info.ifPresent(i -> details.put("server_version", Integer.toString(i.serverVersion())));
        details.put("accounts", String.join(",", accounts));
        config.account().ifPresent(a -> details.put("account", a));
        session.lastMessageAt().ifPresent(at -> details.put("last_message_age_ms",
                Long.toString(Duration.between(at, context.clock().instant()).toMillis())));
        if (session.roundTripMillis() >= 0) {
            details.put("round_trip_ms", Long.toString(session.roundTripMillis()));
        }
        details.put("read_only", Boolean.toString(readOnly));
        linkProblem.ifPresent(p -> details.put("ib_link", p));
        if (!session.lastProblem().isEmpty()) {
            details.put("last_problem", session.lastProblem());
        }
        alarm.ifPresent(a -> details.put("alarm", a));
        accountProblem().ifPresent(p -> details.put("account_problem", p));
        session.ping();

        boolean connected = info.isPresent() && (!readOnly || config.readOnlyOk()) && accountProblem().isEmpty();
        String summary = info.isEmpty() ? "not connected to TWS/IB Gateway at " + config.host() + ":" + config.port()
                : readOnly ? "connected, but the API is read-only: orders are refused"
                : accountProblem().orElse(linkProblem.map(p -> "connected; " + p).orElse("connected"));
        return new BrokerHealth(connected, selectedAccount(), info.map(IbkrSession.SessionInfo::connectedAt), summary,
                details);
    }

    @Override
    public Instrument resolve(InstrumentRef ref) throws BrokerException {
        return contracts.resolve(ref).instrument();
    }

    @Override
    public OrderAck submit(OrderRequest request) throws BrokerException {
        CompletableFuture<OrderAck> answer = submitAsync(request);
        try {
            // the answer always completes within the request timeout; the margin only guards against a lost timer
            return answer.get(config.requestTimeout().plusSeconds(1).toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof BrokerException broker) {
                throw broker;
            }
            if (e.getCause() instanceof RuntimeException unexpected) {
                throw unexpected;
            }
            throw new BrokerException(BrokerException.Kind.UNAVAILABLE, "order " + request.clientOrderId() + ": "
                    + e.getCause());
        } catch (TimeoutException e) {
            throw notAnswered(request.clientOrderId());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerException(BrokerException.Kind.UNAVAILABLE, "interrupted while placing "
                    + request.clientOrderId());
        }
    }

    /**
     * Writes the order (a bracket: all its legs) to TWS and returns; the future completes on the
     * event thread with TWS's first answer to the parent (OPEN_ORDER or ORDER_STATUS), with the
     * rejection's reason, with {@link BrokerException.Kind#UNAVAILABLE} when the connection drops
     * first, or with {@link BrokerException.Kind#TIMEOUT} after the request timeout. Blocks for a
     * round trip only for an id that an earlier run began to send and this run has not seen: TWS's
     * open orders and executions then decide whether it went out.
     */
    @Override
    public CompletableFuture<OrderAck> submitAsync(OrderRequest request) {
        try {
            Optional<OrderAck> earlier = earlierOrder(request.clientOrderId());
            if (earlier.isPresent()) {
                return CompletableFuture.completedFuture(earlier.get());
            }
            return acknowledgement(place(request));
        } catch (BrokerException | RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** The order this id placed before, in this run or in an earlier one that TWS still reports; empty when it may go. */
    private Optional<OrderAck> earlierOrder(ClientOrderId id) throws BrokerException {
        TrackedOrder known = state.byClientId.get(id);
        if (known != null) {
            return Optional.of(new OrderAck(known.id, known.brokerOrderId(), known.status, true,
                    context.clock().instant()));
        }
        if (journal.find(id).isPresent()) {
            Optional<OrderState> earlier = lookup(id);
            if (earlier.isPresent()) {
                return Optional.of(new OrderAck(earlier.get().clientOrderId(), earlier.get().brokerOrderId(),
                        earlier.get().status(), true, context.clock().instant()));
            }
            // an earlier run was stopped while writing it, and TWS knows nothing of it: it goes now
        }
        return Optional.empty();
    }

    /** Writes every leg of the order to TWS, journalled; returns the parent, whose acknowledgement is awaited. */
    private TrackedOrder place(OrderRequest request) throws BrokerException {
        requireReady();
        IbkrContracts.Resolved resolved = contracts.byInstrument(request.instrument());
        String account = selectedAccount().orElse("");
        List<IbkrOrders.Leg> legs = IbkrOrders.legs(request, resolved.instrument(), account, config.roundPrices());

        List<TrackedOrder> placed = new ArrayList<>();
        int parentId = 0;
        for (IbkrOrders.Leg leg : legs) {
            int orderId = session.nextOrderId();
            parentId = parentId == 0 ? orderId : parentId;
            TrackedOrder order = new TrackedOrder(leg.id(), resolved.instrument().symbol(),
                    leg.order().action().equals("SELL") ? Side.SELL
                            : Side.BUY,
                    leg.order().totalQuantity(), IbkrEvents.orderType(leg.order().orderType()),
                    Optional.ofNullable(leg.order().lmtPrice()), Optional.ofNullable(leg.order().auxPrice())
                    .filter(p -> !leg.order().orderType().equals("TRAIL")), orderId, context.clock().instant(),
                    placed.isEmpty());
            state.track(order);
            journal.sending(leg.id(), orderId, context.clock().instant());
            placed.add(order);
            int parent = placed.size() == 1 ? 0 : parentId;
            var ibOrder = leg.order().inBracket(parent, leg.order().transmit(), leg.order().ocaGroup(),
                    leg.order().ocaType());
            try {
                session.send(encoder -> encoder.placeOrder(orderId, resolved.contract(), ibOrder));
            } catch (BrokerException e) {
                // not written (or a bracket only in part, which TWS does not transmit): nothing reached IB
                for (TrackedOrder unsent : placed) {
                    state.untrack(unsent);
                    journal.unsent(unsent.id);
                }
                throw e;
            }
            order.sentOnConnection = session.connectionNumber();
            journal.written(leg.id());
        }
        return placed.get(0);
    }

    /**
     * The parent's acknowledgement as an {@link OrderAck}, or its failure, within the request
     * timeout. A dependent future carries the timeout, so that the order's own stays open for
     * the answer TWS may still give.
     */
    private CompletableFuture<OrderAck> acknowledgement(TrackedOrder parent) {
        CompletableFuture<OrderAck> answer = new CompletableFuture<>();
        parent.acknowledged.copy().orTimeout(config.requestTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((status, failure) -> {
                    if (failure == null) {
                        log.log(System.Logger.Level.INFO, "IBKR: order " + parent.id + " is " + status
                                + " as IB order " + parent.orderId);
                        answer.complete(new OrderAck(parent.id, parent.brokerOrderId(), status, false,
                                context.clock().instant()));
                        return;
                    }
                    Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                            ? failure.getCause() : failure;
                    answer.completeExceptionally(cause instanceof BrokerException broker ? broker
                            : cause instanceof TimeoutException ? notAnswered(parent.id)
                            : new BrokerException(BrokerException.Kind.UNAVAILABLE, "order " + parent.id + ": "
                            + cause));
                });
        return answer;
    }

    private BrokerException notAnswered(ClientOrderId id) {
        return new BrokerException(BrokerException.Kind.TIMEOUT, "TWS did not answer order " + id + " within "
                + config.requestTimeout().toSeconds() + " s; its outcome is unknown");
    }

    private void requireReady() throws BrokerException {
        if (!session.connected()) {
            throw new BrokerException(config.waitWhenDisconnected() ? BrokerException.Kind.UNAVAILABLE
                    : BrokerException.Kind.REJECTED, "not connected to TWS/IB Gateway at " + config.host() + ":"
                    + config.port() + (config.waitWhenDisconnected() ? "; the order waits for the connection"
                    : " (IBKR_WHEN_DISCONNECTED=reject)"));
        }
        if (readOnly) {
            throw new BrokerException(BrokerException.Kind.REJECTED, "the TWS API is in Read-Only mode: untick "
                    + "'Read-Only API' in the TWS/IB Gateway API settings");
        }
        Optional<String> accountProblem = accountProblem();
        if (accountProblem.isPresent()) {
            throw new BrokerException(BrokerException.Kind.REJECTED, accountProblem.get());
        }
    }

    private Optional<String> accountProblem() {
        if (accounts.isEmpty()) {
            return Optional.empty();
        }
        if (config.account().isPresent() && !accounts.contains(config.account().get())) {
            return Optional.of("IBKR_ACCOUNT " + config.account().get() + " is not among the accounts this login "
                    + "manages: " + String.join(", ", accounts));
        }
        if (config.account().isEmpty() && accounts.size() > 1) {
            return Optional.of("this login manages several accounts (" + String.join(", ", accounts)
                    + "): set IBKR_ACCOUNT to the one to trade");
        }
        return Optional.empty();
    }

    private Optional<String> selectedAccount() {
        return config.account().or(() -> accounts.size() == 1 ? Optional.of(accounts.get(0)) : Optional.empty());
    }

    @Override
    public void cancel(ClientOrderId clientOrderId) throws BrokerException {
        TrackedOrder order = state.byClientId.get(clientOrderId);
        if (order == null) {
            throw new BrokerException(BrokerException.Kind.INVALID_REQUEST, "IBKR has no order " + clientOrderId);
        }
        if (order.status.isTerminal()) {
            return;
        }
        int orderId = order.orderId;
        session.send(encoder -> encoder.cancelOrder(orderId, ""));
    }

    @Override
    public List<OrderState> openOrders() throws BrokerException {
        List<IbkrState.OpenOrderRow> rows = requestOpenOrders(false);
        List<OrderState> open = new ArrayList<>();
        for (IbkrState.OpenOrderRow row : rows) {
            IbkrState.clientOrderId(row.order().orderRef()).map(state.byClientId::get)
                    .filter(order -> !order.status.isTerminal()).ifPresent(order -> open.add(order.state()));
        }
        return open;
    }

    @Override
    public Optional<OrderState> lookup(ClientOrderId clientOrderId) throws BrokerException {
        TrackedOrder order = state.byClientId.get(clientOrderId);
        if (order == null && journal.find(clientOrderId).isEmpty()) {
            // the journal is written before an order reaches the socket: no run began to send this one
            return Optional.empty();
        }
        if ((order == null || order.unconfirmed()) && session.connected()) {
            requestOpenOrders(true);
            requestExecutions();
            waitForEvents();
            order = state.byClientId.get(clientOrderId);
            if (order != null && order.unconfirmed() && order.sentOnConnection < session.connectionNumber()) {
                // written on a connection that dropped before TWS read it: on this one TWS reports
                // neither an open order nor an execution of it, so it never arrived
                log.log(System.Logger.Level.WARNING, "IBKR: order " + clientOrderId + " was lost with the"
                        + " connection it was sent on; it may be sent again");
                state.untrack(order);
                journal.unsent(clientOrderId);
                return Optional.empty();
            }
        }
        if (order != null) {
            awaitCommissions(order);
            return Optional.of(order.state());
        }
        Optional<IbkrOrderJournal.Entry> sent = journal.find(clientOrderId);
        if (sent.isPresent() && !sent.get().written()) {
            return Optional.empty();   // the process ended while sending it; TWS reports nothing of it
        }
        if (sent.isPresent()) {
            // sent by an earlier run, but IB reports neither an open order nor an execution of it today
            return Optional.of(new OrderState(clientOrderId, "order-" + sent.get().orderId(), "",
                    Side.BUY, BigDecimal.ONE,
                    OrderType.MARKET, Optional.empty(), Optional.empty(),
                    OrderStatus.CANCELLED, BigDecimal.ZERO, Optional.empty(),
                    Optional.of("IB reports no open order and no execution for it today; it ended without a fill"
                            + " (or never reached IB) and is not sent again"), sent.get().sentAt()));
        }
        return Optional.empty();
    }

    @Override
    public List<Fill> executions(ClientOrderId clientOrderId) throws BrokerException {
        TrackedOrder order = state.byClientId.get(clientOrderId);
        if ((order == null || order.reportedFills().compareTo(order.filled) < 0) && session.connected()) {
            requestExecutions();
            waitForCommissions();
            order = state.byClientId.get(clientOrderId);
        }
        if (order == null) {
            return List.of();
        }
        TrackedOrder found = order;
        return callOnEventThread(() -> List.copyOf(found.fills.values()));
    }

    @Override
    public List<Position> positions() throws BrokerException {
        acquire(positionsRequest, "positions");
        try {
            Pending<IbkrState.PositionRow> pending = new Pending<>("the positions request");
            state.positions = pending;
            session.send(IbEncoder::reqPositions);
            List<IbkrState.PositionRow> rows = pending.await(config.requestTimeout());
            session.send(IbEncoder::cancelPositions);
            Optional<String> account = selectedAccount();
            List<Position> positions = new ArrayList<>();
            for (IbkrState.PositionRow row : rows) {
                if (row.position() == null || row.position().signum() == 0
                        || account.isPresent() && !account.get().equals(row.account())) {
                    continue;
                }
                BigDecimal multiplier = row.contract().multiplier().isBlank() ? BigDecimal.ONE
                        : new BigDecimal(row.contract().multiplier());
                BigDecimal average = row.averageCost() == null ? BigDecimal.ZERO
                        : row.averageCost().divide(multiplier, 10, RoundingMode.HALF_EVEN).stripTrailingZeros();
                positions.add(new Position(IbkrSymbols.tradingViewSymbol(row.contract()),
                        IbkrSymbols.assetClassOf(row.contract().secType()), row.position(), average,
                        row.contract().currency(), Optional.empty(), Optional.empty(), Optional.empty()));
            }
            return positions;
        } finally {
            state.positions = null;
            positionsRequest.release();
        }
    }

    @Override
    public AccountSnapshot account() throws BrokerException {
        List<IbkrState.SummaryRow> rows = summary(SUMMARY_TAGS);
        String account = selectedAccount().orElse(rows.isEmpty() ? "" : rows.get(0).account());
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        String currency = "USD";
        for (IbkrState.SummaryRow row : rows) {
            if (!row.account().equals(account)) {
                continue;
            }
            try {
                values.put(row.tag(), new BigDecimal(row.value()));
            } catch (NumberFormatException e) {
                continue;   // text values are not amounts
            }
            if (row.tag().equals("NetLiquidation") && !row.currency().isBlank()) {
                currency = row.currency();
            }
        }
        return new AccountSnapshot(account, currency, value(values, "TotalCashValue"), value(values, "NetLiquidation"),
                value(values, "BuyingPower"), value(values, "UnrealizedPnL"), value(values, "RealizedPnL"),
                value(values, "MaintMarginReq"), context.clock().instant());
    }

    /**
     * IB's own rates: the account summary's {@code $LEDGER:ALL} reports, for every currency the
     * account's ledger holds, an {@code ExchangeRate} that turns it into the account's base
     * currency. A currency the ledger does not hold gets no factor here.
     */
    @Override
    public ConversionRates conversionRates(String accountCurrency, Set<String> currencies) throws BrokerException {
        List<IbkrState.SummaryRow> rows = summary(LEDGER_ALL);
        String account = selectedAccount().orElse(rows.isEmpty() ? "" : rows.get(0).account());
        Map<String, BigDecimal> factors = new HashMap<>();
        for (IbkrState.SummaryRow row : rows) {
            // the BASE row is the account's own currency, at 1
            if (row.account().equals(account) && row.tag().equals("ExchangeRate") && !row.currency().isBlank()
                    && !row.currency().equals("BASE") && !row.currency().equals(accountCurrency)) {
                try {
                    BigDecimal rate = new BigDecimal(row.value());
                    if (rate.signum() > 0) {
                        factors.put(row.currency(), rate);
                    }
                } catch (NumberFormatException e) {
                    continue;   // no rate in it
                }
            }
        }
        return new ConversionRates(accountCurrency, factors, context.clock().instant());
    }

    /** One answer to an account summary request for {@code tags}; the subscription is cancelled after it. */
    private List<IbkrState.SummaryRow> summary(String tags) throws BrokerException {
        int reqId = session.nextRequestId();
        Pending<IbkrState.SummaryRow> pending = new Pending<>("the account summary request");
        state.summaryRequests.put(reqId, pending);
        session.send(encoder -> encoder.reqAccountSummary(reqId, "All", tags));
        try {
            return pending.await(config.requestTimeout());
        } finally {
            state.summaryRequests.remove(reqId);
            session.send(encoder -> encoder.cancelAccountSummary(reqId));
        }
    }

    private static BigDecimal value(Map<String, BigDecimal> values, String tag) {
        return values.getOrDefault(tag, BigDecimal.ZERO);
    }

    // --- requests ---

    private List<IbContractDetails> contractDetails(IbContract contract) throws BrokerException {
        int reqId = session.nextRequestId();
        Pending<IbContractDetails> pending = new Pending<>("the contract request for " + contract.symbol());
        state.contractRequests.put(reqId, pending);
        try {
            session.send(encoder -> encoder.reqContractDetails(reqId, contract));
            return pending.await(config.requestTimeout());
        } finally {
            state.contractRequests.remove(reqId);
        }
    }

    private List<IbkrState.OpenOrderRow> requestOpenOrders(boolean allClients) throws BrokerException {
        acquire(openOrdersRequest, "open orders");
        try {
            Pending<IbkrState.OpenOrderRow> pending = new Pending<>("the open orders request");
            state.openOrders = pending;
            session.send(allClients ? IbEncoder::reqAllOpenOrders : IbEncoder::reqOpenOrders);
            return pending.await(config.requestTimeout());
        } finally {
            state.openOrders = null;
            openOrdersRequest.release();
        }
    }

    private void requestExecutions() throws BrokerException {
        int reqId = session.nextRequestId();
        Pending<IbkrState.ExecutionRow> pending = new Pending<>("the executions request");
        state.executionRequests.put(reqId, pending);
        try {
            IbExecutionFilter filter = new IbExecutionFilter(0, selectedAccount().orElse(""), "", "", "", "", "");
            session.send(encoder -> encoder.reqExecutions(reqId, filter));
            pending.await(config.requestTimeout());
        } finally {
            state.executionRequests.remove(reqId);
        }
    }

    /** Lets the event thread finish what arrived before now. */
    private void waitForEvents() throws BrokerException {
        callOnEventThread(() -> Boolean.TRUE);
    }

    /**
     * An execution counts as a fill once its commission report arrives (or its wait runs out):
     * a lookup waits a little for those of {@code order}, so that it reports the order as filled.
     */
    private void awaitCommissions(TrackedOrder order) throws BrokerException {
        long deadline = System.nanoTime() + LOOKUP_COMMISSION_WAIT.toNanos();
        while (callOnEventThread(() -> !order.awaitingCommission.isEmpty()) && System.nanoTime() < deadline) {
            waitForCommissions();
        }
    }

    /** Gives commission reports that follow their executions a moment to arrive. */
    private void waitForCommissions() throws BrokerException {
        waitForEvents();
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        waitForEvents();
    }

    private <T> T callOnEventThread(Callable<T> work) throws BrokerException {
        try {
            return events.submit(work).get(config.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new BrokerException(BrokerException.Kind.TIMEOUT, "the IBKR event thread did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerException(BrokerException.Kind.UNAVAILABLE, "interrupted", e);
        }
    }

    private void acquire(Semaphore request, String what) throws BrokerException {
        try {
            if (!request.tryAcquire(config.requestTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                throw new BrokerException(BrokerException.Kind.TIMEOUT, "another " + what + " request is still running");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerException(BrokerException.Kind.UNAVAILABLE, "interrupted", e);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        session.close();
        sync.shutdownNow();
        events.shutdown();
        try {
            events.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        journal.close();
    }

    @Override
    public String toString() {
        return "IbkrBroker[" + config.host() + ":" + config.port() + ", client " + config.clientId() + "]";
    }
}

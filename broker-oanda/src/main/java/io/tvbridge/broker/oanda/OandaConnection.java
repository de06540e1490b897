package io.tvbridge.broker.oanda;

import io.tvbridge.broker.oanda.codec.OandaAccountSummary;
import io.tvbridge.broker.oanda.codec.OandaIds;
import io.tvbridge.broker.oanda.codec.OandaInstrumentSpec;
import io.tvbridge.broker.oanda.codec.OandaOrder;
import io.tvbridge.broker.oanda.codec.OandaTransaction;
import io.tvbridge.broker.oanda.mapping.OandaInstrumentCatalog;
import io.tvbridge.broker.oanda.mapping.OandaOrderStates;
import io.tvbridge.broker.spi.BrokerException;
import io.tvbridge.broker.spi.model.ClientOrderId;
import io.tvbridge.broker.spi.model.InstrumentRef;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The broker's standing with one OANDA account: whether it has connected, the account's
 * currency and instruments (cached), and the transaction cursor the poller reads from.
 *
 * <p>Connecting reads the summary (a refused token or account id becomes an error naming the
 * variable to fix), the instruments and the pending orders, and starts the cursor at the
 * account's last transaction. Each poll then reads the transactions after the cursor and hands
 * them to the {@link OandaOrderTracker}, and moves the cursor.
 */
final class OandaConnection {
    private static final Duration CATALOG_AGE = Duration.ofMinutes(10);

    private final OandaConfig config;
    private final OandaApi api;
    private final OandaOrderTracker tracker;
    private final OandaLink link;
    private final Clock clock;
    private volatile OandaInstrumentCatalog catalog = OandaInstrumentCatalog.empty();
    private volatile Instant catalogLoadedAt = Instant.EPOCH;
    private volatile String currency;
    private volatile String cursor;

    OandaConnection(OandaConfig config, OandaApi api, OandaOrderTracker tracker, OandaLink link, Clock clock) {
        this.config = config;
        this.api = api;
        this.tracker = tracker;
        this.link = link;
        this.clock = clock;
    }

    /** Connects once: account, instruments and pending orders; every later call finds it done. */
    void ready() throws BrokerException {
        if (cursor != null) {
            return;
        }
        synchronized (this) {
            if (cursor != null) {
                return;
            }
            OandaAccountSummary summary = checkedSummary();
            currency = summary.currency();
            tracker.accountCurrency(currency);
            loadCatalog();
            for (OandaOrder order : api.pendingOrders()) {
                adopt(order);
            }
            tracker.noteLastTransactionId(summary.lastTransactionId());
            cursor = summary.lastTransactionId();
        }
        link.up(connectedText());
    }

    /** One round of the background thread: connect if not yet connected, else read new transactions. */
    void poll() throws BrokerException {
        if (cursor == null) {
            ready();
            return;
        }
        OandaApi.Transactions page = api.transactionsSince(cursor, 0);
        adoptOrdersNamedIn(page.transactions());
        tracker.apply(page.transactions());
        tracker.noteLastTransactionId(page.lastTransactionId());
        cursor = OandaIds.later(cursor, page.lastTransactionId());
        link.up(connectedText());
    }

    /** The instrument a signal named, from the account's list; the list is read again when older than 10 minutes. */
    OandaInstrumentSpec spec(InstrumentRef ref) throws BrokerException {
        ready();
        Optional<OandaInstrumentSpec> spec = catalog.find(ref);
        if (spec.isEmpty() && catalogLoadedAt.plus(CATALOG_AGE).isBefore(clock.instant())) {
            loadCatalog();
            spec = catalog.find(ref);
        }
        return spec.orElseThrow(() -> new BrokerException(BrokerException.Kind.REJECTED, "OANDA account "
                + config.accountId() + " has no instrument '" + ref + "' (it has " + catalog.size()
                + ", such as " + String.join(", ", catalog.someSymbols(5)) + ")"));
    }

    OandaInstrumentCatalog catalog() {
        return catalog;
    }

    /** The account's home currency, in which OANDA reports commissions and profit and loss. */
    String currency() throws BrokerException {
        ready();
        return currency;
    }

    Optional<String> knownCurrency() {
        return Optional.ofNullable(currency);
    }

    /** Remembers a pending order of tvbridge's that OANDA reports. */
    void adopt(OandaOrder order) {
        OandaOrderTracker.clientOrderId(order.clientOrderId()).ifPresent(id -> tracker.register(
                OandaOrderStates.state(id, order, OandaInstrumentCatalog.symbolOf(order.instrument()),
                        Optional.empty(), Optional.empty())));
    }

    /**
     * The account summary, or an error that says what to fix: a token OANDA refuses names
     * {@code OANDA_TOKEN}; an account the token may not use names {@code OANDA_ACCOUNT_ID} and the
     * accounts it may use.
     */
    private OandaAccountSummary checkedSummary() throws BrokerException {
        try {
            return api.summary();
        } catch (BrokerException e) {
            boolean accountProblem = e.kind() == BrokerException.Kind.INVALID_REQUEST
                    || (e.kind() == BrokerException.Kind.AUTHENTICATION && e.getMessage().contains(" 403"));
            if (!accountProblem) {
                throw e;
            }
            List<String> accounts = api.accountIds();   // a token problem throws here, naming OANDA_TOKEN
            if (accounts.contains(config.accountId())) {
                throw e;
            }
            throw new BrokerException(BrokerException.Kind.AUTHENTICATION, OandaConfig.variable(OandaConfig.ACCOUNT_ID)
                    + " " + config.accountId() + " is not an account this token may use in the "
                    + config.environment() + " environment; it may use: "
                    + (accounts.isEmpty() ? "none" : String.join(", ", accounts)), e);
        }
    }

    /**
     * Fills and cancels of orders placed before this broker started (resting orders after a
     * restart) name an order the tracker has not seen created: it is read from OANDA first, so
     * the fill is measured against the order's full quantity.
     */
    private void adoptOrdersNamedIn(List<OandaTransaction> transactions) throws BrokerException {
        Set<String> createdHere = transactions.stream().filter(t -> t.kind() == OandaTransaction.Kind.ORDER_CREATED)
                .map(OandaTransaction::id).collect(Collectors.toSet());
        for (OandaTransaction transaction : transactions) {
            boolean endsAnOrder = transaction.kind() == OandaTransaction.Kind.ORDER_FILLED
                    || transaction.kind() == OandaTransaction.Kind.ORDER_CANCELLED;
            Optional<ClientOrderId> id = OandaOrderTracker.clientOrderId(transaction.clientOrderId());
            if (endsAnOrder && id.isPresent() && tracker.state(id.get()).isEmpty()
                    && transaction.orderId().filter(createdHere::contains).isEmpty()) {
                api.order(transaction.orderId().orElse("@" + id.get().value())).ifPresent(this::adopt);
            }
        }
    }

    private void loadCatalog() throws BrokerException {
        catalog = new OandaInstrumentCatalog(api.instruments());
        catalogLoadedAt = clock.instant();
    }

    private String connectedText() {
        return "connected to OANDA " + config.environment() + " account " + config.accountId();
    }
}

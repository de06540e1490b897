package io.tvbridge.core.order;

import io.tvbridge.broker.spi.BrokerException;
import io.tvbridge.broker.spi.model.ClientOrderId;
import io.tvbridge.broker.spi.model.Fill;
import io.tvbridge.broker.spi.model.OrderType;
import io.tvbridge.core.calendar.TradingHours;
import io.tvbridge.core.model.OrderPhase;
import io.tvbridge.core.routing.BrokerHandle;
import io.tvbridge.core.settings.RiskSettings;
import io.tvbridge.core.store.AuditEntry;
import io.tvbridge.core.store.ExpectedPosition;
import io.tvbridge.core.store.Store;
import io.tvbridge.core.store.StoredOrder;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cancels a market order that the broker took but did not fill within {@code market_order_timeout}
 * seconds of its market being open (an order sent while the market was closed has until that long
 * after the open), and says so in the order's reason, the log and the audit trail. A market order
 * that hangs unfilled is a venue problem the trader must hear about, not an order to forget.
 */
public final class MarketOrderTimeout implements LedgerListener, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MarketOrderTimeout.class);
    private static final Duration RETRY = Duration.ofSeconds(10);
    private static final Set<OrderPhase> WORKING = EnumSet.of(OrderPhase.ACCEPTED, OrderPhase.PARTIALLY_FILLED);

    private final BrokerHandle handle;
    private final Store store;
    private final Ledger ledger;
    private final TradingHours hours;
    private final Supplier<RiskSettings> settings;
    private final Clock clock;
    /** The orders watched, with when this run first saw them working. */
    private final Map<ClientOrderId, Instant> watched = new ConcurrentHashMap<>();
    /** The next check of each watched order: cancelled when the order ends, so an ended order costs nothing. */
    private final Map<ClientOrderId, ScheduledFuture<?>> checks = new ConcurrentHashMap<>();
    private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, runnable -> {
        Thread thread = new Thread(runnable, "tvbridge-market-order-timeout");
        thread.setDaemon(true);
        return thread;
    });

    public MarketOrderTimeout(BrokerHandle handle, Store store, Ledger ledger, TradingHours hours,
                              Supplier<RiskSettings> settings, Clock clock) {
        this.handle = handle;
        this.store = store;
        this.ledger = ledger;
        this.hours = hours;
        this.settings = settings;
        this.clock = clock;
        timer.setRemoveOnCancelPolicy(true);
    }

    /** Watches the market orders an earlier run left working. */
    public void recover() {
        store.inTransaction(session -> session.ordersInPhases(WORKING)).forEach(this::orderChanged);
    }

    @Override
    public void orderChanged(StoredOrder order) {
        if (order.type() == OrderType.MARKET && !order.isBracketChild() && WORKING.contains(order.phase())
                && order.broker().equals(handle.name())
                && watched.putIfAbsent(order.clientOrderId(), clock.instant()) == null) {
            schedule(order.clientOrderId(), deadline(order).map(at -> Duration.between(clock.instant(), at))
                    .orElse(Duration.ZERO));
        }
    }

    @Override
    public void fillRecorded(StoredOrder order, Fill fill, BigDecimal realizedPnl, ExpectedPosition position) {
        orderChanged(order);
    }

    @Override
    public void orderEnded(StoredOrder order) {
        watched.remove(order.clientOrderId());
        ScheduledFuture<?> check = checks.remove(order.clientOrderId());
        if (check != null) {
            check.cancel(false);
        }
    }

    /**
     * When the order has waited long enough: the timeout counted from when it was sent, or from the
     * open when it was sent to a closed market, and never from before this run first saw it working
     * (after a restart the recovery's lookups may be about to report its fill). Empty when off.
     */
    private Optional<Instant> deadline(StoredOrder order) {
        int seconds = settings.get().marketOrderTimeoutSeconds();
        if (seconds == 0) {
            return Optional.empty();
        }
        Instant sent = order.submittedAt().orElse(order.createdAt());
        Instant open = hours.nextOpen(order.instrument(), sent, order.outsideRegularHours());
        Instant seen = watched.getOrDefault(order.clientOrderId(), sent);
        Instant start = Stream.of(sent, open, seen).max(Instant::compareTo).orElseThrow();
        return Optional.of(start.plusSeconds(seconds));
    }

    private void schedule(ClientOrderId id, Duration delay) {
        long millis = Math.max(0, delay.toMillis());
        checks.put(id, timer.schedule(() -> check(id), millis, TimeUnit.MILLISECONDS));
    }

    private void check(ClientOrderId id) {
        if (!watched.containsKey(id)) {
            return;   // it ended meanwhile
        }
        try {
            Optional<StoredOrder> found = store.inTransaction(session -> session.findOrder(id));
            if (found.isEmpty() || !WORKING.contains(found.get().phase())) {
                watched.remove(id);
                checks.remove(id);
                return;
            }
            StoredOrder order = found.get();
            Optional<Instant> deadline = deadline(order);
            if (deadline.isEmpty()) {
                watched.remove(id);   // the timeout was switched off
                checks.remove(id);
                return;
            }
            Instant now = clock.instant();
            if (now.isBefore(deadline.get())) {
                schedule(id, Duration.between(now, deadline.get()));
                return;
            }
            cancel(order, now);
        } catch (RuntimeException e) {
            log.error("checking market order {} for its timeout failed", id, e);
            schedule(id, RETRY);
        }
    }

    private void cancel(StoredOrder order, Instant now) {
        int seconds = settings.get().marketOrderTimeoutSeconds();
        String reason = "the market order was not filled within " + seconds + " s while " + order.symbol()
                + " traded (market_order_timeout); tvbridge cancelled it"
                + (order.filledQuantity().signum() > 0 ? " after " + order.filledQuantity().toPlainString() + " of "
                + order.quantity().toPlainString() + " filled" : "");
        ledger.explainCancel(order.clientOrderId(), reason);
        try {
            handle.broker().cancel(order.clientOrderId());
            log.warn("{} {} {} {}: {}", order.logIds(), order.side(), order.quantity().toPlainString(),
                    order.symbol(), reason);
            store.inTransaction(session -> {
                session.audit(new AuditEntry(now, "tvbridge", "order.timed_out", order.clientOrderId() + " "
                        + order.side() + " " + order.quantity().toPlainString() + " " + order.symbol() + ": "
                        + reason));
                return null;
            });
            schedule(order.clientOrderId(), RETRY);   // make sure the cancel took; else ask again
        } catch (BrokerException e) {
            log.warn("{} could not be cancelled after its timeout at {} ({}); trying again in {} s",
                    order.logIds(), handle.name(), e.getMessage(), RETRY.toSeconds());
            schedule(order.clientOrderId(), RETRY);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}

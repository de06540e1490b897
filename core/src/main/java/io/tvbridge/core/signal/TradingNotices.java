package io.tvbridge.core.signal;

import io.tvbridge.broker.spi.model.ConnectionEvent;
import io.tvbridge.broker.spi.model.Fill;
import io.tvbridge.core.concurrent.DaemonThreads;
import io.tvbridge.core.jobs.MaintenanceWindow;
import io.tvbridge.core.model.OrderPhase;
import io.tvbridge.core.notify.Notice;
import io.tvbridge.core.notify.Notifier;
import io.tvbridge.core.order.LedgerListener;
import io.tvbridge.core.store.ExpectedPosition;
import io.tvbridge.core.store.StoredOrder;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Turns what the ledger recorded and the decision stage decided into notices: fills, orders the
 * broker rejected, refused signals (risk blocks apart), the pending queue released, and the
 * broker's connection lost and restored. A disconnect inside the broker's maintenance window
 * (IB's nightly reset) is announced quietly; the broker raises its own alarm when it outlasts it.
 */
public final class TradingNotices implements LedgerListener, DecisionListener, AutoCloseable {
    private static final int REMEMBERED = 1000;
    /**
     * A broker may acknowledge a rejection before it reports why (the reason comes in a later
     * update): a rejection without its reason waits this long for it before it is told without.
     */
    static final Duration REASON_WAIT = Duration.ofSeconds(3);

    private final Notifier notifier;
    private final Optional<MaintenanceWindow> maintenance;
    /** Orders already reported rejected: a rejected order may be reported changed more than once. */
    private final Set<String> rejected = Collections.newSetFromMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    });

    private final ScheduledExecutorService reasonWaits = Executors.newSingleThreadScheduledExecutor(
            DaemonThreads.named("tvbridge-notice-reasons"));

    public TradingNotices(Notifier notifier, Optional<MaintenanceWindow> maintenance) {
        this.notifier = notifier;
        this.maintenance = maintenance;
    }

    @Override
    public void fillRecorded(StoredOrder order, Fill fill, BigDecimal realizedPnl, ExpectedPosition position) {
        StringBuilder text = new StringBuilder("Filled ").append(fill.side().name()).append(' ')
                .append(plain(fill.quantity())).append(' ').append(fill.symbol()).append(" @ ")
                .append(plain(fill.price()));
        if (order.filledQuantity().compareTo(order.quantity()) < 0) {
            text.append(" (").append(plain(order.filledQuantity())).append(" of ").append(plain(order.quantity()))
                    .append(')');
        }
        if (realizedPnl.signum() != 0) {
            text.append(", realized ").append(signed(realizedPnl));
        }
        text.append(", position ").append(plain(position.quantity())).append(" [").append(order.clientOrderId())
                .append(']');
        notifier.notify(new Notice(Notice.Kind.FILL, text.toString(), fill.time()));
    }

    @Override
    public void orderChanged(StoredOrder order) {
        if (order.phase() != OrderPhase.REJECTED) {
            return;
        }
        if (order.reason().isEmpty()) {
            synchronized (rejected) {
                if (rejected.contains(order.clientOrderId().value())) {
                    return;
                }
            }
            reasonWaits.schedule(() -> tellRejected(order), REASON_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            return;
        }
        tellRejected(order);
    }

    /** Tells a rejection once, with the first version of the order that reaches here. */
    private void tellRejected(StoredOrder order) {
        synchronized (rejected) {
            if (!rejected.add(order.clientOrderId().value())) {
                return;
            }
        }
        notifier.notify(new Notice(Notice.Kind.REJECTED, "Order " + order.clientOrderId() + " ("
                + order.side().name().toLowerCase(Locale.ROOT) + " " + plain(order.quantity()) + " "
                + order.symbol() + ") rejected by " + order.broker() + ": "
                + order.reason().orElse("no reason given"), order.updatedAt()));
    }

    @Override
    public void connectionChanged(String broker, ConnectionEvent event) {
        if (event.connected()) {
            notifier.notify(new Notice(Notice.Kind.BROKER_CONNECTED, broker + " connected: " + event.detail(),
                    event.at()));
        } else if (maintenance.filter(window -> window.contains(event.at())).isPresent()) {
            notifier.notify(new Notice(Notice.Kind.BROKER_RESET_EXPECTED, broker + " disconnected during "
                    + maintenance.get() + ", as expected; tvbridge reconnects by itself (" + event.detail() + ")",
                    event.at()));
        } else {
            notifier.notify(new Notice(Notice.Kind.BROKER_DISCONNECTED, broker + " connection lost: "
                    + event.detail(), event.at()));
        }
    }

    @Override
    public void signalRejected(long signalId, String alert, String reason, boolean riskCheck, Instant at) {
        notifier.notify(new Notice(riskCheck ? Notice.Kind.RISK_BLOCK : Notice.Kind.REJECTED,
                (riskCheck ? "Blocked" : "Rejected") + " signal " + signalId + " (" + alert + "): " + reason, at));
    }

    @Override
    public void pendingReleased(List<Released> released, Instant at) {
        if (released.isEmpty()) {
            return;
        }
        notifier.notify(new Notice(Notice.Kind.PENDING_RELEASED, "Market open: " + released.size()
                + " signal(s) released from the pending queue:\n" + released.stream()
                .map(r -> "signal " + r.signalId() + " " + r.symbol() + ": " + r.outcome())
                .collect(Collectors.joining("\n")), at));
    }

    static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    static String signed(BigDecimal value) {
        return (value.signum() > 0 ? "+" : "") + plain(value);
    }

    /** Stops waiting for reasons; rejections still waiting for theirs are not told. */
    @Override
    public void close() {
        reasonWaits.shutdownNow();
    }
}

package io.tvbridge.core.account.shadow;

import io.tvbridge.core.alert.Alert;
import io.tvbridge.core.model.OrderIds;
import io.tvbridge.core.model.OrderPhase;
import io.tvbridge.core.order.LedgerListener;
import io.tvbridge.core.signal.DecisionListener;
import io.tvbridge.core.signal.DecisionStage;
import io.tvbridge.core.signal.Mirror;
import io.tvbridge.core.store.Store;
import io.tvbridge.core.store.StoredOrder;
import io.tvbridge.core.store.StoredSignal;
import io.tvbridge.core.store.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies every order a leader account decides into its shadow account, as the leader commits
 * them: the shadow's engine stores the copy as a signal of its own ({@code mirror:<leader>:<id>})
 * and places the orders on paper at the prices they carry. A copy is stored once however often it
 * is asked for, so {@link #catchUp} may offer again what a crash may have left uncopied: the
 * leader's orders are committed before they are copied, and a kill -9 between the two is mended
 * at the next start. An order of the leader's that ends cancelled or expired before it filled
 * (a cancel alert, an admin's cancel, the day's end) has its copy cancelled too, so that the
 * shadow's positions stay the leader's.
 */
public final class ShadowMirror implements DecisionListener, LedgerListener {
    private static final Logger log = LoggerFactory.getLogger(ShadowMirror.class);
    /** How far back a start looks for the leader's orders the shadow may not have copied. */
    public static final Duration CATCH_UP = Duration.ofDays(7);

    private final String leader;
    private final String shadowName;
    private final DecisionStage shadow;

    public ShadowMirror(String leader, String shadowName, DecisionStage shadow) {
        this.leader = leader;
        this.shadowName = shadowName;
        this.shadow = shadow;
    }

    @Override
    public void ordersDecided(long signalId, Alert alert, List<StoredOrder> orders, Instant at) {
        copy(signalId, alert, orders);
    }

    /** Registered with the leader's ledger: its orders that end unfilled end in the shadow too. */
    @Override
    public void orderEnded(StoredOrder order) {
        if (endsUnfilled(order)) {
            cancelCopy(order);
        }
    }

    private static boolean endsUnfilled(StoredOrder order) {
        return !order.isBracketChild() && (order.phase() == OrderPhase.CANCELLED || order.phase() == OrderPhase.EXPIRED);
    }

    private CompletableFuture<?> cancelCopy(StoredOrder order) {
        OptionalInt leg = OrderIds.legOf(order.clientOrderId());
        if (leg.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        String reason = leader + "'s order " + order.clientOrderId() + " ended "
                + order.phase().name().toLowerCase(Locale.ROOT);
        return shadow.cancelCopy(leader, order.signalId(), leg.getAsInt(), reason).whenComplete((copy, failure) -> {
            if (failure != null) {
                log.error("shadow {}: the copy of {} could not be cancelled", shadowName, order.clientOrderId(),
                        failure);
            } else {
                copy.ifPresent(cancelled -> log.info("shadow {}: {} cancelled: {}", shadowName,
                        cancelled.clientOrderId(), reason));
            }
        });
    }

    /**
     * Offers the shadow every signal of the leader whose orders were created since {@code since}
     * and that the shadow has not copied yet (those it has are recognised by their alert id).
     * Returns how many were offered.
     */
    public int catchUp(Store leaderStore, Store shadowStore, Instant since) {
        Map<Long, List<StoredOrder>> bySignal = new LinkedHashMap<>();
        leaderStore.inTransaction(session -> session.ordersCreated(new TimeRange(Optional.of(since),
                Optional.empty()))).stream()
                .filter(order -> !order.isBracketChild() && order.phase() != OrderPhase.DRY_RUN)
                .forEach(order -> bySignal.computeIfAbsent(order.signalId(), id -> new ArrayList<>())
                        .add(order));
        int offered = 0;
        List<StoredOrder> ended = new ArrayList<>();
        for (Map.Entry<Long, List<StoredOrder>> entry : bySignal.entrySet()) {
            entry.getValue().stream().filter(ShadowMirror::endsUnfilled).forEach(ended::add);
            long signalId = entry.getKey();
            boolean copied = shadowStore.inTransaction(session -> session.findSignalByAlertId(
                    Mirror.alertId(leader, signalId))).isPresent();
            Optional<StoredSignal> signal = leaderStore.inTransaction(session -> session.findSignal(signalId));
            if (!copied && signal.isPresent()) {
                copy(signalId, signal.get().alert(), entry.getValue()).join();
                offered++;
            }
        }
        if (offered > 0) {
            log.info("shadow {}: copied {} signal(s) of {} the last run had not copied", shadowName, offered, leader);
        }
        // the leader's orders that ended unfilled while the shadow was not told: their copies end too
        ended.forEach(order -> cancelCopy(order).join());
        return offered;
    }

    private CompletableFuture<?> copy(long signalId, Alert alert, List<StoredOrder> orders) {
        List<StoredOrder> parents = orders.stream().filter(order -> !order.isBracketChild()).toList();
        Mirror mirror = new Mirror(leader, signalId, alert, parents.stream().map(StoredOrder::plan).toList());
        return shadow.mirror(mirror).whenComplete((outcome, failure) -> {
            if (failure != null) {
                log.error("shadow {}: the orders of {}'s signal {} could not be copied", shadowName, leader,
                        signalId, failure);
            } else {
                log.debug("shadow {}: {}'s signal {} copied: {}", shadowName, leader, signalId, outcome);
            }
        });
    }
}

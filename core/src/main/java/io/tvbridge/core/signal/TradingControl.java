package io.tvbridge.core.signal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tvbridge.broker.spi.BrokerException;
import io.tvbridge.broker.spi.model.ClientOrderId;
import io.tvbridge.core.ActionRefused;
import io.tvbridge.core.alert.Alert;
import io.tvbridge.core.alert.AlertAction;
import io.tvbridge.core.alert.AlertExits;
import io.tvbridge.core.alert.AlertPrices;
import io.tvbridge.core.alert.AlertSize;
import io.tvbridge.core.alert.AlertTags;
import io.tvbridge.core.model.OrderPhase;
import io.tvbridge.core.model.Outcome;
import io.tvbridge.core.notify.Notice;
import io.tvbridge.core.notify.Notifier;
import io.tvbridge.core.risk.HaltStore;
import io.tvbridge.core.risk.RiskUsage;
import io.tvbridge.core.risk.TradingHalt;
import io.tvbridge.core.routing.BrokerHandle;
import io.tvbridge.core.store.AuditEntry;
import io.tvbridge.core.store.PendingSignal;
import io.tvbridge.core.store.Store;
import io.tvbridge.core.store.StoredOrder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;

/**
 * What an operator does to trading, as the admin API, the CLI and Telegram use it: the kill
 * switch and the pause, flattening every position, starting the day's limits again, and
 * cancelling an order. Each action needs an actor, is audited, and the switches survive
 * restarts and apply between two decisions.
 */
public final class TradingControl {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int COMMENT_LENGTH = 200;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DecisionStage decisions;
    private final Store store;
    private final BrokerHandle broker;
    private final Notifier notifier;
    private final Clock clock;

    public TradingControl(DecisionStage decisions, Store store, BrokerHandle broker, Notifier notifier, Clock clock) {
        this.decisions = decisions;
        this.store = store;
        this.broker = broker;
        this.notifier = notifier;
        this.clock = clock;
    }

    public TradingHalt kill(String actor, String reason) {
        TradingHalt.Switch by = new TradingHalt.Switch(required(actor, "actor"), required(reason, "reason"),
                clock.instant());
        TradingHalt halt = change(current -> current.killed(by), "kill", by.actor(), by.reason());
        notifier.notify(new Notice(Notice.Kind.KILL_SWITCH_ON, "kill switch on, by " + by.actor() + ": "
                + by.reason(), by.since()));
        return halt;
    }

    public TradingHalt pause(String actor, String reason) {
        TradingHalt.Switch by = new TradingHalt.Switch(required(actor, "actor"), required(reason, "reason"),
                clock.instant());
        TradingHalt halt = change(current -> current.paused(by), "pause", by.actor(), by.reason());
        notifier.notify(new Notice(Notice.Kind.PAUSED, "trading paused (exits still pass), by " + by.actor() + ": "
                + by.reason(), by.since()));
        return halt;
    }

    /** Turns both the kill switch and the pause off. */
    public TradingHalt resume(String actor, String reason) {
        String who = required(actor, "actor");
        String why = required(reason, "reason");
        TradingHalt halt = change(current -> TradingHalt.NONE, "resume", who, why);
        notifier.notify(new Notice(Notice.Kind.RESUMED, "trading resumed, by " + who + ": " + why, clock.instant()));
        return halt;
    }

    public TradingHalt current() {
        return decisions.halt();
    }

    /** The signals waiting for their market to open, oldest first. */
    public List<PendingSignal> pending() {
        return decisions.pending();
    }

    /**
     * Takes waiting signals out of the pending queue (those of {@code symbol}, or all); each is
     * rejected with the operator's reason and never ordered. Returns the signal ids cleared.
     */
    public List<Long> clearPending(Optional<String> symbol, String actor, String reason) {
        return await(decisions.clearPending(symbol.map(String::strip).filter(s -> !s.isEmpty()),
                required(actor, "actor"), required(reason, "reason")), "clear the pending queue");
    }

    /**
     * Closes every position the way a {@code close_all} alert does: one signal through the
     * decision stage, so the switches, the checks, the ledger and the audit trail all apply (while
     * the kill switch is on it is refused, unless the kill switch lets exits through).
     */
    public Outcome flatten(String actor, String reason) {
        String who = required(actor, "actor");
        String why = reason == null || reason.isBlank() ? "flatten requested" : reason.strip();
        Instant now = clock.instant();
        Map<String, String> body = new LinkedHashMap<>();
        body.put("action", "close_all");
        body.put("source", "admin");
        body.put("actor", who);
        body.put("reason", why);
        String payload = json(body);
        Alert alert = new Alert(AlertAction.CLOSE_ALL, Optional.empty(), AlertSize.UNSIZED,
                AlertPrices.market(Optional.empty()), AlertExits.NONE,
                AlertTags.own("flatten-" + now.toEpochMilli(), now, cut("flatten by " + who + ": " + why, COMMENT_LENGTH)),
                false);
        SignalCandidate candidate = new SignalCandidate(alert, SignalService.sha256(payload), payload,
                Optional.of("application/json"), Optional.of(cut("admin:" + who, 100)), now);
        Outcome outcome = await(decisions.decide(candidate), "flatten");
        audit(new AuditEntry(now, who, "trading.flatten", why + " -> " + describe(outcome)));
        return outcome;
    }

    /** Starts the day's counters (orders, entries, realized profit and commissions) again from now. */
    public RiskUsage resetLimits(String actor, String reason) {
        String who = required(actor, "actor");
        String why = reason == null || reason.isBlank() ? "limits reset" : reason.strip();
        return await(decisions.resetLimits(new AuditEntry(clock.instant(), who, "limits.reset", why)), "reset limits");
    }

    /**
     * Asks the broker to cancel a working order; its confirmation arrives as a cancelled update.
     *
     * @throws ActionRefused NOT_FOUND for an unknown order, CONFLICT for one that is no longer
     *     working or not sent yet, UNAVAILABLE when the broker cannot be reached
     */
    public StoredOrder cancel(ClientOrderId id, String actor, String reason) {
        String who = required(actor, "actor");
        StoredOrder order = store.inTransaction(session -> session.findOrder(id)).orElseThrow(() ->
                new ActionRefused(ActionRefused.Kind.NOT_FOUND, "there is no order " + id));
        if (order.phase().isTerminal()) {
            throw new ActionRefused(ActionRefused.Kind.CONFLICT, "order " + id + " is "
                    + order.phase().name().toLowerCase(Locale.ROOT) + " already; there is nothing to cancel");
        }
        if (order.phase() == OrderPhase.NEW || !order.broker().equals(broker.name())) {
            throw new ActionRefused(ActionRefused.Kind.CONFLICT, "order " + id + " has not reached the "
                    + broker.name() + " broker yet; cancel it once it has");
        }
        try {
            broker.broker().cancel(id);
        } catch (BrokerException e) {
            throw new ActionRefused(e.retryable() ? ActionRefused.Kind.UNAVAILABLE : ActionRefused.Kind.CONFLICT,
                    "the " + broker.name() + " broker did not take the cancel: " + e.getMessage(), e);
        }
        audit(new AuditEntry(clock.instant(), who, "order.cancel_requested", id + (reason == null
                || reason.isBlank() ? "" : ": " + reason.strip())));
        return order;
    }

    private TradingHalt change(UnaryOperator<TradingHalt> change, String action, String actor, String reason) {
        return await(decisions.changeHalt(change, new AuditEntry(clock.instant(), actor, "trading." + action, reason),
                session -> HaltStore.save(session, decisions.halt())), action);
    }

    private void audit(AuditEntry entry) {
        store.inTransaction(session -> {
            session.audit(entry);
            return null;
        });
    }

    private static <T> T await(CompletableFuture<T> future, String action) {
        try {
            return future.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new ActionRefused(ActionRefused.Kind.UNAVAILABLE, "could not " + action + ": "
                    + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new ActionRefused(ActionRefused.Kind.UNAVAILABLE, "could not " + action + " within "
                    + WAIT.toSeconds() + " s; the decision stage is busy or stuck", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ActionRefused(ActionRefused.Kind.UNAVAILABLE, "interrupted while trying to " + action, e);
        }
    }

    private static String describe(Outcome outcome) {
        if (outcome instanceof Outcome.Decided decided) {
            return "signal " + decided.signalId() + " " + decided.decision().wireName()
                    + decided.reason().map(r -> ": " + r).orElse("") + (decided.orders().isEmpty() ? ""
                    : " " + decided.orders());
        }
        if (outcome instanceof Outcome.Duplicate duplicate) {
            return "duplicate of signal " + duplicate.signalId();
        }
        if (outcome instanceof Outcome.Unavailable unavailable) {
            return "not stored: " + unavailable.message();
        }
        return outcome.toString();
    }

    /** A flat JSON object of strings, as the stored payload of an operator's signal. */
    private static String json(Map<String, String> fields) {
        try {
            return JSON.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings is always JSON", e);
        }
    }

    private static String cut(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length);
    }

    private static String required(String text, String name) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("the " + name + " is required");
        }
        return Objects.requireNonNull(text).strip();
    }
}

package io.tvbridge.core.signal;

import io.tvbridge.core.concurrent.Timers;
import io.tvbridge.core.alert.Alert;
import io.tvbridge.core.concurrent.BatchWorker;
import io.tvbridge.core.model.Decision;
import io.tvbridge.core.model.Outcome;
import io.tvbridge.core.settings.RiskSettings;
import io.tvbridge.core.store.Store;
import io.tvbridge.core.store.StoreSession;
import io.tvbridge.core.store.StoredSignal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The webhook's way in on an instance that does not trade (a standby on a shared database): the
 * checked alert is stored, undecided, in the signals and the inbox, and the instance that trades
 * decides it (see {@link InboxFeed}). One thread stores them, the alerts that arrived together in
 * one transaction, as the engine does. The answer waits up to
 * {@link #ANSWER_WAIT} for that decision and gives it; when it is not ready by then the answer
 * says {@code stored}, with the signal id under which {@code /admin/signals} shows the decision.
 *
 * <p>A resend is recognised here as on the trading instance: by its alert id (which the database
 * keeps unique across instances) or by an identical body within the duplicate window. Two
 * identical bodies arriving at two instances at once are both stored; the trading instance
 * decides the second as a resend of the first.
 */
public final class StandbyIntake implements SignalIntake, AutoCloseable {
    /** How long an answer waits for the trading instance's decision before it says {@code stored}. */
    public static final Duration ANSWER_WAIT = Duration.ofSeconds(1);
    private static final Duration LOOK_EVERY = Duration.ofMillis(10);
    private static final int MAX_BATCH = 256;
    private static final Logger log = LoggerFactory.getLogger(StandbyIntake.class);

    private final Store store;
    private final String instance;
    private final Supplier<RiskSettings> settings;
    private final Duration duplicateWindow;
    private final Clock clock;
    private final Map<Long, Waiting> waiting = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer;
    private final BatchWorker<Arrival> writer;

    private record Waiting(CompletableFuture<Outcome> answer, long until, boolean dryRun) {
    }

    /** An alert to store, and the answer of its webhook once it is stored (or found to be a resend). */
    private record Arrival(SignalCandidate candidate, boolean dryRun, CompletableFuture<Outcome> stored) {
    }

    public StandbyIntake(Store store, String instance, Supplier<RiskSettings> settings, Duration duplicateWindow,
                         Clock clock) {
        this.store = store;
        this.instance = instance;
        this.settings = settings;
        this.duplicateWindow = duplicateWindow;
        this.clock = clock;
        this.timer = Timers.single("tvbridge-standby-answers");
        timer.scheduleWithFixedDelay(this::lookForDecisions, LOOK_EVERY.toMillis(), LOOK_EVERY.toMillis(),
                TimeUnit.MILLISECONDS);
        this.writer = new BatchWorker<>("tvbridge-standby-store", MAX_BATCH, this::storeAll).start();
    }

    @Override
    public CompletableFuture<Outcome> decide(SignalCandidate candidate) {
        Arrival task = new Arrival(candidate, settings.get().dryRun(), new CompletableFuture<>());
        if (!writer.offer(task)) {
            return CompletableFuture.completedFuture(new Outcome.Unavailable(
                    "tvbridge is shutting down; the alert was not stored"));
        }
        return task.stored().thenCompose(outcome -> {
            if (!(outcome instanceof Outcome.Decided decided)) {
                return CompletableFuture.completedFuture(outcome);
            }
            CompletableFuture<Outcome> answer = new CompletableFuture<>();
            waiting.put(decided.signalId(), new Waiting(answer, System.nanoTime() + ANSWER_WAIT.toNanos(),
                    task.dryRun()));
            return answer;
        });
    }

    /**
     * Stores a batch in one transaction. When it fails (another instance stored the same alert id a
     * moment ago, and the database's unique key refused it; or the database), each alert is stored
     * again alone, so that one alert's trouble is its own.
     */
    private void storeAll(List<Arrival> batch) {
        try {
            List<Outcome> outcomes = store.inTransaction(session -> {
                Iterator<Long> next = session.nextSignalIds(batch.size()).iterator();
                return batch.stream().map(task -> store(session, task.candidate(), task.dryRun(), next)).toList();
            });
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).stored().complete(outcomes.get(i));
            }
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                Arrival task = batch.get(0);
                task.stored().complete(task.candidate().alert().alertId().flatMap(this::storedWithAlertId)
                        .orElseGet(() -> {
                            log.error("could not store an alert for the trading instance: {}", e.getMessage());
                            return new Outcome.Unavailable(
                                    "the alert could not be stored (database error); nothing was ordered");
                        }));
                return;
            }
            batch.forEach(task -> storeAll(List.of(task)));
        }
    }

    /** Stores the signal undecided, or answers that it is a resend. */
    private Outcome store(StoreSession session, SignalCandidate candidate, boolean dryRun,
                          Iterator<Long> ids) {
        Instant now = clock.instant();
        Optional<String> alertId = candidate.alert().alertId();
        Optional<Long> earlier = alertId.isPresent()
                ? session.findSignalByAlertId(alertId.get()).map(StoredSignal::id)
                : session.signalWithBody(candidate.bodyHash(), candidate.receivedAt().minus(duplicateWindow));
        if (earlier.isPresent()) {
            session.recordDuplicate(earlier.get(), now);
            String reason = alertId.map(id -> "alert_id '" + id + "' was already received as signal " + earlier.get())
                    .orElse("the same alert arrived within " + duplicateWindow.toSeconds() + " s as signal "
                            + earlier.get() + " (identical alerts within that time are taken as resends)");
            log.info("signal={} received again: {}", earlier.get(), reason);
            return new Outcome.Duplicate(earlier.get(), session.answeredOrderIds(earlier.get()), reason + "; nothing new was"
                    + " ordered");
        }
        long id = ids.next();   // an id left over by a resend is a gap, never a repeat
        session.insertSignal(new StoredSignal(id, candidate.receivedAt(), candidate.bodyHash(),
                candidate.sourceAddress(), candidate.contentType(), candidate.payload(), candidate.alert(),
                Decision.STORED, Optional.of(storedReason()), now, 0, dryRun));
        session.addToInbox(id, candidate.receivedAt(), instance);
        log.info("signal={} stored for the trading instance to decide", id);
        return new Outcome.Decided(id, Decision.STORED, Optional.of(storedReason()), List.of(), dryRun);
    }

    private String storedReason() {
        return "stored by instance " + instance + "; the instance that trades decides it";
    }

    private Optional<Outcome> storedWithAlertId(String alertId) {
        try {
            return store.inTransaction(session -> session.findSignalByAlertId(alertId).map(signal ->
                    new Outcome.Duplicate(signal.id(), session.answeredOrderIds(signal.id()), "alert_id '" + alertId
                            + "' was already received as signal " + signal.id() + "; nothing new was ordered")));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Answers the waiting webhooks whose signals were decided, and those that waited long enough. */
    private void lookForDecisions() {
        if (waiting.isEmpty()) {
            return;
        }
        try (StoreSession session = store.open()) {
            for (StoredSignal signal : session.decidedAmong(Map.copyOf(waiting).keySet())) {
                Waiting answer = waiting.remove(signal.id());
                if (answer != null) {
                    answer.answer().complete(new Outcome.Decided(signal.id(), signal.decision(), signal.reason(),
                            session.answeredOrderIds(signal.id()), signal.dryRun()));
                }
            }
            session.commit();
        } catch (RuntimeException e) {
            log.warn("cannot look for the trading instance's decisions: {}", e.getMessage());
        }
        long now = System.nanoTime();
        waiting.forEach((id, answer) -> {
            if (now - answer.until() >= 0 && waiting.remove(id, answer)) {
                answer.answer().complete(notDecidedYet(id, answer));
            }
        });
    }

    private Outcome notDecidedYet(long id, Waiting answer) {
        return new Outcome.Decided(id, Decision.STORED, Optional.of(storedReason() + " (not decided within "
                + ANSWER_WAIT.toMillis() + " ms; GET /admin/signals?status=stored lists those still waiting)"),
                List.of(), answer.dryRun());
    }

    @Override
    public RiskSettings settings() {
        return settings.get();
    }

    /** An instance that does not trade has no account to plan against: the explain tool runs on the one that does. */
    @Override
    public CompletableFuture<Plan> preview(Alert alert) {
        return CompletableFuture.failedFuture(new IllegalStateException(
                "this instance does not trade; ask the instance that does"));
    }

    @Override
    public void close() {
        writer.close();   // what is queued is stored and told first
        timer.shutdownNow();
        // each of them is stored: its answer says so (a 5xx would ask for a resend)
        waiting.forEach((id, answer) -> answer.answer().complete(notDecidedYet(id, answer)));
    }
}

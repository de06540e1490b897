package io.tvbridge.core.signal;

import io.tvbridge.core.concurrent.Timers;
import io.tvbridge.broker.spi.model.InstrumentRef;
import io.tvbridge.core.store.Store;
import io.tvbridge.core.store.StoreSession;
import io.tvbridge.core.store.StoredSignal;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the signals other instances stored to the engine of the instance that trades: it looks at
 * the inbox every {@link #EVERY} and hands each stored signal, oldest first, to the
 * {@link DecisionStage}, which decides it in its place among the webhooks of its own. A signal is
 * handed once until its decision is committed; handed twice all the same (a look that overlapped
 * that commit), it is not decided twice: the decision is recorded only over "stored".
 */
public final class InboxFeed implements AutoCloseable {
    /** How often the inbox is read: the most a stored signal waits before the engine sees it. */
    public static final Duration EVERY = Duration.ofMillis(20);
    private static final int BATCH = 256;
    private static final Logger log = LoggerFactory.getLogger(InboxFeed.class);

    private final Store store;
    private final DecisionStage decisions;
    private final Consumer<InstrumentRef> prepare;
    private final Set<Long> handed = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer;
    private String failing = "";

    private InboxFeed(Store store, DecisionStage decisions, Consumer<InstrumentRef> prepare) {
        this.store = store;
        this.decisions = decisions;
        this.prepare = prepare;
        this.timer = Timers.single("tvbridge-inbox");
    }

    /**
     * Starts looking at the inbox now, and every {@link #EVERY} after; {@code prepare} readies a
     * signal's instrument for the engine before it is handed over, as the webhook does for its own.
     */
    public static InboxFeed start(Store store, DecisionStage decisions, Consumer<InstrumentRef> prepare) {
        InboxFeed feed = new InboxFeed(store, decisions, prepare);
        feed.timer.scheduleWithFixedDelay(feed::look, 0, EVERY.toMillis(), TimeUnit.MILLISECONDS);
        return feed;
    }

    private void look() {
        List<StoredSignal> arrived;
        try (StoreSession session = store.open()) {
            // the ids first: under load most of them are with the engine already, and their rows are not read again
            Set<Long> fresh = new LinkedHashSet<>(session.inbox(BATCH));
            fresh.removeAll(handed);
            arrived = session.signalsAmong(fresh);
            session.commit();
        } catch (RuntimeException e) {
            String message = String.valueOf(e.getMessage());
            if (!message.equals(failing)) {
                log.warn("cannot read the inbox of stored signals ({}); trying again", message);
                failing = message;
            }
            return;
        }
        failing = "";
        for (StoredSignal signal : arrived) {
            if (handed.add(signal.id())) {
                signal.alert().instrument().ifPresent(prepare);
                decisions.decideStored(signal).whenComplete((outcome, failure) -> handed.remove(signal.id()));
            }
        }
    }

    /** The number of stored signals handed to the engine and not decided yet. */
    public int inFlight() {
        return handed.size();
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

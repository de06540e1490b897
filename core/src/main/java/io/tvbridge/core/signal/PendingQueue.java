package io.tvbridge.core.signal;

import io.tvbridge.broker.spi.model.InstrumentRef;
import io.tvbridge.core.alert.Alert;
import io.tvbridge.core.alert.AlertDialects;
import io.tvbridge.core.alert.AlertProblem;
import io.tvbridge.core.calendar.TradingHours;
import io.tvbridge.core.store.PendingSignal;
import io.tvbridge.core.store.StoreSession;
import io.tvbridge.core.store.StoredSignal;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The signals waiting for their market to open, oldest first. The engine loop owns it: it adds
 * a queued signal, takes out those whose market is open and those an operator clears, and
 * publishes the list and when to look again, which any thread may read. What a released signal
 * becomes is the loop's to decide.
 */
final class PendingQueue {
    private static final Logger log = LoggerFactory.getLogger(PendingQueue.class);

    private final TradingHours hours;
    private final List<PendingSignal> waiting = new ArrayList<>();
    private volatile List<PendingSignal> published = List.of();
    private volatile Instant nextRelease = Instant.MAX;
    private boolean changed;

    PendingQueue(TradingHours hours) {
        this.hours = hours;
    }

    /** Starts again from the waiting signals the store holds (at start, after a failed commit). */
    void load(List<PendingSignal> stored, Instant now) {
        waiting.clear();
        waiting.addAll(stored);
        publish(now);
    }

    void add(PendingSignal entry) {
        waiting.add(entry);
        changed = true;
    }

    boolean isEmpty() {
        return waiting.isEmpty();
    }

    /** Whether a signal of {@code symbol} waits: a new one for it must not overtake it. */
    boolean holds(String symbol) {
        return waiting.stream().anyMatch(entry -> entry.symbol().equals(symbol));
    }

    /** The waiting signals whose market is open at {@code now}, taken out of the queue. */
    List<PendingSignal> takeDue(Instant now) {
        List<PendingSignal> due = waiting.stream().filter(entry -> hours.isOpen(entry.symbol(), entry.assetClass(),
                now, entry.outsideRegularHours())).toList();
        if (!due.isEmpty()) {
            waiting.removeAll(due);
            changed = true;
        }
        return due;
    }

    /** The waiting signals of {@code symbol} (ignoring case), or all, taken out of the queue. */
    List<PendingSignal> take(Optional<String> symbol) {
        List<PendingSignal> taken = waiting.stream()
                .filter(entry -> symbol.isEmpty() || symbol.get().equalsIgnoreCase(entry.symbol())).toList();
        waiting.removeAll(taken);
        changed = true;
        return taken;
    }

    /** Publishes the list and the next release if the queue changed since it last did. */
    void publishChanges(Instant now) {
        if (changed) {
            publish(now);
        }
    }

    /**
     * Publishes the list, and when to look again: the earliest open of a market a waiting signal
     * is for (or its own release time, when that is later).
     */
    void publish(Instant now) {
        changed = false;
        published = List.copyOf(waiting);
        nextRelease = waiting.stream().map(entry -> entry.releaseAt().isAfter(now) ? entry.releaseAt()
                : hours.nextOpen(new InstrumentRef(entry.symbol(), Optional.empty(), Optional.of(entry.assetClass())),
                        now, entry.outsideRegularHours())).min(Instant::compareTo).orElse(Instant.MAX);
    }

    /** Makes the next look come at once (the settings, and with them the hours, may have changed). */
    void lookAgainAt(Instant now) {
        nextRelease = now;
    }

    /**
     * Whether it is time to look at the queue (any thread): something waits and its release
     * time has come. Answers true once per release time.
     */
    boolean dueAt(Instant now) {
        if (published.isEmpty() || now.isBefore(nextRelease)) {
            return false;
        }
        nextRelease = Instant.MAX;   // the loop's publish sets the next one
        return true;
    }

    /** The waiting signals as last published, oldest first (any thread). */
    List<PendingSignal> published() {
        return published;
    }

    /** When the queue is next released, as last published; empty while nothing waits (any thread). */
    Optional<Instant> nextRelease() {
        Instant next = nextRelease;
        return published.isEmpty() || next.equals(Instant.MAX) ? Optional.empty() : Optional.of(next);
    }

    /** The alert a waiting signal holds, read again from its stored message, to be decided at the open. */
    static Optional<Alert> storedAlert(StoreSession session, long signalId) {
        return session.findSignal(signalId).flatMap(PendingQueue::alertOf);
    }

    /**
     * A stored signal's alert read again from its message, with every field the reader gives (the
     * row's columns hold the main ones only); empty, and said in the log, when it cannot be read.
     */
    static Optional<Alert> alertOf(StoredSignal signal) {
        try {
            // a JSON array stores the whole message with each of its orders: take the one this row holds
            List<Alert> alerts = AlertDialects.read(signal.payload().getBytes(StandardCharsets.UTF_8)).alerts();
            return alerts.size() == 1 ? Optional.of(alerts.get(0))
                    : alerts.stream().filter(alert -> sameOrder(alert, signal.alert())).findFirst();
        } catch (AlertProblem e) {
            log.error("signal={} cannot be read again from its stored message: {}", signal.id(), e.getMessage());
            return Optional.empty();
        }
    }

    /** Whether a message's alert is the one a signal row holds: the same action, symbol, size and target. */
    private static boolean sameOrder(Alert read, Alert stored) {
        return read.action() == stored.action() && read.symbol().equals(stored.symbol())
                && read.quantity().map(BigDecimal::stripTrailingZeros).equals(stored.quantity()
                .map(BigDecimal::stripTrailingZeros)) && read.targetPosition().map(BigDecimal::stripTrailingZeros)
                .equals(stored.targetPosition().map(BigDecimal::stripTrailingZeros));
    }
}

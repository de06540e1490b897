package io.tvbridge.core.signal;

import io.tvbridge.core.store.SignalKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Recognises an alert sent again without asking the store: by its alert id (every one ever
 * stored), or by an identical body inside the duplicate window. It holds what the decision
 * loop wrote, so the loop never reads a row back to decide; it is loaded from the rows at
 * start. Owned by the decision thread.
 */
final class DuplicateFilter {
    /** The signal an alert repeats. */
    record Earlier(long signalId, Instant receivedAt) {
    }

    private record Body(String hash, Earlier earlier) {
    }

    private final Duration window;
    private final Map<String, Earlier> byAlertId = new HashMap<>();
    private final Map<String, Earlier> byBody = new HashMap<>();
    /** The bodies in arrival order, to forget them once they leave the window. */
    private final Deque<Body> bodies = new ArrayDeque<>();

    DuplicateFilter(Duration window) {
        this.window = window;
    }

    /** Forgets everything and learns the stored keys (oldest first). */
    void load(List<SignalKey> keys) {
        byAlertId.clear();
        byBody.clear();
        bodies.clear();
        for (SignalKey key : keys) {
            remember(key.alertId(), key.bodyHash(), key.signalId(), key.receivedAt());
        }
    }

    /** Where the bodies of the window start, for loading: signals received before it are known by alert id only. */
    Instant bodiesSince(Instant now) {
        return now.minus(window);
    }

    Optional<Earlier> byAlertId(String alertId) {
        return Optional.ofNullable(byAlertId.get(alertId));
    }

    /** The latest signal with this body received within the window before {@code receivedAt}. */
    Optional<Earlier> byBody(String hash, Instant receivedAt) {
        if (window.isZero()) {
            return Optional.empty();
        }
        forgetBefore(receivedAt.minus(window));
        Earlier earlier = byBody.get(hash);
        return earlier == null || earlier.receivedAt().isBefore(receivedAt.minus(window)) ? Optional.empty()
                : Optional.of(earlier);
    }

    /** A signal was stored: a later alert with its id, or with its body inside the window, repeats it. */
    void remember(Optional<String> alertId, String hash, long signalId, Instant receivedAt) {
        Earlier earlier = new Earlier(signalId, receivedAt);
        alertId.ifPresent(id -> byAlertId.put(id, earlier));
        if (!window.isZero()) {
            byBody.put(hash, earlier);
            bodies.addLast(new Body(hash, earlier));
        }
    }

    private void forgetBefore(Instant start) {
        while (!bodies.isEmpty() && bodies.peekFirst().earlier().receivedAt().isBefore(start)) {
            Body old = bodies.removeFirst();
            byBody.remove(old.hash(), old.earlier());
        }
    }
}

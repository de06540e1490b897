package io.tvbridge.core.store;

import io.tvbridge.broker.spi.model.AssetClass;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A signal in the pending queue: it arrived while its market was closed and waits for the open
 * ({@code releaseAt}, as the calendar said when it arrived), then is decided like a new signal.
 */
public record PendingSignal(long signalId, String symbol, AssetClass assetClass, boolean outsideRegularHours,
                            Instant queuedAt, Instant releaseAt, State state, Optional<Instant> endedAt,
                            Optional<String> endedBy, Optional<String> note) {

    public enum State {
        /** Waiting for its market to open. */
        WAITING,
        /** Decided at the open; the signal holds the decision. */
        RELEASED,
        /** Taken out of the queue by an operator; never ordered. */
        CLEARED
    }

    public PendingSignal {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(assetClass, "assetClass");
        Objects.requireNonNull(queuedAt, "queuedAt");
        Objects.requireNonNull(releaseAt, "releaseAt");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(endedAt, "endedAt");
        Objects.requireNonNull(endedBy, "endedBy");
        Objects.requireNonNull(note, "note");
    }

    public static PendingSignal waiting(long signalId, String symbol, AssetClass assetClass,
                                        boolean outsideRegularHours, Instant queuedAt, Instant releaseAt) {
        return new PendingSignal(signalId, symbol, assetClass, outsideRegularHours, queuedAt, releaseAt,
                State.WAITING, Optional.empty(), Optional.empty(), Optional.empty());
    }
}

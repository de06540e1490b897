package io.tvbridge.core.signal;

import io.tvbridge.core.alert.Alert;
import io.tvbridge.core.model.Outcome;
import io.tvbridge.core.settings.RiskSettings;
import io.tvbridge.core.settings.SizingRule;
import java.util.concurrent.CompletableFuture;

/**
 * Where the webhook hands a checked alert: the engine of the instance that trades
 * ({@link DecisionStage}), or, on an instance that does not, the shared database for the one that
 * trades to decide ({@link StandbyIntake}).
 */
public interface SignalIntake {

    /** Stores the signal; the future completes with what became of it once that is on disk. */
    CompletableFuture<Outcome> decide(SignalCandidate candidate);

    /** The settings alerts are checked against before they are handed over. */
    RiskSettings settings();

    /**
     * Whether {@code alert} must give its quantity, because its strategy is sized by the alert's
     * quantity: then an alert without one is refused before it is stored.
     */
    default boolean needsQuantity(Alert alert) {
        return settings().sizingFor(alert.strategy()).mode() == SizingRule.Mode.QUANTITY;
    }

    /** What {@code alert} would become now, storing nothing (the explain tool). */
    CompletableFuture<Plan> preview(Alert alert);
}

package io.tvbridge.core.signal;

import io.tvbridge.core.risk.HaltStore;
import io.tvbridge.core.risk.TradingHalt;
import io.tvbridge.core.store.AuditEntry;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.function.UnaryOperator;

/**
 * The kill switch and the pause, as the admin API, the CLI and Telegram use them. Each change
 * needs an actor and a reason, is audited, survives restarts, and applies between two
 * decisions.
 */
public final class TradingControl {
    private final DecisionStage decisions;
    private final Clock clock;

    public TradingControl(DecisionStage decisions, Clock clock) {
        this.decisions = decisions;
        this.clock = clock;
    }

    public TradingHalt kill(String actor, String reason) {
        TradingHalt.Switch by = new TradingHalt.Switch(required(actor, "actor"), required(reason, "reason"),
                clock.instant());
        return change(halt -> halt.killed(by), "kill", actor, reason);
    }

    public TradingHalt pause(String actor, String reason) {
        TradingHalt.Switch by = new TradingHalt.Switch(required(actor, "actor"), required(reason, "reason"),
                clock.instant());
        return change(halt -> halt.paused(by), "pause", actor, reason);
    }

    /** Turns both the kill switch and the pause off. */
    public TradingHalt resume(String actor, String reason) {
        required(actor, "actor");
        required(reason, "reason");
        return change(halt -> TradingHalt.NONE, "resume", actor, reason);
    }

    public TradingHalt current() {
        return decisions.halt();
    }

    private TradingHalt change(UnaryOperator<TradingHalt> change, String action, String actor,
                               String reason) {
        try {
            return decisions.changeHalt(change, new AuditEntry(clock.instant(), actor, "trading." + action, reason),
                    session -> HaltStore.save(session, decisions.halt())).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not " + action + ": " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while trying to " + action, e);
        }
    }

    private static String required(String text, String name) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("the " + name + " is required");
        }
        return Objects.requireNonNull(text).strip();
    }
}

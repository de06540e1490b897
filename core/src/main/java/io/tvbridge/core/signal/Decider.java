package io.tvbridge.core.signal;

import io.tvbridge.core.alert.Alert;
import io.tvbridge.core.model.Decision;
import io.tvbridge.core.risk.ExitPrices;
import io.tvbridge.core.risk.RiskEngine;
import io.tvbridge.core.risk.RiskState;
import io.tvbridge.core.risk.SizingRefused;
import io.tvbridge.core.risk.TradingHalt;
import io.tvbridge.core.settings.RiskSettings;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What an alert becomes against the account as it stands: the orders it asks for, sized, and
 * every risk check over them, each leg of a plan against the state the legs before it leave.
 * A function of its arguments: it reads the state and changes nothing, so the same account,
 * alert, settings and time give the same verdict (and the table tests need no thread, store
 * or daemon).
 */
public final class Decider {
    /** The plan, and whether a refusal came from a risk check (rather than from planning or sizing). */
    public record Verdict(Plan plan, boolean refusedByRisk) {
        public Verdict {
            Objects.requireNonNull(plan, "plan");
        }
    }

    private final OrderPlanner planner;
    private final RiskEngine risk;

    public Decider(OrderPlanner planner, RiskEngine risk) {
        this.planner = planner;
        this.risk = risk;
    }

    public Verdict decide(Alert given, RiskState account, RiskSettings settings, TradingHalt halt,
                          Optional<String> breakerOpen, Instant now) {
        Alert alert;
        try {
            alert = ExitPrices.resolve(given, settings, account);   // exits given as distances become prices
        } catch (SizingRefused refused) {
            return new Verdict(Plan.reject("exits: " + refused.getMessage()), false);
        }
        Plan plan = planner.plan(alert, account, settings);
        if (plan.decision() != Decision.ACCEPTED) {
            return new Verdict(plan, false);
        }
        if (!alert.action().places()) {
            // a cancel places nothing for the checks to weigh; while killed, alerts change no order at all
            return halt.kill().map(k -> new Verdict(Plan.reject("kill_switch: kill switch is on (" + k.describe()
                    + "); alerts cancel no orders meanwhile: cancel with 'tvbridge orders cancel' or on the dashboard"),
                    true)).orElseGet(() -> new Verdict(plan, false));
        }
        Optional<String> refusal = risk.refuse(alert, plan.orders(), settings, account, halt, breakerOpen, now);
        return refusal.map(reason -> new Verdict(Plan.reject(reason), true)).orElseGet(() -> new Verdict(plan, false));
    }

    /**
     * Whether an alert goes ahead of entries in a batch, given the position {@code held} in its
     * symbol: closes, sells, cancels, a buy that covers a short, a target nearer to flat or across it.
     * Alerts of one symbol keep their arrival order whatever this says.
     */
    public static boolean goesFirst(Alert alert, BigDecimal held) {
        return switch (alert.action()) {
            case SELL, CLOSE, CLOSE_ALL, CLOSE_LONG, CLOSE_SHORT, CANCEL -> true;
            case BUY -> held.signum() < 0;
            case TARGET -> {
                BigDecimal target = alert.targetPosition().orElseThrow();
                yield target.abs().compareTo(held.abs()) < 0 || target.signum() * held.signum() < 0;
            }
        };
    }

    /** Whether the alert is too old to trade, by its own time ({@code max_signal_age}). */
    public Optional<String> stale(Alert alert, RiskSettings settings, Instant now) {
        return risk.stale(alert, settings, now);
    }
}

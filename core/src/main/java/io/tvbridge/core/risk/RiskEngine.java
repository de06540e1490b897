package io.tvbridge.core.risk;

import io.tvbridge.broker.spi.model.ClientOrderId;
import io.tvbridge.core.alert.Alert;
import io.tvbridge.core.model.PlannedOrder;
import io.tvbridge.core.settings.RiskSettings;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Runs every check over the orders a signal planned; the first refusal rejects the whole
 * signal with the check's name and its numbers. Also refuses signals too old to trade.
 */
public final class RiskEngine {
    private final List<RiskCheck> checks;

    public RiskEngine(List<RiskCheck> checks) {
        this.checks = List.copyOf(checks);
    }

    public static RiskEngine standard() {
        return new RiskEngine(RiskChecks.all());
    }

    /** A signal whose own time is older than the allowed age is not traded late. */
    public Optional<String> stale(Alert alert, RiskSettings settings, Instant now) {
        if (settings.maxSignalAgeSeconds() == 0 || alert.time().isEmpty()) {
            return Optional.empty();
        }
        Duration age = Duration.between(alert.time().get(), now);
        if (age.toSeconds() <= settings.maxSignalAgeSeconds()) {
            return Optional.empty();
        }
        return Optional.of("stale: the alert's time " + alert.time().get() + " is " + age.toSeconds()
                + " s old, the limit is " + settings.maxSignalAgeSeconds() + " s (max_signal_age)");
    }

    /**
     * The first refusal among the checks, over each planned order in turn. Each leg is checked
     * against the state the legs before it leave (a reversal's opening leg sees the position its
     * closing leg leaves), so a plan is refused whole when any step of it breaks a limit.
     */
    public Optional<String> refuse(Alert alert, List<PlannedOrder> orders, RiskSettings settings, RiskState state,
                                   TradingHalt halt, Optional<String> breakerOpen, Instant now) {
        RiskState view = state;
        for (int leg = 0; leg < orders.size(); leg++) {
            PlannedOrder order = orders.get(leg);
            Optional<BigDecimal> price = order.referencePrice().or(() -> state.price(order.instrument().symbol()));
            CheckContext context = new CheckContext(alert, order, order.opens(), price, settings, view, halt,
                    breakerOpen, now);
            for (RiskCheck check : checks) {
                Optional<String> refusal = check.refuse(context);
                if (refusal.isPresent()) {
                    return Optional.of(check.name() + ": " + refusal.get()
                            + (orders.size() > 1 ? " (step " + (leg + 1) + " of " + orders.size() + " of the plan)" : ""));
                }
            }
            if (leg + 1 < orders.size()) {
                view = view == state ? state.copy() : view;
                view.assume(ClientOrderId.of("planned-leg-" + (leg + 1)), order, price, now);
            }
        }
        return Optional.empty();
    }
}

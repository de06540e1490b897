package io.tvbridge.core.account.routes;

import io.tvbridge.broker.spi.model.InstrumentRef;
import io.tvbridge.core.account.AccountName;
import io.tvbridge.core.alert.Alert;
import io.tvbridge.core.alert.AlertProblem;
import io.tvbridge.core.model.Decision;
import io.tvbridge.core.model.Outcome;
import io.tvbridge.core.model.PlannedOrder;
import io.tvbridge.core.settings.RiskSettings;
import io.tvbridge.core.signal.Plan;
import io.tvbridge.core.signal.SignalCandidate;
import io.tvbridge.core.signal.SignalIntake;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The webhook's way in on a daemon of several accounts: each checked alert goes to the accounts
 * its routes (or its own {@code "account"}) name, each of which stores and decides it on its own;
 * the answer says what became of it in each. An alert routed nowhere is refused before anything
 * is stored, with the reason. A daemon of one account ({@code BROKER=…}) routes too, so that an
 * alert naming another account is refused, and answers as it always has, without the accounts.
 */
public final class AccountRouter implements SignalIntake {

    /** One account's engine, and how it readies an alert's instrument before deciding it. */
    public record Desk(AccountName name, SignalIntake intake, Consumer<InstrumentRef> prepare) {
        public Desk {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(intake, "intake");
            Objects.requireNonNull(prepare, "prepare");
        }
    }

    private final Map<AccountName, Desk> desks = new LinkedHashMap<>();
    /** Each shadow's leader: an alert routed to both is decided by the leader, and the shadow copies its orders. */
    private final Map<AccountName, AccountName> leaders;
    private final Routes routes;
    /** Whether answers name the accounts ({@code ACCOUNTS=…}), rather than being the one account's own. */
    private final boolean named;

    public AccountRouter(List<Desk> desks, Routes routes, boolean named) {
        this(desks, Map.of(), routes, named);
    }

    public AccountRouter(List<Desk> desks, Map<AccountName, AccountName> leaders, Routes routes, boolean named) {
        desks.forEach(desk -> this.desks.put(desk.name(), desk));
        this.leaders = Map.copyOf(leaders);
        this.routes = Objects.requireNonNull(routes, "routes");
        this.named = named;
        if (desks.isEmpty()) {
            throw new IllegalArgumentException("a router needs at least one account");
        }
        if (!named && desks.size() > 1) {
            throw new IllegalArgumentException("answers name the accounts when there are several");
        }
    }

    @Override
    public CompletableFuture<Outcome> decide(SignalCandidate candidate) {
        Route route = routes.route(candidate.alert());
        if (route instanceof Route.Refused refused) {
            return CompletableFuture.completedFuture(new Outcome.Refused(AlertProblem.Kind.INVALID,
                    Optional.of("account"), refused.reason()));
        }
        Route.To to = deciding((Route.To) route);
        if (!named) {
            Desk only = desks.values().iterator().next();
            candidate.alert().instrument().ifPresent(only.prepare());
            return only.intake().decide(candidate);
        }
        Map<String, CompletableFuture<Outcome>> decided = new LinkedHashMap<>();
        for (AccountName name : to.accounts()) {
            Desk desk = desks.get(name);
            candidate.alert().instrument().ifPresent(desk.prepare());
            decided.put(name.value(), desk.intake().decide(candidate));
        }
        return CompletableFuture.allOf(decided.values().toArray(CompletableFuture[]::new)).thenApply(all -> {
            Map<String, Outcome> outcomes = new LinkedHashMap<>();
            decided.forEach((name, outcome) -> outcomes.put(name, outcome.join()));
            return new Outcome.Routed(outcomes, to.why());
        });
    }

    /** Whether any account the alert goes to sizes it by the alert's own quantity. */
    @Override
    public boolean needsQuantity(Alert alert) {
        if (!named) {
            return desks.values().iterator().next().intake().needsQuantity(alert);   // its one account: no routing
        }
        return routes.route(alert) instanceof Route.To to
                && deciding(to).accounts().stream().anyMatch(name -> desks.get(name).intake().needsQuantity(alert));
    }

    /**
     * The accounts that decide an alert routed to {@code to}: a shadow routed the same alert as its
     * leader leaves it to the leader and copies the leader's orders; routed an alert its leader does
     * not take, it decides it itself (a forward test on paper).
     */
    private Route.To deciding(Route.To to) {
        if (leaders.isEmpty()) {
            return to;
        }
        List<AccountName> deciding = to.accounts().stream()
                .filter(name -> !leaders.containsKey(name) || !to.accounts().contains(leaders.get(name))).toList();
        if (deciding.size() == to.accounts().size()) {
            return to;
        }
        List<String> copies = to.accounts().stream().filter(name -> !deciding.contains(name))
                .map(name -> name + " copies " + leaders.get(name) + "'s orders").toList();
        return new Route.To(deciding, to.why() + "; " + String.join(", ", copies));
    }

    /** The first account's settings; what an alert needs is asked of the accounts it goes to ({@link #needsQuantity}). */
    @Override
    public RiskSettings settings() {
        return desks.values().iterator().next().intake().settings();
    }

    /**
     * What the alert would become in each account it goes to: accepted when any would accept it,
     * with every account's orders, and each account's answer in the reason.
     */
    @Override
    public CompletableFuture<Plan> preview(Alert alert) {
        Route route = routes.route(alert);
        if (route instanceof Route.Refused refused) {
            return CompletableFuture.completedFuture(Plan.reject(refused.reason()));
        }
        if (!named) {
            Desk only = desks.values().iterator().next();
            alert.instrument().ifPresent(only.prepare());
            return only.intake().preview(alert);
        }
        List<AccountName> accounts = deciding((Route.To) route).accounts();
        List<CompletableFuture<Plan>> plans = new ArrayList<>();
        for (AccountName name : accounts) {
            Desk desk = desks.get(name);
            alert.instrument().ifPresent(desk.prepare());
            plans.add(desk.intake().preview(alert));
        }
        return CompletableFuture.allOf(plans.toArray(CompletableFuture[]::new)).thenApply(all -> {
            List<PlannedOrder> orders = new ArrayList<>();
            List<String> answers = new ArrayList<>();
            boolean accepted = false;
            for (int i = 0; i < accounts.size(); i++) {
                Plan plan = plans.get(i).join();
                orders.addAll(plan.orders());
                accepted |= plan.decision() == Decision.ACCEPTED;
                answers.add(accounts.get(i) + ": " + plan.decision().wireName()
                        + plan.reason().map(reason -> " (" + reason + ")").orElse(""));
            }
            String reason = String.join("; ", answers);
            return accepted ? new Plan(Decision.ACCEPTED, Optional.of(reason), orders, List.of())
                    : Plan.reject(reason);
        });
    }
}

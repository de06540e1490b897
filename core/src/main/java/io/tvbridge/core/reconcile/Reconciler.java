package io.tvbridge.core.reconcile;

import io.tvbridge.broker.spi.BrokerException;
import io.tvbridge.broker.spi.model.InstrumentRef;
import io.tvbridge.broker.spi.model.OrderType;
import io.tvbridge.broker.spi.model.Position;
import io.tvbridge.core.ActionRefused;
import io.tvbridge.core.metrics.BridgeMetrics;
import io.tvbridge.core.model.OrderPhase;
import io.tvbridge.core.model.PositionDifference;
import io.tvbridge.core.model.Reconciliation;
import io.tvbridge.core.notify.Notice;
import io.tvbridge.core.notify.Notifier;
import io.tvbridge.core.order.Ledger;
import io.tvbridge.core.routing.BrokerHandle;
import io.tvbridge.core.settings.ReconciliationSettings;
import io.tvbridge.core.signal.TradingControl;
import io.tvbridge.core.store.AuditEntry;
import io.tvbridge.core.store.ExpectedPosition;
import io.tvbridge.core.store.ListQuery;
import io.tvbridge.core.store.Store;
import io.tvbridge.core.store.StoreSession;
import io.tvbridge.core.store.StoredOrder;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compares the positions tvbridge expects (from the fills it recorded) with the positions the
 * broker reports. A difference beyond the tolerance is a mismatch: stored, audited, notified,
 * and, with {@code auto_halt_on_mismatch}, the kill switch goes on with the mismatch as its
 * reason. An operator resolves a mismatch by adopting the broker's positions.
 *
 * <p>A symbol with an order on its way (not yet answered, partly filled, or a market order the
 * broker took) is not judged: its fills may be between the broker and the ledger. A mismatch
 * must also still be there a moment later ({@code confirmDelay}), so a fill in flight while
 * the two sides were read is not taken for one.
 */
public final class Reconciler {
    private static final Logger log = LoggerFactory.getLogger(Reconciler.class);
    private static final Set<OrderPhase> WORKING = EnumSet.of(OrderPhase.NEW, OrderPhase.SUBMITTED,
            OrderPhase.ACCEPTED, OrderPhase.PARTIALLY_FILLED);
    private static final Duration ADOPT_WAIT = Duration.ofSeconds(30);

    /** Both sides at one moment: the broker's and the expected quantities, and the symbols not judged now. */
    private record Sides(Map<String, Position> broker, Map<String, ExpectedPosition> expected, Set<String> inFlight) {
    }

    private final Store store;
    private final BrokerHandle broker;
    private final Ledger ledger;
    private final TradingControl control;
    private final Notifier notifier;
    private final Supplier<ReconciliationSettings> settings;
    private final Clock clock;
    private final Duration confirmDelay;
    private final BridgeMetrics metrics;

    public Reconciler(Store store, BrokerHandle broker, Ledger ledger, TradingControl control, Notifier notifier,
                      Supplier<ReconciliationSettings> settings, Clock clock, Duration confirmDelay,
                      BridgeMetrics metrics) {
        this.metrics = metrics;
        this.store = store;
        this.broker = broker;
        this.ledger = ledger;
        this.control = control;
        this.notifier = notifier;
        this.settings = settings;
        this.clock = clock;
        this.confirmDelay = confirmDelay;
    }

    /** Compares now, stores and audits the result, and acts on a mismatch. {@code actor} asked for it. */
    public synchronized Reconciliation reconcile(String actor) {
        ReconciliationSettings current = settings.get();
        Instant at = clock.instant();
        Reconciliation result;
        try {
            Sides first = read();
            List<PositionDifference> differences = differences(first, current.tolerance());
            Sides last = first;
            if (!differences.isEmpty() && !confirmDelay.isZero()) {
                pause(confirmDelay);
                last = read();
                Set<String> seenBefore = differences.stream().map(PositionDifference::symbol).collect(Collectors.toSet());
                differences = differences(last, current.tolerance()).stream()
                        .filter(d -> seenBefore.contains(d.symbol())).toList();
            }
            int checked = symbols(last).size();
            result = differences.isEmpty()
                    ? new Reconciliation(0, at, broker.name(), actor, Reconciliation.Outcome.MATCHED, checked,
                            List.of(), matchedDetails(checked, last.inFlight()), Optional.empty(), Optional.empty())
                    : new Reconciliation(0, at, broker.name(), actor, Reconciliation.Outcome.MISMATCH, checked,
                            differences, differences.stream().map(PositionDifference::describe)
                                    .collect(Collectors.joining("; ")), Optional.empty(), Optional.empty());
        } catch (BrokerException e) {
            result = new Reconciliation(0, at, broker.name(), actor, Reconciliation.Outcome.FAILED, 0, List.of(),
                    "the " + broker.name() + " broker's positions could not be read: " + e.getMessage(),
                    Optional.empty(), Optional.empty());
        }
        Reconciliation stored = store(result);
        metrics.reconciled(stored.outcome(), stored.differences().size());
        if (stored.outcome() == Reconciliation.Outcome.MISMATCH) {
            mismatch(stored, current);
        } else if (stored.outcome() == Reconciliation.Outcome.FAILED) {
            log.warn("reconciliation {} failed: {}", stored.id(), stored.details());
        } else {
            log.debug("reconciliation {}: {}", stored.id(), stored.details());
        }
        return stored;
    }

    private Reconciliation store(Reconciliation result) {
        return store.inTransaction(session -> {
            Reconciliation stored = session.insertReconciliation(result);
            session.audit(new AuditEntry(stored.at(), stored.actor(), "reconciliation."
                    + stored.outcome().wireName(), "reconciliation " + stored.id() + ": " + stored.details()));
            return stored;
        });
    }

    private void mismatch(Reconciliation mismatch, ReconciliationSettings current) {
        String what = "position mismatch in reconciliation " + mismatch.id() + " with " + broker.name() + ": "
                + mismatch.details();
        log.error("{}", what);
        boolean halt = current.haltOnMismatch() && control.current().kill().isEmpty();
        notifier.notify(new Notice(Notice.Kind.RECONCILIATION_MISMATCH, what + (halt ? "; the kill switch goes on"
                : "") + ". Check the broker, then adopt its positions (reconciliation " + mismatch.id() + ").",
                mismatch.at()));
        if (halt) {
            control.kill("reconciliation", what);
        }
    }

    /**
     * Resolves a mismatch: for each symbol that differed, the broker's position now becomes the
     * expected one (through the ledger, audited with the old and new position), and the
     * reconciliation is marked resolved. Trading stays halted until someone resumes it.
     *
     * @throws ActionRefused NOT_FOUND, CONFLICT (not a mismatch, resolved already, an order in
     *     flight for a symbol), UNAVAILABLE (the broker cannot be read)
     */
    public synchronized Adoption adopt(long reconciliationId, String actor, String reason) {
        if (actor == null || actor.isBlank()) {
            throw new IllegalArgumentException("the actor is required");
        }
        String why = reason == null || reason.isBlank() ? "reconciliation " + reconciliationId + " resolved"
                : reason.strip();
        Reconciliation mismatch = store.inTransaction(session -> session.findReconciliation(reconciliationId))
                .orElseThrow(() -> new ActionRefused(ActionRefused.Kind.NOT_FOUND, "there is no reconciliation "
                        + reconciliationId));
        if (mismatch.outcome() != Reconciliation.Outcome.MISMATCH) {
            throw new ActionRefused(ActionRefused.Kind.CONFLICT, "reconciliation " + reconciliationId + " "
                    + mismatch.outcome().wireName() + "; there is no mismatch to resolve");
        }
        if (mismatch.resolved()) {
            throw new ActionRefused(ActionRefused.Kind.CONFLICT, "reconciliation " + reconciliationId
                    + " was resolved already, by " + mismatch.resolvedBy().orElse("?") + " at "
                    + mismatch.resolvedAt().orElseThrow());
        }
        Sides now;
        try {
            now = read();
        } catch (BrokerException e) {
            throw new ActionRefused(ActionRefused.Kind.UNAVAILABLE, "the " + broker.name()
                    + " broker's positions could not be read: " + e.getMessage(), e);
        }
        List<String> symbols = mismatch.differences().stream().map(PositionDifference::symbol).toList();
        List<String> busy = symbols.stream().filter(now.inFlight()::contains).toList();
        if (!busy.isEmpty()) {
            throw new ActionRefused(ActionRefused.Kind.CONFLICT, "an order is on its way for " + String.join(", ", busy)
                    + "; adopt once it has been answered");
        }
        List<ExpectedPosition> adopted = new ArrayList<>();
        for (String symbol : symbols) {
            Optional<Position> held = Optional.ofNullable(now.broker().get(symbol));
            BigDecimal multiplier = Optional.ofNullable(now.expected().get(symbol)).map(ExpectedPosition::multiplier)
                    .orElseGet(() -> multiplier(symbol));
            adopted.add(await(ledger.adopt(symbol, held.map(Position::quantity).orElse(BigDecimal.ZERO),
                    held.map(Position::averageCost).orElse(BigDecimal.ZERO), multiplier, actor.strip(),
                    why + " (reconciliation " + reconciliationId + ")")));
        }
        Instant at = clock.instant();
        Reconciliation resolved = store.inTransaction(session -> {
            session.resolveReconciliation(reconciliationId, at, actor.strip());
            session.audit(new AuditEntry(at, actor.strip(), "reconciliation.resolved", "reconciliation "
                    + reconciliationId + ": the broker's positions adopted for " + String.join(", ", symbols)
                    + "; " + why));
            return session.findReconciliation(reconciliationId).orElseThrow();
        });
        notifier.notify(new Notice(Notice.Kind.POSITION_ADOPTED, "the " + broker.name() + " positions of "
                + String.join(", ", symbols) + " were adopted by " + actor.strip() + " (reconciliation "
                + reconciliationId + "); " + (control.current().kill().isPresent()
                ? "the kill switch is still on: resume when ready" : "trading was not halted"), at));
        return new Adoption(resolved, adopted);
    }

    /** A resolved mismatch and the expected positions it left. */
    public record Adoption(Reconciliation reconciliation, List<ExpectedPosition> positions) {
        public Adoption {
            positions = List.copyOf(positions);
        }
    }

    private Sides read() throws BrokerException {
        Map<String, Position> held = new TreeMap<>();
        for (Position position : broker.broker().positions()) {
            if (position.quantity().signum() != 0) {
                held.put(position.symbol(), position);
            }
        }
        Map<String, InstrumentRef> unmatched = new TreeMap<>();
        Sides sides = store.inTransaction(session -> {
            Map<String, ExpectedPosition> expected = new TreeMap<>();
            session.positions(broker.name()).forEach(p -> expected.put(p.symbol(), p));
            Set<String> inFlight = new TreeSet<>();
            for (StoredOrder order : session.ordersInPhases(WORKING)) {
                boolean moving = order.phase() != OrderPhase.ACCEPTED || order.type() == OrderType.MARKET;
                if (order.broker().equals(broker.name()) && moving) {
                    inFlight.add(order.symbol());
                }
            }
            expected.forEach((symbol, position) -> {
                if (position.quantity().signum() != 0 && !held.containsKey(symbol)) {
                    lastOrderedAs(session, symbol).ifPresent(ref -> unmatched.put(symbol, ref));
                }
            });
            return new Sides(held, expected, inFlight);
        });
        unmatched.forEach((symbol, ref) -> heldAs(symbol, ref, sides));
        return sides;
    }

    /** How the newest order for {@code symbol} named its instrument (exchange and asset class included). */
    private static Optional<InstrumentRef> lastOrderedAs(StoreSession session, String symbol) {
        return session.orders(new ListQuery(Optional.of(symbol), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), 1, 0)).items().stream().findFirst().map(StoredOrder::instrument);
    }

    /**
     * An alert's symbol may name what the broker reports under another name: TradingView's
     * continuous future {@code ES1!} is held as a contract month, {@code ESZ2026}. The broker's
     * position under the name the instrument resolves to counts as the expected symbol's, unless
     * tvbridge expects a position under that name too.
     */
    private void heldAs(String symbol, InstrumentRef ref, Sides sides) {
        String venueSymbol;
        try {
            venueSymbol = broker.broker().resolve(ref).symbol();
        } catch (BrokerException | RuntimeException e) {
            log.debug("could not resolve {} to compare it with {}'s positions: {}", ref, broker.name(), e.getMessage());
            return;
        }
        Position position = sides.broker().get(venueSymbol);
        if (venueSymbol.equals(symbol) || position == null || sides.expected().containsKey(venueSymbol)) {
            return;
        }
        sides.broker().remove(venueSymbol);
        sides.broker().put(symbol, new Position(symbol, position.assetClass(), position.quantity(),
                position.averageCost(), position.currency(), position.marketPrice(), position.unrealizedPnl(),
                position.realizedPnl()));
    }

    private static Set<String> symbols(Sides sides) {
        Set<String> symbols = new TreeSet<>(sides.broker().keySet());
        sides.expected().forEach((symbol, position) -> {
            if (position.quantity().signum() != 0) {
                symbols.add(symbol);
            }
        });
        symbols.removeAll(sides.inFlight());
        return symbols;
    }

    private static List<PositionDifference> differences(Sides sides, BigDecimal tolerance) {
        List<PositionDifference> differences = new ArrayList<>();
        for (String symbol : symbols(sides)) {
            BigDecimal actual = Optional.ofNullable(sides.broker().get(symbol)).map(Position::quantity)
                    .orElse(BigDecimal.ZERO);
            BigDecimal expected = Optional.ofNullable(sides.expected().get(symbol)).map(ExpectedPosition::quantity)
                    .orElse(BigDecimal.ZERO);
            if (actual.subtract(expected).abs().compareTo(tolerance) > 0) {
                differences.add(new PositionDifference(symbol, expected, actual));
            }
        }
        return differences;
    }

    private static String matchedDetails(int checked, Set<String> inFlight) {
        return checked + (checked == 1 ? " position matches" : " positions match")
                + (inFlight.isEmpty() ? "" : "; not judged while an order is on its way: "
                + String.join(", ", inFlight));
    }

    private BigDecimal multiplier(String symbol) {
        try {
            return broker.broker().resolve(InstrumentRef.parse(symbol)).multiplier();
        } catch (BrokerException | RuntimeException e) {
            throw new ActionRefused(ActionRefused.Kind.UNAVAILABLE, "the " + broker.name() + " broker could not"
                    + " describe " + symbol + " (its contract multiplier is needed): " + e.getMessage(), e);
        }
    }

    private static ExpectedPosition await(CompletableFuture<ExpectedPosition> future) {
        try {
            return future.get(ADOPT_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new ActionRefused(ActionRefused.Kind.UNAVAILABLE, "the position could not be stored: "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ActionRefused(ActionRefused.Kind.UNAVAILABLE, "interrupted while adopting", e);
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

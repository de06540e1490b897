package io.tvbridge.core.store;

import io.tvbridge.broker.spi.model.ClientOrderId;
import io.tvbridge.broker.spi.model.InstrumentRef;
import io.tvbridge.broker.spi.model.OrderType;
import io.tvbridge.broker.spi.model.Side;
import io.tvbridge.broker.spi.model.TimeInForce;
import io.tvbridge.broker.spi.model.TrailingStop;
import io.tvbridge.core.model.OrderPhase;
import io.tvbridge.core.model.OrderPrices;
import io.tvbridge.core.model.PlannedOrder;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One order tvbridge planned for a signal, and where it stands at the broker: which order it is
 * ({@link OrderRef}), what was asked ({@link PlannedOrder}, with whether it may trade outside
 * regular hours), when it was decided, and how far it has got ({@link OrderProgress}).
 */
public record StoredOrder(OrderRef ref, PlannedOrder plan, boolean outsideRegularHours, Instant createdAt,
                          OrderProgress progress) {
    public StoredOrder {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(progress, "progress");
    }

    /** An order just decided at {@code at}: NEW, or DRY_RUN when nothing is to be sent. */
    public static StoredOrder decided(OrderRef ref, PlannedOrder plan, boolean outsideRegularHours, boolean dryRun,
                                      Instant at) {
        return new StoredOrder(ref, plan, outsideRegularHours, at,
                OrderProgress.decided(dryRun ? OrderPhase.DRY_RUN : OrderPhase.NEW, at));
    }

    /**
     * The take-profit ({@link OrderType#LIMIT} at {@code price}) or stop-loss ({@link OrderType#STOP})
     * child {@code suffix} of this entry, in row {@code id}: the opposite side, the same quantity,
     * good till cancelled, in the entry's phase.
     */
    public StoredOrder bracketChild(long id, String suffix, OrderType type, BigDecimal price) {
        PlannedOrder child = new PlannedOrder(plan.instrument(), plan.side().opposite(), plan.quantity(),
                type == OrderType.LIMIT ? OrderPrices.limit(price) : OrderPrices.stop(price), Optional.empty(),
                Optional.empty(), Optional.empty(), TimeInForce.GTC, false);
        return new StoredOrder(ref.child(id, suffix), child, outsideRegularHours, createdAt,
                OrderProgress.decided(progress.phase(), createdAt));
    }

    /** This order as the store holds it after {@code change}: a field the change leaves empty keeps its value. */
    public StoredOrder changed(OrderChange change) {
        return with(progress.changed(change));
    }

    /** This order as the store holds it once marked submitted (a NEW order only; others are as they were). */
    public StoredOrder submitted(BigDecimal contractMultiplier, Instant at) {
        return with(progress.submitted(contractMultiplier, at));
    }

    /** This order with another progress. */
    public StoredOrder with(OrderProgress newProgress) {
        return new StoredOrder(ref, plan, outsideRegularHours, createdAt, newProgress);
    }

    /** Whether this is a take-profit or stop-loss sent by the broker together with its parent entry. */
    public boolean isBracketChild() {
        return ref.parent().isPresent();
    }

    public String symbol() {
        return plan.instrument().symbol();
    }

    /** How a log line names this order: {@code signal=12 order=tvb-k3x9q-12-1}, so one grep finds a signal's story. */
    public String logIds() {
        return "signal=" + ref.signalId() + " order=" + ref.clientOrderId().value();
    }

    /** The quantity still to fill, signed by side: what this order can still add to the position. */
    public BigDecimal signedRemaining() {
        BigDecimal remaining = plan.quantity().subtract(progress.filledQuantity()).max(BigDecimal.ZERO);
        return plan.side() == Side.BUY ? remaining : remaining.negate();
    }

    // --- the parts' fields, as every reader of an order asks for them ---

    public long id() {
        return ref.id();
    }

    public ClientOrderId clientOrderId() {
        return ref.clientOrderId();
    }

    public long signalId() {
        return ref.signalId();
    }

    public String broker() {
        return ref.broker();
    }

    public String account() {
        return ref.account();
    }

    /** The entry a bracket child goes with. */
    public Optional<ClientOrderId> parent() {
        return ref.parent();
    }

    public InstrumentRef instrument() {
        return plan.instrument();
    }

    public Side side() {
        return plan.side();
    }

    public BigDecimal quantity() {
        return plan.quantity();
    }

    public OrderType type() {
        return plan.prices().type();
    }

    public Optional<BigDecimal> limitPrice() {
        return plan.prices().limitPrice();
    }

    public Optional<BigDecimal> stopPrice() {
        return plan.prices().stopPrice();
    }

    /** A trailing stop's distance from the best price, sent again as it was if the order is resent. */
    public Optional<TrailingStop> trail() {
        return plan.prices().trail();
    }

    public Optional<BigDecimal> takeProfit() {
        return plan.takeProfit();
    }

    public Optional<BigDecimal> stopLoss() {
        return plan.stopLoss();
    }

    public Optional<BigDecimal> referencePrice() {
        return plan.referencePrice();
    }

    public TimeInForce timeInForce() {
        return plan.timeInForce();
    }

    /** Whether it opens or adds to a position (an entry). */
    public boolean opens() {
        return plan.opens();
    }

    public OrderPhase phase() {
        return progress.phase();
    }

    public BigDecimal multiplier() {
        return progress.multiplier();
    }

    public Optional<String> brokerOrderId() {
        return progress.brokerOrderId();
    }

    public BigDecimal filledQuantity() {
        return progress.filledQuantity();
    }

    public Optional<BigDecimal> averageFillPrice() {
        return progress.averageFillPrice();
    }

    public Optional<String> reason() {
        return progress.reason();
    }

    public Optional<Instant> submittedAt() {
        return progress.submittedAt();
    }

    public Instant updatedAt() {
        return progress.updatedAt();
    }
}

package io.tvbridge.core.store;

import io.tvbridge.broker.spi.model.ClientOrderId;
import io.tvbridge.broker.spi.model.InstrumentRef;
import io.tvbridge.broker.spi.model.OrderType;
import io.tvbridge.broker.spi.model.Side;
import io.tvbridge.broker.spi.model.TimeInForce;
import io.tvbridge.core.model.OrderPhase;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One order tvbridge planned for a signal, and where it stands at the broker. {@code parent} is
 * set on the take-profit and stop-loss children of a bracket, which the broker places with it.
 * {@code opens} marks an order that opens or adds to a position (an entry).
 */
public record StoredOrder(
        long id,
        ClientOrderId clientOrderId,
        long signalId,
        String broker,
        String account,
        InstrumentRef instrument,
        Side side,
        BigDecimal quantity,
        OrderType type,
        Optional<BigDecimal> limitPrice,
        Optional<BigDecimal> stopPrice,
        Optional<BigDecimal> takeProfit,
        Optional<BigDecimal> stopLoss,
        Optional<BigDecimal> referencePrice,
        TimeInForce timeInForce,
        boolean outsideRegularHours,
        BigDecimal multiplier,
        OrderPhase phase,
        Optional<String> brokerOrderId,
        BigDecimal filledQuantity,
        Optional<BigDecimal> averageFillPrice,
        Optional<String> reason,
        Instant createdAt,
        Optional<Instant> submittedAt,
        Instant updatedAt,
        Optional<ClientOrderId> parent,
        boolean opens) {

    public StoredOrder {
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(broker, "broker");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(limitPrice, "limitPrice");
        Objects.requireNonNull(stopPrice, "stopPrice");
        Objects.requireNonNull(takeProfit, "takeProfit");
        Objects.requireNonNull(stopLoss, "stopLoss");
        Objects.requireNonNull(referencePrice, "referencePrice");
        Objects.requireNonNull(timeInForce, "timeInForce");
        Objects.requireNonNull(multiplier, "multiplier");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(brokerOrderId, "brokerOrderId");
        Objects.requireNonNull(filledQuantity, "filledQuantity");
        Objects.requireNonNull(averageFillPrice, "averageFillPrice");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(submittedAt, "submittedAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(parent, "parent");
    }

    /** This order as the store holds it after {@code change}: a field the change leaves empty keeps its value. */
    public StoredOrder changed(OrderChange change) {
        return new StoredOrder(id, clientOrderId, signalId, broker, account, instrument, side, quantity, type,
                limitPrice, stopPrice, takeProfit, stopLoss, referencePrice, timeInForce, outsideRegularHours,
                multiplier, change.phase(), change.brokerOrderId().or(() -> brokerOrderId), change.filledQuantity(),
                change.averageFillPrice().or(() -> averageFillPrice), change.reason().or(() -> reason), createdAt,
                submittedAt, change.at(), parent, opens);
    }

    /** This order as the store holds it once marked submitted (a NEW order only; others are as they were). */
    public StoredOrder submitted(BigDecimal contractMultiplier, Instant at) {
        if (phase != OrderPhase.NEW) {
            return this;
        }
        return new StoredOrder(id, clientOrderId, signalId, broker, account, instrument, side, quantity, type,
                limitPrice, stopPrice, takeProfit, stopLoss, referencePrice, timeInForce, outsideRegularHours,
                contractMultiplier, OrderPhase.SUBMITTED, brokerOrderId, filledQuantity, averageFillPrice, reason,
                createdAt, Optional.of(at), at, parent, opens);
    }

    /** Whether this is a take-profit or stop-loss sent by the broker together with its parent entry. */
    public boolean isBracketChild() {
        return parent.isPresent();
    }

    public String symbol() {
        return instrument.symbol();
    }

    /** How a log line names this order: {@code signal=12 order=tvb-k3x9q-12-1}, so one grep finds a signal's story. */
    public String logIds() {
        return "signal=" + signalId + " order=" + clientOrderId.value();
    }

    /** The quantity still to fill, signed by side: what this order can still add to the position. */
    public BigDecimal signedRemaining() {
        BigDecimal remaining = quantity.subtract(filledQuantity).max(BigDecimal.ZERO);
        return side == Side.BUY ? remaining : remaining.negate();
    }
}

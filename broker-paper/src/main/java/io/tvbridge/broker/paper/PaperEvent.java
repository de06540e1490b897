package io.tvbridge.broker.paper;

import io.tvbridge.broker.spi.model.AssetClass;
import io.tvbridge.broker.spi.model.ClientOrderId;
import io.tvbridge.broker.spi.model.OrderStatus;
import io.tvbridge.broker.spi.model.OrderType;
import io.tvbridge.broker.spi.model.Side;
import io.tvbridge.broker.spi.model.TimeInForce;
import io.tvbridge.broker.spi.model.TrailingStop;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * What happened at the simulated venue. The journal stores these, and replaying them in
 * order rebuilds the book exactly, whatever the settings are at the time of the replay.
 */
public sealed interface PaperEvent {

    /**
     * An order was taken; an entry may carry the exits of its bracket, placed when it fills. An order
     * allowed outside regular hours may also fill in pre-market and after-hours. A trailing stop
     * carries its distance ({@code trail}); where its stop stands follows from the prices seen since.
     */
    record Placed(ClientOrderId id, String brokerOrderId, String symbol, AssetClass assetClass,
                  BigDecimal multiplier, Side side, BigDecimal quantity, OrderType type,
                  Optional<BigDecimal> limitPrice, Optional<BigDecimal> stopPrice, Optional<TrailingStop> trail,
                  TimeInForce timeInForce, Instant time, Optional<BigDecimal> takeProfit,
                  Optional<BigDecimal> stopLoss, boolean outsideRegularHours)
            implements PaperEvent {
    }

    /** An order was filled (in full: the simulator does not split fills). */
    /**
     * A fill. {@code rate} is what one unit of the instrument's currency was worth in the account's
     * when it filled (1 when they are the same): the cash it moved, in the account's currency, is
     * price × quantity × multiplier × rate. The commission is in the account's currency.
     */
    record Executed(ClientOrderId id, String executionId, BigDecimal quantity, BigDecimal price,
                    BigDecimal commission, BigDecimal rate, Instant time) implements PaperEvent {
    }

    /** An order ended without (further) fills: cancelled, rejected or expired, with the reason. */
    record Ended(ClientOrderId id, OrderStatus status, String reason, Instant time) implements PaperEvent {
    }

    /** A price was seen for a symbol (an alert's price). */
    record Priced(String symbol, BigDecimal price, Instant time) implements PaperEvent {
    }
}

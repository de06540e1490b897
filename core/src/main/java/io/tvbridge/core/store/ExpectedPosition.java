package io.tvbridge.core.store;

import io.tvbridge.broker.spi.model.Holding;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/** The position tvbridge expects the broker to hold, built from the fills it recorded. */
public record ExpectedPosition(String broker, String account, String symbol, Holding holding,
                               BigDecimal multiplier, BigDecimal commissions, Instant updatedAt) {
    public ExpectedPosition {
        Objects.requireNonNull(broker, "broker");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(holding, "holding");
        Objects.requireNonNull(multiplier, "multiplier");
        Objects.requireNonNull(commissions, "commissions");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public static ExpectedPosition flat(String broker, String account, String symbol, BigDecimal multiplier,
                                        Instant at) {
        return new ExpectedPosition(broker, account, symbol, Holding.FLAT, multiplier, BigDecimal.ZERO, at);
    }

    public BigDecimal quantity() {
        return holding.quantity();
    }
}

package io.tvbridge.broker.spi.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * The account's money at one moment, all amounts in {@code currency}.
 *
 * <p>{@code equity} is the net liquidation value (cash plus the market value of positions),
 * {@code buyingPower} what the broker lets the account commit to new positions now.
 */
public record AccountSnapshot(String accountId, String currency, BigDecimal cash, BigDecimal equity,
                              BigDecimal buyingPower, BigDecimal unrealizedPnl, BigDecimal realizedPnl,
                              BigDecimal marginUsed, Instant asOf) {
    public AccountSnapshot {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(cash, "cash");
        Objects.requireNonNull(equity, "equity");
        Objects.requireNonNull(buyingPower, "buyingPower");
        Objects.requireNonNull(unrealizedPnl, "unrealizedPnl");
        Objects.requireNonNull(realizedPnl, "realizedPnl");
        Objects.requireNonNull(marginUsed, "marginUsed");
        Objects.requireNonNull(asOf, "asOf");
    }
}

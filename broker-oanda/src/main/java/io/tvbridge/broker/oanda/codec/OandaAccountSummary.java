package io.tvbridge.broker.oanda.codec;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The money of an OANDA account ({@code GET .../summary}), in its home {@code currency}.
 *
 * @param balance           cash: deposits plus realized profit and loss, financing and fees
 * @param netAssetValue     {@code NAV}: balance plus the unrealized profit and loss of open trades
 * @param realizedPnl       {@code pl}: profit and loss realized over the account's life
 * @param marginAvailable   margin still free for new positions
 * @param lastTransactionId the newest transaction, the cursor for {@code transactions/sinceid}
 */
public record OandaAccountSummary(String accountId, String currency, BigDecimal balance, BigDecimal netAssetValue,
                                  BigDecimal unrealizedPnl, BigDecimal realizedPnl, BigDecimal marginUsed,
                                  BigDecimal marginAvailable, boolean hedgingEnabled, String lastTransactionId) {
    public OandaAccountSummary {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(balance, "balance");
        Objects.requireNonNull(netAssetValue, "netAssetValue");
        Objects.requireNonNull(unrealizedPnl, "unrealizedPnl");
        Objects.requireNonNull(realizedPnl, "realizedPnl");
        Objects.requireNonNull(marginUsed, "marginUsed");
        Objects.requireNonNull(marginAvailable, "marginAvailable");
        Objects.requireNonNull(lastTransactionId, "lastTransactionId");
    }
}

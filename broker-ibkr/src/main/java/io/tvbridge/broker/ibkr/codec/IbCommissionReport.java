package io.tvbridge.broker.ibkr.codec;

import java.math.BigDecimal;

/** A COMMISSION_REPORT for one execution; {@code realizedPNL} is null unless the fill closed a position. */
public record IbCommissionReport(String execId, BigDecimal commission, String currency, BigDecimal realizedPNL,
                                 BigDecimal yield, int yieldRedemptionDate) {
    public IbCommissionReport {
        execId = IbContract.orEmpty(execId);
        currency = IbContract.orEmpty(currency);
    }
}

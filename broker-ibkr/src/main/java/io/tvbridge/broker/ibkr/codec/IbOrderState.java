package io.tvbridge.broker.ibkr.codec;

import java.math.BigDecimal;

/** The state part of an OPEN_ORDER: the order's status, commission estimates and warnings. */
public record IbOrderState(String status, BigDecimal commission, BigDecimal minCommission,
                           BigDecimal maxCommission, String commissionCurrency, String warningText) {
    public IbOrderState {
        status = IbContract.orEmpty(status);
        commissionCurrency = IbContract.orEmpty(commissionCurrency);
        warningText = IbContract.orEmpty(warningText);
    }
}

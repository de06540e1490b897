package io.tvbridge.core.risk;

import io.tvbridge.core.money.Converted;
import io.tvbridge.core.money.Money;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * What an order is worth and what it commits: its notional (price × quantity × multiplier) in
 * the instrument's currency and in the account's, and the margin it needs when the venue trades
 * the instrument on margin at a stated rate (empty: the notional itself counts against the buying
 * power, as in a cash account).
 */
public record OrderValue(Converted notional, Optional<BigDecimal> marginRate) {
    public OrderValue {
        Objects.requireNonNull(notional, "notional");
        Objects.requireNonNull(marginRate, "marginRate");
    }

    /** The notional in the account's currency. */
    public Money inAccount() {
        return notional.value();
    }

    /** What the order takes from the buying power (or the margin available): the margin, else the notional. */
    public Money committed() {
        return marginRate.map(rate -> inAccount().times(rate)).orElse(inAccount());
    }

    public boolean onMargin() {
        return marginRate.isPresent();
    }
}

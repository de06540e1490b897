package io.tvbridge.core.money;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Objects;

/** An amount and what it is worth in another currency, at the rate used. */
public record Converted(Money original, Money value, BigDecimal rate) {
    private static final MathContext SHOWN = new MathContext(6);

    public Converted {
        Objects.requireNonNull(original, "original");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(rate, "rate");
    }

    /** An amount already in the wanted currency. */
    public static Converted same(Money money) {
        return new Converted(money, money, BigDecimal.ONE);
    }

    public boolean changedCurrency() {
        return !original.currency().equals(value.currency());
    }

    /**
     * For people, naming both currencies when they differ: {@code 286,875 JPY (1,893.48 USD at
     * 0.00660066)}; just {@code 1,100.00 USD} when they do not.
     */
    public String display() {
        if (!changedCurrency()) {
            return value.display();
        }
        return original.display() + " (" + value.display() + " at " + rate(rate) + ")";
    }

    /** A rate with six significant digits, never in scientific notation. */
    static String rate(BigDecimal rate) {
        return rate.round(SHOWN).stripTrailingZeros().toPlainString();
    }
}

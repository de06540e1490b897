package io.tvbridge.core.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;

/**
 * An amount of one currency. Two amounts add only when their currencies are the same; anything
 * else goes through {@link Rates#convert} first.
 */
public record Money(BigDecimal amount, String currency) {
    private static final int DEFAULT_FRACTION_DIGITS = 2;

    public Money {
        Objects.requireNonNull(amount, "amount");
        amount = amount.stripTrailingZeros();   // BigDecimal equality is scale-sensitive
        currency = code(currency);
    }

    public static Money of(BigDecimal amount, String currency) {
        return new Money(amount, currency);
    }

    /** Parses {@code 1500.25 USD}, what {@link #toString} writes. */
    public static Money parse(String text) {
        String[] parts = text.strip().split("\\s+");
        if (parts.length != 2) {
            throw new IllegalArgumentException("not an amount and a currency: '" + text + "'");
        }
        return new Money(new BigDecimal(parts[0]), parts[1]);
    }

    public static Money zero(String currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    public Money plus(Money other) {
        return new Money(amount.add(sameCurrency(other).amount), currency);
    }

    public Money minus(Money other) {
        return new Money(amount.subtract(sameCurrency(other).amount), currency);
    }

    public Money times(BigDecimal factor) {
        return new Money(amount.multiply(factor), currency);
    }

    public Money negate() {
        return new Money(amount.negate(), currency);
    }

    public Money abs() {
        return new Money(amount.abs(), currency);
    }

    public int signum() {
        return amount.signum();
    }

    /** Compares two amounts of one currency; amounts of two currencies are never compared. */
    public int compareTo(Money other) {
        return amount.compareTo(sameCurrency(other).amount);
    }

    /**
     * For people: grouped thousands, the currency's own decimals (none for yen, two for dollars),
     * then the code: {@code 286,875 JPY}, {@code 1,893.48 USD}.
     */
    public String display() {
        int digits = fractionDigits(currency);
        DecimalFormat format = new DecimalFormat(digits == 0 ? "#,##0" : "#,##0." + "0".repeat(digits),
                DecimalFormatSymbols.getInstance(Locale.ROOT));
        return format.format(amount.setScale(digits, RoundingMode.HALF_UP)) + " " + currency;
    }

    @Override
    public String toString() {
        return amount.stripTrailingZeros().toPlainString() + " " + currency;   // parse(toString()) round-trips
    }

    private Money sameCurrency(Money other) {
        if (!other.currency.equals(currency)) {
            throw new IllegalArgumentException("amounts of " + currency + " and " + other.currency
                    + " do not add or compare without a conversion");
        }
        return other;
    }

    /** The decimals a currency is quoted in: ISO 4217's, else two (metals and coins have none there). */
    static int fractionDigits(String currency) {
        try {
            int digits = Currency.getInstance(currency).getDefaultFractionDigits();
            return digits < 0 ? DEFAULT_FRACTION_DIGITS : digits;
        } catch (IllegalArgumentException e) {
            return DEFAULT_FRACTION_DIGITS;
        }
    }

    static String code(String currency) {
        Objects.requireNonNull(currency, "currency");
        String code = currency.strip().toUpperCase(Locale.ROOT);
        if (code.isEmpty()) {
            throw new IllegalArgumentException("a currency code is blank");
        }
        return code;
    }
}

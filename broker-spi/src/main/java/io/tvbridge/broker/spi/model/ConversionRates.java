package io.tvbridge.broker.spi.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The broker's own factors that turn an amount of a currency into the account's currency, at
 * one moment: one unit of {@code EUR} is worth {@code factors.get("EUR")} units of
 * {@code accountCurrency}. A currency that is missing has no known factor, and tvbridge then
 * refuses what it would need it for; it never assumes one. The account's own currency has the
 * factor 1 whether it is listed or not.
 *
 * <p>Currencies are ISO 4217 codes in upper case ({@code USD}, {@code JPY}); brokers may also
 * list metals and coins ({@code XAU}, {@code BTC}) the same way.
 */
public record ConversionRates(String accountCurrency, Map<String, BigDecimal> factors, Instant asOf) {
    public ConversionRates {
        Objects.requireNonNull(accountCurrency, "accountCurrency");
        Objects.requireNonNull(factors, "factors");
        Objects.requireNonNull(asOf, "asOf");
        accountCurrency = code(accountCurrency);
        Map<String, BigDecimal> copy = new TreeMap<>();
        factors.forEach((currency, factor) -> {
            Objects.requireNonNull(factor, "factor of " + currency);
            if (factor.signum() <= 0) {
                throw new IllegalArgumentException("the factor of " + currency + " must be positive: " + factor);
            }
            copy.put(code(currency), factor);
        });
        factors = Map.copyOf(copy);
    }

    /** No factor known beyond the account's own currency: what a broker without rates answers. */
    public static ConversionRates none(String accountCurrency, Instant asOf) {
        return new ConversionRates(accountCurrency, Map.of(), asOf);
    }

    /** The value of one unit of {@code currency} in the account's currency, when the broker gave it. */
    public Optional<BigDecimal> factor(String currency) {
        String code = code(currency);
        if (code.equals(accountCurrency)) {
            return Optional.of(BigDecimal.ONE);
        }
        return Optional.ofNullable(factors.get(code));
    }

    private static String code(String currency) {
        Objects.requireNonNull(currency, "currency");
        String code = currency.strip().toUpperCase(Locale.ROOT);
        if (code.isEmpty()) {
            throw new IllegalArgumentException("a currency code is blank");
        }
        return code;
    }
}

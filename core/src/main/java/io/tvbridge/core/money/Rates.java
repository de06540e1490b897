package io.tvbridge.core.money;

import io.tvbridge.broker.spi.model.ConversionRates;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the engine knows of the account's currency and of the broker's factors into it: an
 * immutable value, replaced as the account watcher reads new ones. Converting between two other
 * currencies goes through the account's currency (a cross of two broker-given factors); nothing
 * is converted at a rate the broker did not give, and the same currency is the only one worth 1.
 */
public final class Rates {
    /** Factors are kept to this precision; amounts are rounded only when shown. */
    private static final MathContext PRECISION = new MathContext(20, RoundingMode.HALF_EVEN);

    /** Before the broker reported the account. */
    public static final Rates UNKNOWN = new Rates(Optional.empty(), Map.of());

    private final Optional<String> accountCurrency;
    private final Map<String, BigDecimal> factors;

    private Rates(Optional<String> accountCurrency, Map<String, BigDecimal> factors) {
        this.accountCurrency = accountCurrency;
        this.factors = Map.copyOf(factors);
    }

    /** Only the account's currency: every other currency still needs a rate. */
    public static Rates of(String accountCurrency) {
        return new Rates(Optional.of(Money.code(accountCurrency)), Map.of());
    }

    public static Rates of(ConversionRates rates) {
        return of(rates.accountCurrency()).with(rates);
    }

    /**
     * These rates with {@code newer}'s factors on top: a currency it lists takes its new factor,
     * the others keep theirs. Factors into another account currency replace everything.
     */
    public Rates with(ConversionRates newer) {
        if (accountCurrency.isEmpty() || !accountCurrency.get().equals(newer.accountCurrency())) {
            return new Rates(Optional.of(newer.accountCurrency()), newer.factors());
        }
        Map<String, BigDecimal> merged = new HashMap<>(factors);
        merged.putAll(newer.factors());
        return new Rates(accountCurrency, merged);
    }

    /** The same factors, in an account whose currency the broker reports as {@code currency}. */
    public Rates inAccountCurrency(String currency) {
        String code = Money.code(currency);
        return accountCurrency.filter(code::equals).isPresent() ? this : new Rates(Optional.of(code), Map.of());
    }

    public Optional<String> accountCurrency() {
        return accountCurrency;
    }

    /** The factors known, by currency, in name order. */
    public Map<String, BigDecimal> factors() {
        return new TreeMap<>(factors);
    }

    /** {@code money} in the account's currency. */
    public Converted toAccount(Money money) throws MissingRate {
        String to = accountCurrency.orElseThrow(() -> new MissingRate(money.currency(), "?", "the account's"
                + " currency is not known yet (the broker has not reported the account), so " + money.display()
                + " cannot be valued in it"));
        return convert(money, to);
    }

    /** {@code money} in {@code currency}, through the account's currency when neither is it. */
    public Converted convert(Money money, String currency) throws MissingRate {
        String to = Money.code(currency);
        if (money.currency().equals(to)) {
            return Converted.same(money);
        }
        BigDecimal rate = factor(money.currency(), to).divide(factor(to, money.currency()), PRECISION);
        return new Converted(money, new Money(money.amount().multiply(rate, PRECISION), to), rate);
    }

    /** The value of one {@code currency} in the account's currency; {@code other} is the other side of the sum. */
    private BigDecimal factor(String currency, String other) throws MissingRate {
        if (accountCurrency.isEmpty()) {
            throw new MissingRate(currency, other, "no " + currency + "/" + other + " rate is known: the account's"
                    + " currency is not known yet (the broker has not reported the account)");
        }
        String account = accountCurrency.get();
        if (currency.equals(account)) {
            return BigDecimal.ONE;
        }
        BigDecimal factor = factors.get(currency);
        if (factor == null) {
            throw new MissingRate(currency, account, "no " + currency + "/" + account + " rate is known (the broker"
                    + " has given none" + (other.equals(account) ? "" : ", and " + currency + "/" + other
                    + " is reckoned through " + account) + "); tvbridge never assumes one");
        }
        return factor;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Rates rates && rates.accountCurrency.equals(accountCurrency)
                && rates.factors.equals(factors);
    }

    @Override
    public int hashCode() {
        return Objects.hash(accountCurrency, factors);
    }

    @Override
    public String toString() {
        return accountCurrency.orElse("?") + " " + factors();
    }
}

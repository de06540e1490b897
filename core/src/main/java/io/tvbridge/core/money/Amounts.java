package io.tvbridge.core.money;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A sum of amounts in several currencies, kept apart until it is valued: today's realized
 * profit of a yen pair and of a dollar stock are two amounts, added only once each is in the
 * account's currency.
 */
public record Amounts(Map<String, BigDecimal> byCurrency) {
    public static final Amounts NONE = new Amounts(Map.of());

    public Amounts {
        Objects.requireNonNull(byCurrency, "byCurrency");
        Map<String, BigDecimal> copy = new TreeMap<>();
        byCurrency.forEach((currency, amount) -> copy.put(Money.code(currency), Objects.requireNonNull(amount)));
        byCurrency = Map.copyOf(copy);
    }

    public static Amounts of(Money money) {
        return NONE.plus(money);
    }

    public Amounts plus(Money money) {
        Map<String, BigDecimal> sum = new TreeMap<>(byCurrency);
        sum.merge(money.currency(), money.amount(), BigDecimal::add);
        return new Amounts(sum);
    }

    public Amounts plus(Amounts other) {
        Amounts sum = this;
        for (Map.Entry<String, BigDecimal> entry : other.byCurrency.entrySet()) {
            sum = sum.plus(new Money(entry.getValue(), entry.getKey()));
        }
        return sum;
    }

    public Amounts negate() {
        Map<String, BigDecimal> negated = new TreeMap<>();
        byCurrency.forEach((currency, amount) -> negated.put(currency, amount.negate()));
        return new Amounts(negated);
    }

    /** The whole sum in the account's currency; the first currency without a rate refuses. */
    public Money toAccount(Rates rates) throws MissingRate {
        String account = rates.accountCurrency().orElse(null);
        Money total = null;
        for (Map.Entry<String, BigDecimal> entry : byCurrency.entrySet()) {
            if (entry.getValue().signum() == 0) {
                continue;   // nothing of it to value
            }
            Money value = rates.toAccount(new Money(entry.getValue(), entry.getKey())).value();
            total = total == null ? value : total.plus(value);
        }
        if (total != null) {
            return total;
        }
        if (account == null) {
            throw new MissingRate("?", "?", "the account's currency is not known yet (the broker has not reported"
                    + " the account)");
        }
        return Money.zero(account);
    }

    @Override
    public String toString() {
        return byCurrency.toString();
    }
}

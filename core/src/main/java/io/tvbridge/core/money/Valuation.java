package io.tvbridge.core.money;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What is known, at one moment, to value amounts of symbols in the account's currency: the
 * broker's rates and the currency each symbol is priced in. A value read by the reports; the
 * engine keeps its own copy of the same facts.
 */
public record Valuation(Rates rates, Map<String, String> currencies) {
    public static final Valuation UNKNOWN = new Valuation(Rates.UNKNOWN, Map.of());

    public Valuation {
        Objects.requireNonNull(rates, "rates");
        currencies = Map.copyOf(currencies);
    }

    /** The currency {@code symbol} is priced in, once the broker resolved it or reported a position in it. */
    public Optional<String> currencyOf(String symbol) {
        return Optional.ofNullable(currencies.get(symbol));
    }

    /** {@code amount} of {@code symbol}'s currency, in the account's currency. */
    public Money toAccount(String symbol, BigDecimal amount) throws MissingRate {
        String currency = currencyOf(symbol).orElseThrow(() -> new MissingRate("?", rates.accountCurrency()
                .orElse("?"), "the currency " + symbol + " is priced in is not known (the broker has not resolved"
                + " it)"));
        return rates.toAccount(Money.of(amount, currency)).value();
    }
}

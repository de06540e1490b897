package io.tvbridge.core.risk;

import io.tvbridge.broker.spi.model.AssetClass;
import io.tvbridge.broker.spi.model.ConversionRates;
import io.tvbridge.broker.spi.model.Instrument;
import io.tvbridge.core.money.Amounts;
import io.tvbridge.core.money.Converted;
import io.tvbridge.core.money.MissingRate;
import io.tvbridge.core.money.Money;
import io.tvbridge.core.money.Rates;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the engine values orders by: the instruments the broker resolved (currency, multiplier,
 * margin rate), the currency of positions it reported, and the account's currency with the
 * broker's factors into it. Part of the {@link RiskState}, owned by the same thread.
 */
final class MarketTerms {
    private final Map<String, Instrument> instruments = new HashMap<>();
    private final Map<String, String> currencies = new HashMap<>();
    private Rates rates = Rates.UNKNOWN;

    MarketTerms copy() {
        MarketTerms copy = new MarketTerms();
        copy.instruments.putAll(instruments);
        copy.currencies.putAll(currencies);
        copy.rates = rates;
        return copy;
    }

    void instrumentResolved(String symbol, Instrument instrument) {
        instruments.put(symbol, instrument);
    }

    void currencySeen(String symbol, String currency) {
        if (!currency.isBlank()) {
            currencies.put(symbol, currency);
        }
    }

    void ratesUpdated(ConversionRates newer) {
        rates = rates.with(newer);
    }

    void accountCurrency(String currency) {
        rates = rates.inAccountCurrency(currency);
    }

    Rates rates() {
        return rates;
    }

    Optional<BigDecimal> multiplier(String symbol) {
        return instrument(symbol).map(Instrument::multiplier);
    }

    Optional<String> currency(String symbol) {
        return instrument(symbol).map(Instrument::currency).or(() -> Optional.ofNullable(currencies.get(symbol)));
    }

    Optional<AssetClass> assetClass(String symbol) {
        return instrument(symbol).map(Instrument::assetClass);
    }

    Optional<BigDecimal> quantityIncrement(String symbol) {
        return instrument(symbol).map(Instrument::quantityIncrement);
    }

    /** The venue's margin rate for {@code symbol}; crypto keeps cash semantics even where one is given. */
    Optional<BigDecimal> marginRate(String symbol) {
        return instrument(symbol).filter(i -> !i.assetClass().fractionalByNature()).flatMap(Instrument::marginRate);
    }

    String currencyOf(String symbol) throws NotValued {
        return currency(symbol).orElseThrow(() -> new NotValued("the currency " + symbol + " is priced in is not"
                + " known yet (the broker has not resolved " + symbol + "), so its value cannot be put in the"
                + " account's currency"));
    }

    Converted toAccount(Money money) throws NotValued {
        try {
            return rates.toAccount(money);
        } catch (MissingRate e) {
            throw new NotValued(e.getMessage());
        }
    }

    Money toAccount(Amounts amounts) throws NotValued {
        try {
            return amounts.toAccount(rates);
        } catch (MissingRate e) {
            throw new NotValued(e.getMessage());
        }
    }

    private Optional<Instrument> instrument(String symbol) {
        return Optional.ofNullable(instruments.get(symbol));
    }
}

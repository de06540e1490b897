package io.tvbridge.core.risk;

import io.tvbridge.broker.spi.model.ConversionRates;
import io.tvbridge.broker.spi.model.Instrument;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the broker told of money and instruments, handed to the engine as one value: its factors
 * into the account's currency, instruments it resolved (currency, multiplier, margin rate), by the
 * symbol alerts name them by, and
 * the currency of each position it reported.
 */
public record MarketFacts(Optional<ConversionRates> rates, Map<String, Instrument> instruments,
                          Map<String, String> currencies) {
    public MarketFacts {
        Objects.requireNonNull(rates, "rates");
        instruments = Map.copyOf(instruments);
        currencies = Map.copyOf(currencies);
    }

    public static MarketFacts rates(ConversionRates rates) {
        return new MarketFacts(Optional.of(rates), Map.of(), Map.of());
    }

    public boolean isEmpty() {
        return rates.isEmpty() && instruments.isEmpty() && currencies.isEmpty();
    }
}

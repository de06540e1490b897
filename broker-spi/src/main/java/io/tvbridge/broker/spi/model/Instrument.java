package io.tvbridge.broker.spi.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A tradable instrument as a broker resolved it.
 *
 * <p>{@code symbol} is the name tvbridge keys positions by: TradingView's spelling where one
 * exists ({@code AAPL}, {@code EURUSD}, {@code ESZ2026} for a dated future), and the same
 * name the broker uses in {@link Position#symbol()}. {@code venueSymbol} is the broker's own
 * identifier ({@code EUR_USD} at OANDA, a contract id at Interactive Brokers).
 *
 * <p>Units: prices are in {@code currency} per unit; quantities are in units of the
 * instrument (shares, contracts, base-currency units, coins). {@code multiplier} turns
 * price × quantity into money (50 for an ES future, 1 for a share). {@code tickSize} is the
 * smallest price step, {@code quantityIncrement} the smallest quantity step (1 for whole
 * units) and {@code minimumQuantity} the smallest order the venue takes.
 *
 * <p>{@code marginRate} is present when the venue trades the instrument on margin at a rate it
 * states (OANDA's {@code marginRate}: the margin an order needs is its value times the rate).
 * Empty means the account's buying power, as the broker reports it, is what an order must fit in.
 */
public record Instrument(
        String symbol,
        AssetClass assetClass,
        String exchange,
        String currency,
        Optional<LocalDate> expiry,
        BigDecimal multiplier,
        BigDecimal tickSize,
        BigDecimal quantityIncrement,
        BigDecimal minimumQuantity,
        String venueSymbol,
        Optional<BigDecimal> marginRate) {

    public Instrument {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(assetClass, "assetClass");
        Objects.requireNonNull(exchange, "exchange");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(expiry, "expiry");
        requirePositive(multiplier, "multiplier");
        requirePositive(tickSize, "tickSize");
        requirePositive(quantityIncrement, "quantityIncrement");
        requirePositive(minimumQuantity, "minimumQuantity");
        Objects.requireNonNull(venueSymbol, "venueSymbol");
        Objects.requireNonNull(marginRate, "marginRate");
        marginRate.ifPresent(rate -> {
            if (rate.signum() <= 0 || rate.compareTo(BigDecimal.ONE) > 0) {
                throw new IllegalArgumentException("marginRate must be above 0 and at most 1: " + rate);
            }
        });
        if (symbol.isBlank()) {
            throw new IllegalArgumentException("instrument symbol is blank");
        }
    }

    /** An instrument without a margin rate of its own: the account's buying power limits it. */
    public Instrument(String symbol, AssetClass assetClass, String exchange, String currency,
                      Optional<LocalDate> expiry, BigDecimal multiplier, BigDecimal tickSize,
                      BigDecimal quantityIncrement, BigDecimal minimumQuantity, String venueSymbol) {
        this(symbol, assetClass, exchange, currency, expiry, multiplier, tickSize, quantityIncrement,
                minimumQuantity, venueSymbol, Optional.empty());
    }

    /** The same instrument, traded on margin at {@code rate} of its value. */
    public Instrument withMarginRate(BigDecimal rate) {
        return new Instrument(symbol, assetClass, exchange, currency, expiry, multiplier, tickSize, quantityIncrement,
                minimumQuantity, venueSymbol, Optional.of(rate));
    }

    /** A plain instrument with unit multiplier, a tick of 0.01 and whole-unit quantities. */
    public static Instrument simple(String symbol, AssetClass assetClass, String exchange, String currency) {
        return new Instrument(symbol, assetClass, exchange, currency, Optional.empty(),
                BigDecimal.ONE, new BigDecimal("0.01"), BigDecimal.ONE, BigDecimal.ONE, symbol);
    }

    /** Whether {@code quantity} is a whole number of quantity increments. */
    public boolean acceptsQuantity(BigDecimal quantity) {
        return quantity.remainder(quantityIncrement).signum() == 0 && quantity.compareTo(minimumQuantity) >= 0;
    }

    private static void requirePositive(BigDecimal value, String name) {
        Objects.requireNonNull(value, name);
        if (value.signum() <= 0) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }
}

package io.tvbridge.broker.spi.model;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An instrument as the signal named it, before a broker resolves it into an {@link Instrument}.
 *
 * <p>{@code symbol} is TradingView's ticker ({@code AAPL}, {@code EURUSD}, {@code ES1!}),
 * {@code exchange} its optional prefix ({@code NASDAQ} in {@code NASDAQ:AAPL}), and
 * {@code assetClass} tvbridge's guess from those two, which a broker may use or overrule.
 */
public record InstrumentRef(String symbol, Optional<String> exchange, Optional<AssetClass> assetClass) {
    private static final Pattern SYMBOL = Pattern.compile("[A-Z0-9][A-Z0-9._!/&+^=-]{0,39}");
    private static final Pattern EXCHANGE = Pattern.compile("[A-Z0-9][A-Z0-9_.-]{0,29}");

    public InstrumentRef {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(exchange, "exchange");
        Objects.requireNonNull(assetClass, "assetClass");
        symbol = symbol.trim().toUpperCase(Locale.ROOT);
        exchange = exchange.map(e -> e.trim().toUpperCase(Locale.ROOT)).filter(e -> !e.isEmpty());
        if (!SYMBOL.matcher(symbol).matches()) {
            throw new IllegalArgumentException("not a symbol: '" + symbol
                    + "' (expected up to 40 letters, digits or . _ ! / & + ^ = -)");
        }
        exchange.ifPresent(e -> {
            if (!EXCHANGE.matcher(e).matches()) {
                throw new IllegalArgumentException("not an exchange prefix: '" + e + "'");
            }
        });
    }

    /** Parses {@code SYMBOL} or {@code EXCHANGE:SYMBOL}. */
    public static InstrumentRef parse(String text) {
        Objects.requireNonNull(text, "text");
        int colon = text.indexOf(':');
        if (colon < 0) {
            return new InstrumentRef(text, Optional.empty(), Optional.empty());
        }
        return new InstrumentRef(text.substring(colon + 1), Optional.of(text.substring(0, colon)), Optional.empty());
    }

    public InstrumentRef withAssetClass(AssetClass guess) {
        return new InstrumentRef(symbol, exchange, Optional.of(guess));
    }

    @Override
    public String toString() {
        return exchange.map(e -> e + ":" + symbol).orElse(symbol);   // parse(toString()) round-trips
    }
}

package io.tvbridge.broker.paper;

import io.tvbridge.broker.spi.BrokerException;
import io.tvbridge.broker.spi.model.AssetClass;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The paper broker's exchange rates: a table of pairs ({@code EURUSD=1.08}, {@code USDJPY=150}),
 * with the last price seen of a pair taking the table's place. A currency turns into the
 * account's through the pair of the two, its inverse, or a cross through USD; a currency none
 * of these reach has no rate, and the paper broker then refuses to fill in it.
 *
 * <p>Also the paper venue's listing rule for what an instrument is priced in: a currency pair
 * ({@code GBPJPY}) in its quote currency, a coin against a known currency or stable coin
 * ({@code BTCUSDT}) in that; stocks, futures and other CFDs in the account's currency (the
 * simulated venue lists them there).
 */
final class PaperRates {
    /** ISO 4217 codes, looked up in a set: asking {@link Currency} of an unknown code costs an exception each time. */
    private static final Set<String> CURRENCY_CODES = Currency.getAvailableCurrencies().stream()
            .map(Currency::getCurrencyCode).collect(Collectors.toUnmodifiableSet());

    static final String DEFAULTS = "EURUSD=1.08,GBPUSD=1.27,AUDUSD=0.66,NZDUSD=0.61,USDJPY=150,USDCHF=0.88,"
            + "USDCAD=1.36,USDTUSD=1,USDCUSD=1";
    private static final MathContext PRECISION = new MathContext(20, RoundingMode.HALF_EVEN);
    private static final Set<String> COIN_QUOTES = Set.of("USDT", "USDC");
    private static final String USD = "USD";

    private final Map<String, BigDecimal> table;

    private PaperRates(Map<String, BigDecimal> table) {
        this.table = Map.copyOf(table);
    }

    /** Parses {@code EURUSD=1.08,USDJPY=150}: six letters (or a coin pair) each, and a positive rate. */
    static PaperRates parse(String text, String setting) throws BrokerException {
        Map<String, BigDecimal> table = new TreeMap<>();
        for (String entry : text.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            String[] parts = entry.split("=");
            String pair = parts[0].strip().toUpperCase(Locale.ROOT);
            BigDecimal rate;
            try {
                rate = parts.length == 2 ? new BigDecimal(parts[1].strip()) : BigDecimal.ZERO;
            } catch (NumberFormatException e) {
                rate = BigDecimal.ZERO;
            }
            if (split(pair).isEmpty() || rate.signum() <= 0) {
                throw new BrokerException(BrokerException.Kind.CONFIGURATION, setting + ": '" + entry.strip()
                        + "' is not a pair and its rate, such as EURUSD=1.08");
            }
            table.put(pair, rate);
        }
        return new PaperRates(table);
    }

    /** The currency the paper venue prices {@code symbol} in. */
    static String currencyOf(String symbol, AssetClass assetClass, String account) {
        Optional<String[]> pair = split(symbol);
        return switch (assetClass) {
            case FOREX -> pair.map(p -> p[1]).orElse(account);
            case CRYPTO -> pair.map(p -> p[1]).filter(q -> isCurrency(q) || COIN_QUOTES.contains(q)).orElse(account);
            case STOCK, FUTURE, CFD -> account;
        };
    }

    /**
     * What one unit of {@code currency} is worth in {@code account}, by the last prices seen
     * ({@code lastPrices}) or the table; empty when neither reaches it.
     */
    Optional<BigDecimal> factor(String currency, String account, Function<String, Optional<BigDecimal>> lastPrices) {
        if (currency.equals(account)) {
            return Optional.of(BigDecimal.ONE);
        }
        Optional<BigDecimal> direct = pair(currency, account, lastPrices);
        if (direct.isPresent() || currency.equals(USD) || account.equals(USD)) {
            return direct;
        }
        return pair(currency, USD, lastPrices).flatMap(toUsd -> pair(USD, account, lastPrices)
                .map(usd -> toUsd.multiply(usd, PRECISION)));
    }

    /** One {@code base} in {@code quote}: the pair's rate, or the inverse of the reversed pair. */
    private Optional<BigDecimal> pair(String base, String quote, Function<String, Optional<BigDecimal>> lastPrices) {
        Optional<BigDecimal> rate = rate(base + quote, lastPrices);
        if (rate.isPresent()) {
            return rate;
        }
        return rate(quote + base, lastPrices).map(inverse -> BigDecimal.ONE.divide(inverse, PRECISION));
    }

    private Optional<BigDecimal> rate(String pair, Function<String, Optional<BigDecimal>> lastPrices) {
        return lastPrices.apply(pair).filter(price -> price.signum() > 0)
                .or(() -> Optional.ofNullable(table.get(pair)));
    }

    /** {@code GBPJPY} as GBP and JPY; {@code BTCUSDT} as BTC and USDT; empty for what is no pair. */
    private static Optional<String[]> split(String symbol) {
        for (String coin : COIN_QUOTES) {
            if (symbol.length() > coin.length() && symbol.endsWith(coin)) {
                return Optional.of(new String[] {symbol.substring(0, symbol.length() - coin.length()), coin});
            }
        }
        if (symbol.length() == 6 && symbol.chars().allMatch(Character::isLetter)) {
            return Optional.of(new String[] {symbol.substring(0, 3), symbol.substring(3)});
        }
        if (symbol.length() > 3 && symbol.chars().allMatch(Character::isLetterOrDigit)
                && isCurrency(symbol.substring(symbol.length() - 3))) {
            return Optional.of(new String[] {symbol.substring(0, symbol.length() - 3),
                    symbol.substring(symbol.length() - 3)});
        }
        return Optional.empty();
    }

    private static boolean isCurrency(String code) {
        return CURRENCY_CODES.contains(code);
    }
}

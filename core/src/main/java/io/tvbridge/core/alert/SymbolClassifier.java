package io.tvbridge.core.alert;

import io.tvbridge.broker.spi.model.AssetClass;
import io.tvbridge.broker.spi.model.InstrumentRef;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * tvbridge's guess of an alert symbol's asset class, from TradingView's conventions: the
 * exchange prefix ({@code BINANCE:}, {@code FX:}, {@code CME_MINI:}, {@code NASDAQ:}) and the
 * symbol's shape ({@code ES1!}, {@code EURUSD}, {@code BTCUSD}). Brokers may overrule it; the
 * calendar, sizing and the paper broker use it.
 */
public final class SymbolClassifier {
    private static final Set<String> CRYPTO_EXCHANGES = Set.of("BINANCE", "COINBASE", "BITSTAMP", "KRAKEN",
            "BITFINEX", "GEMINI", "BYBIT", "OKX", "KUCOIN", "PAXOS", "CRYPTO", "BINANCEUS", "CRYPTOCAP");
    private static final Set<String> FX_EXCHANGES = Set.of("FX", "FX_IDC", "FXCM", "SAXO", "PEPPERSTONE",
            "ICMARKETS", "FOREXCOM", "IDEALPRO", "EIGHTCAP", "OANDA");
    private static final Set<String> FUTURE_EXCHANGES = Set.of("CME", "CME_MINI", "CBOT", "CBOT_MINI", "NYMEX",
            "COMEX", "ICEUS", "ICEEUR", "EUREX", "GLOBEX");
    private static final Set<String> STOCK_EXCHANGES = Set.of("NASDAQ", "NYSE", "AMEX", "ARCA", "NYSEARCA", "BATS",
            "CBOE", "OTC", "LSE", "XETR", "TSX", "ASX");
    private static final Set<String> CURRENCIES = Set.of("USD", "EUR", "GBP", "JPY", "CHF", "CAD", "AUD", "NZD",
            "SEK", "NOK", "DKK", "HKD", "SGD", "MXN", "ZAR", "CNH", "TRY", "PLN", "HUF", "CZK", "ILS");
    private static final Set<String> COINS = Set.of("BTC", "ETH", "LTC", "BCH", "SOL", "XRP", "ADA", "DOGE", "DOT",
            "AVAX", "LINK", "MATIC", "XBT");
    private static final Set<String> CRYPTO_QUOTES = Set.of("USD", "USDT", "USDC", "EUR", "BTC");
    private static final Pattern CONTINUOUS_FUTURE = Pattern.compile("[A-Z0-9]{1,5}[1-9]!");

    private SymbolClassifier() {
    }

    /**
     * The alert's symbol with its asset class guessed and, for currency pairs, crypto and CFDs,
     * in one spelling ({@code EUR/USD}, {@code EUR_USD} → {@code EURUSD}), so that every alert
     * for the same instrument keeps the same position.
     */
    public static InstrumentRef classify(InstrumentRef ref) {
        Optional<AssetClass> assetClass = ref.assetClass().or(() -> guess(ref));
        if (assetClass.isEmpty()) {
            return ref;
        }
        String symbol = switch (assetClass.get()) {
            case FOREX, CRYPTO, CFD -> ref.symbol().replace("/", "").replace("_", "").replace(".", "");
            case STOCK, FUTURE -> ref.symbol();
        };
        return new InstrumentRef(symbol, ref.exchange(), assetClass);
    }

    static Optional<AssetClass> guess(InstrumentRef ref) {
        String prefix = ref.exchange().orElse("");
        String symbol = ref.symbol().replace("/", "").replace("_", "");
        if (CONTINUOUS_FUTURE.matcher(ref.symbol()).matches() || FUTURE_EXCHANGES.contains(prefix)) {
            return Optional.of(AssetClass.FUTURE);
        }
        if (CRYPTO_EXCHANGES.contains(prefix) || isCrypto(symbol)) {
            return Optional.of(AssetClass.CRYPTO);
        }
        if (isCurrencyPair(symbol)) {
            return Optional.of(AssetClass.FOREX);
        }
        if (prefix.equals("OANDA")) {
            return Optional.of(AssetClass.CFD);   // OANDA's metals and indices (XAUUSD, SPX500USD)
        }
        if (FX_EXCHANGES.contains(prefix)) {
            return Optional.of(AssetClass.FOREX);
        }
        if (STOCK_EXCHANGES.contains(prefix) || prefix.isEmpty()) {
            return Optional.of(AssetClass.STOCK);
        }
        return Optional.empty();
    }

    private static boolean isCurrencyPair(String symbol) {
        return symbol.length() == 6 && CURRENCIES.contains(symbol.substring(0, 3)) && CURRENCIES.contains(symbol.substring(3));
    }

    private static boolean isCrypto(String symbol) {
        for (String coin : COINS) {
            if (symbol.startsWith(coin) && CRYPTO_QUOTES.contains(symbol.substring(coin.length()))) {
                return true;
            }
        }
        return false;
    }
}

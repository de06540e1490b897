package io.tvbridge.broker.ibkr.mapping;

import io.tvbridge.broker.ibkr.codec.IbContract;
import io.tvbridge.broker.spi.BrokerException;
import io.tvbridge.broker.spi.model.AssetClass;
import io.tvbridge.broker.spi.model.InstrumentRef;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * TradingView symbols to IB contracts, and IB contracts back to the TradingView-style symbol
 * tvbridge keys positions by.
 *
 * <ul>
 *   <li>stocks: {@code AAPL}, {@code NASDAQ:AAPL} → STK on SMART in USD, primary exchange from the prefix;
 *       a dot becomes IB's space ({@code BRK.B} → {@code BRK B});</li>
 *   <li>FX: {@code EURUSD}, {@code FX:EURUSD}, {@code EUR/USD} → CASH EUR.USD on IDEALPRO;</li>
 *   <li>crypto: {@code BTCUSD}, {@code COINBASE:BTCUSD} → CRYPTO BTC on PAXOS in USD;</li>
 *   <li>futures: {@code ES1!} → the front contract (chosen later from the contract details),
 *       {@code ESZ2026} / {@code ESZ26} → the December 2026 contract; exchange from the root or prefix;</li>
 *   <li>a symbol-map file overrides all of this, one {@code SYMBOL = SECTYPE,SYMBOL,EXCHANGE,CURRENCY[,PRIMARY[,EXPIRY]]}
 *       per line, keyed by {@code EXCHANGE:SYMBOL} or {@code SYMBOL}.</li>
 * </ul>
 */
public final class IbkrSymbols {
    private static final Set<String> CURRENCIES = Set.of("USD", "EUR", "GBP", "JPY", "CHF", "CAD", "AUD", "NZD",
            "SEK", "NOK", "DKK", "HKD", "SGD", "MXN", "ZAR", "CNH", "TRY", "PLN", "HUF", "CZK", "ILS", "KRW");
    private static final Set<String> CRYPTO_COINS = Set.of("BTC", "ETH", "LTC", "BCH");
    private static final Set<String> CRYPTO_PREFIXES = Set.of("COINBASE", "BINANCE", "BITSTAMP", "KRAKEN", "PAXOS",
            "GEMINI", "BITFINEX", "CRYPTO", "BYBIT", "OKX");
    private static final Set<String> FX_PREFIXES = Set.of("FX", "FX_IDC", "OANDA", "FXCM", "SAXO", "PEPPERSTONE",
            "ICMARKETS", "IDEALPRO", "FOREXCOM");
    private static final Map<String, String> STOCK_PRIMARY = Map.of("NASDAQ", "NASDAQ", "NYSE", "NYSE",
            "AMEX", "AMEX", "ARCA", "ARCA", "NYSEARCA", "ARCA", "BATS", "BATS", "CBOE", "BATS");
    private static final Map<String, String> FUTURE_PREFIXES = Map.of("CME", "CME", "CME_MINI", "CME",
            "CBOT", "CBOT", "CBOT_MINI", "CBOT", "NYMEX", "NYMEX", "COMEX", "COMEX", "GLOBEX", "CME");
    private static final Map<String, String> FUTURE_ROOTS = futureRoots();
    private static final Pattern CONTINUOUS = Pattern.compile("([A-Z0-9]{1,5}?)([1-9])!");
    private static final Pattern DATED = Pattern.compile("([A-Z0-9]{1,5}?)([FGHJKMNQUVXZ])(\\d{4}|\\d{2}|\\d)");
    private static final String MONTH_CODES = "FGHJKMNQUVXZ";

    private final Map<String, ContractRequest> overrides;

    private IbkrSymbols(Map<String, ContractRequest> overrides) {
        this.overrides = overrides;
    }

    public static IbkrSymbols standard() {
        return new IbkrSymbols(Map.of());
    }

    /** The standard rules with the overrides of a symbol-map file. */
    public static IbkrSymbols withMap(Path file) throws BrokerException {
        Map<String, ContractRequest> overrides = new HashMap<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BrokerException(BrokerException.Kind.CONFIGURATION, "cannot read the IBKR_SYMBOL_MAP file "
                    + file + ": " + e.getMessage());
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int equals = line.indexOf('=');
            String[] parts = equals < 0 ? new String[0] : line.substring(equals + 1).split(",");
            if (equals <= 0 || parts.length < 4) {
                throw new BrokerException(BrokerException.Kind.CONFIGURATION, file + " line " + (i + 1)
                        + ": expected SYMBOL = SECTYPE,SYMBOL,EXCHANGE,CURRENCY[,PRIMARY[,EXPIRY]]");
            }
            String secType = parts[0].strip().toUpperCase(Locale.ROOT);
            IbContract contract = IbContract.of(parts[1].strip(), secType, parts[2].strip(), parts[3].strip());
            if (parts.length > 4 && !parts[4].isBlank()) {
                contract = contract.withPrimaryExch(parts[4].strip());
            }
            if (parts.length > 5 && !parts[5].isBlank()) {
                contract = contract.withExpiry(parts[5].strip(), "");
            }
            overrides.put(line.substring(0, equals).strip().toUpperCase(Locale.ROOT),
                    new ContractRequest(contract, assetClassOf(secType), 0));
        }
        return new IbkrSymbols(Map.copyOf(overrides));
    }

    /** The contract to look up for a symbol as the alert named it. */
    public ContractRequest request(InstrumentRef ref) {
        ContractRequest override = overrides.get(ref.toString());
        if (override == null) {
            override = overrides.get(ref.symbol());
        }
        if (override != null) {
            return override;
        }
        String symbol = ref.symbol();
        String prefix = ref.exchange().orElse("");
        Optional<AssetClass> hint = ref.assetClass();

        Matcher continuous = CONTINUOUS.matcher(symbol);
        if (continuous.matches()) {
            String root = continuous.group(1);
            return new ContractRequest(IbContract.of(root, "FUT", futureExchange(root, prefix), "USD"),
                    AssetClass.FUTURE, Integer.parseInt(continuous.group(2)));
        }
        Matcher dated = DATED.matcher(symbol);
        if (dated.matches() && (FUTURE_ROOTS.containsKey(dated.group(1)) || FUTURE_PREFIXES.containsKey(prefix)
                || hint.orElse(null) == AssetClass.FUTURE)) {
            String root = dated.group(1);
            String month = contractMonth(dated.group(2).charAt(0), dated.group(3));
            return new ContractRequest(IbContract.of(root, "FUT", futureExchange(root, prefix), "USD")
                    .withExpiry(month, ""), AssetClass.FUTURE, 0);
        }
        String compact = symbol.replace("/", "").replace(".", "").replace("_", "");
        if (compact.length() >= 6 && compact.length() <= 7) {
            String base = compact.substring(0, 3);
            String quote = compact.substring(3);
            if (CRYPTO_COINS.contains(base) && (quote.equals("USD") || quote.equals("USDT") || quote.equals("USDC"))
                    && (prefix.isEmpty() || CRYPTO_PREFIXES.contains(prefix) || hint.orElse(null) == AssetClass.CRYPTO)) {
                return new ContractRequest(IbContract.of(base, "CRYPTO", "PAXOS", "USD"), AssetClass.CRYPTO, 0);
            }
            if (quote.length() == 3 && CURRENCIES.contains(base) && CURRENCIES.contains(quote)
                    && (prefix.isEmpty() || FX_PREFIXES.contains(prefix) || hint.orElse(null) == AssetClass.FOREX)) {
                return new ContractRequest(IbContract.of(base, "CASH", "IDEALPRO", quote), AssetClass.FOREX, 0);
            }
        }
        IbContract stock = IbContract.of(symbol.replace('.', ' '), "STK", "SMART", "USD");
        String primary = STOCK_PRIMARY.get(prefix);
        return new ContractRequest(primary == null ? stock : stock.withPrimaryExch(primary), AssetClass.STOCK, 0);
    }

    /**
     * The TradingView-style symbol of an IB contract, as tvbridge keys positions:
     * {@code AAPL}, {@code BRK.B}, {@code EURUSD}, {@code BTCUSD}, {@code ESZ2026}.
     */
    public static String tradingViewSymbol(IbContract contract) {
        return switch (contract.secType()) {
            case "CASH", "CRYPTO" -> contract.symbol() + contract.currency();
            case "FUT" -> futureSymbol(contract.symbol(), contract.lastTradeDateOrContractMonth())
                    .orElse(contract.localSymbol().isEmpty() ? contract.symbol() : contract.localSymbol());
            default -> contract.symbol().replace(' ', '.');
        };
    }

    /** {@code ES} + {@code 20261218} → {@code ESZ2026}. */
    public static Optional<String> futureSymbol(String root, String expiry) {
        if (expiry.length() < 6) {
            return Optional.empty();
        }
        try {
            int year = Integer.parseInt(expiry.substring(0, 4));
            int month = Integer.parseInt(expiry.substring(4, 6));
            return Optional.of(root + MONTH_CODES.charAt(month - 1) + year);
        } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    public static AssetClass assetClassOf(String secType) {
        return switch (secType) {
            case "FUT" -> AssetClass.FUTURE;
            case "CASH" -> AssetClass.FOREX;
            case "CRYPTO" -> AssetClass.CRYPTO;
            case "CFD" -> AssetClass.CFD;
            default -> AssetClass.STOCK;
        };
    }

    /** The expiry date of a contract's {@code lastTradeDateOrContractMonth} ({@code YYYYMMDD}; a month gives its last day). */
    public static Optional<LocalDate> expiryDate(String lastTradeDateOrContractMonth) {
        String text = lastTradeDateOrContractMonth.strip();
        try {
            if (text.length() >= 8) {
                return Optional.of(LocalDate.parse(text.substring(0, 8), DateTimeFormatter.BASIC_ISO_DATE));
            }
            if (text.length() == 6) {
                return Optional.of(LocalDate.parse(text + "01", DateTimeFormatter.BASIC_ISO_DATE)
                        .withDayOfMonth(1).plusMonths(1).minusDays(1));
            }
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static String futureExchange(String root, String prefix) {
        String byPrefix = FUTURE_PREFIXES.get(prefix);
        if (byPrefix != null) {
            return byPrefix;
        }
        return FUTURE_ROOTS.getOrDefault(root, "CME");
    }

    /** Month code and a 1-, 2- or 4-digit year → {@code YYYYMM}; short years are the next such year from 2020. */
    private static String contractMonth(char code, String year) {
        int month = MONTH_CODES.indexOf(code) + 1;
        int fullYear = switch (year.length()) {
            case 4 -> Integer.parseInt(year);
            case 2 -> 2000 + Integer.parseInt(year);
            default -> 2020 + Integer.parseInt(year);
        };
        return String.format(Locale.ROOT, "%04d%02d", fullYear, month);
    }

    private static Map<String, String> futureRoots() {
        Map<String, String> roots = new HashMap<>();
        for (String root : List.of("ES", "MES", "NQ", "MNQ", "RTY", "M2K", "6E", "6J", "6B", "6A", "6C", "6S",
                "M6E", "HE", "LE", "BTC", "MBT", "ETH", "MET")) {
            roots.put(root, "CME");
        }
        for (String root : List.of("YM", "MYM", "ZB", "ZN", "ZF", "ZT", "UB", "ZC", "ZS", "ZW", "ZM", "ZL")) {
            roots.put(root, "CBOT");
        }
        for (String root : List.of("CL", "MCL", "QM", "NG", "QG", "RB", "HO")) {
            roots.put(root, "NYMEX");
        }
        for (String root : List.of("GC", "MGC", "SI", "SIL", "HG", "MHG")) {
            roots.put(root, "COMEX");
        }
        return Map.copyOf(roots);
    }
}

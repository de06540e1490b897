package io.tvbridge.broker.oanda.mapping;

import io.tvbridge.broker.oanda.codec.OandaInstrumentSpec;
import io.tvbridge.broker.spi.model.AssetClass;
import io.tvbridge.broker.spi.model.Instrument;
import io.tvbridge.broker.spi.model.InstrumentRef;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The instruments one OANDA account may trade, found by the names a TradingView alert uses.
 *
 * <p>OANDA names an instrument {@code BASE_QUOTE} ({@code EUR_USD}, {@code XAU_USD},
 * {@code SPX500_USD}); TradingView writes the same without the underscore, often with an
 * exchange prefix ({@code FX:EURUSD}, {@code OANDA:XAUUSD}), and people write {@code EUR/USD}.
 * Every spelling is reduced to its letters and digits and matched against the account's
 * list, whatever the prefix. tvbridge's symbol for an instrument is that reduced form
 * ({@code EURUSD}): what the alert said, and what {@link #symbolOf} reports positions under.
 */
public final class OandaInstrumentCatalog {
    private static final Pattern SEPARATORS = Pattern.compile("[/_.\\- ]");

    private final Map<String, OandaInstrumentSpec> byName = new LinkedHashMap<>();
    private final Map<String, OandaInstrumentSpec> bySymbol = new LinkedHashMap<>();

    public OandaInstrumentCatalog(List<OandaInstrumentSpec> specs) {
        for (OandaInstrumentSpec spec : specs) {
            byName.put(spec.name(), spec);
            bySymbol.putIfAbsent(symbolOf(spec.name()), spec);
        }
    }

    public static OandaInstrumentCatalog empty() {
        return new OandaInstrumentCatalog(List.of());
    }

    /** The instrument a signal named, in any of the spellings above. */
    public Optional<OandaInstrumentSpec> find(InstrumentRef ref) {
        return Optional.ofNullable(bySymbol.get(symbolOf(ref.symbol())));
    }

    /** The instrument by OANDA's own name, {@code EUR_USD}. */
    public Optional<OandaInstrumentSpec> byName(String oandaName) {
        return Optional.ofNullable(byName.get(oandaName));
    }

    public int size() {
        return byName.size();
    }

    public boolean isEmpty() {
        return byName.isEmpty();
    }

    /**
     * An instrument whose base or quote is {@code currency}, for asking OANDA's factor of that
     * currency: the pair with {@code home} first, then any other.
     */
    public Optional<String> pricedWith(String currency, String home) {
        Optional<String> direct = byName.values().stream().map(OandaInstrumentSpec::name)
                .filter(name -> name.equals(currency + "_" + home) || name.equals(home + "_" + currency)).findFirst();
        return direct.or(() -> byName.values().stream().filter(spec -> spec.quoteCurrency().equals(currency)
                || spec.baseCurrency().equals(currency)).map(OandaInstrumentSpec::name).findFirst());
    }

    /** A few names, for messages that say what would have matched. */
    public List<String> someSymbols(int count) {
        return bySymbol.keySet().stream().limit(count).toList();
    }

    /**
     * tvbridge's symbol for an OANDA name or any spelling of it: {@code EUR_USD} and
     * {@code EUR/USD} are {@code EURUSD}.
     */
    public static String symbolOf(String name) {
        return SEPARATORS.matcher(name.toUpperCase(Locale.ROOT)).replaceAll("");
    }

    /** The instrument as tvbridge sees it: ticks, steps and minimum from OANDA's precision fields. */
    public static Instrument instrument(OandaInstrumentSpec spec) {
        BigDecimal step = BigDecimal.ONE.movePointLeft(spec.tradeUnitsPrecision());
        return new Instrument(symbolOf(spec.name()), assetClass(spec.type()), "OANDA", spec.quoteCurrency(),
                Optional.empty(), BigDecimal.ONE, BigDecimal.ONE.movePointLeft(spec.displayPrecision()), step,
                spec.minimumTradeSize().max(step), spec.name(), spec.marginRate());
    }

    /** OANDA's instrument types: currency pairs are forex; indices, commodities, metals and bonds are CFDs. */
    static AssetClass assetClass(String type) {
        return type.equals("CURRENCY") ? AssetClass.FOREX : AssetClass.CFD;
    }
}

package io.tvbridge.broker.oanda.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.tvbridge.broker.oanda.codec.OandaDecoder;
import io.tvbridge.broker.oanda.codec.OandaInstrumentSpec;
import io.tvbridge.broker.oanda.codec.OandaJson;
import io.tvbridge.broker.oanda.fake.OandaFixtures;
import io.tvbridge.broker.spi.model.AssetClass;
import io.tvbridge.broker.spi.model.Instrument;
import io.tvbridge.broker.spi.model.InstrumentRef;
import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OandaInstrumentCatalogTest {
    private final OandaInstrumentCatalog catalog = new OandaInstrumentCatalog(OandaDecoder.instruments(
            OandaJson.parse("instruments", OandaFixtures.json("instruments"))));

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "EURUSD, EUR_USD",
            "FX:EURUSD, EUR_USD",
            "OANDA:EURUSD, EUR_USD",
            "EUR/USD, EUR_USD",
            "EUR_USD, EUR_USD",
            "eurusd, EUR_USD",
            "OANDA:XAUUSD, XAU_USD",
            "XAU_USD, XAU_USD",
            "OANDA:SPX500USD, SPX500_USD",
            "SPX500_USD, SPX500_USD"})
    void findsTheInstrumentUnderEverySpellingAnAlertUses(String alert, String oandaName) {
        assertThat(catalog.find(InstrumentRef.parse(alert))).map(OandaInstrumentSpec::name).contains(oandaName);
    }

    @ParameterizedTest
    @CsvSource({"GBPUSD", "FX:USDJPY", "AAPL", "XAU"})
    void anInstrumentTheAccountDoesNotOfferIsNotFound(String alert) {
        assertThat(catalog.find(InstrumentRef.parse(alert))).isEmpty();
    }

    @Test
    void theInstrumentCarriesTheSymbolTheAlertUsesAndOandasRules() {
        Instrument eurusd = OandaInstrumentCatalog.instrument(catalog.byName("EUR_USD").orElseThrow());
        assertThat(eurusd).isEqualTo(new Instrument("EURUSD", AssetClass.FOREX, "OANDA", "USD", Optional.empty(),
                BigDecimal.ONE, new BigDecimal("0.00001"), BigDecimal.ONE, BigDecimal.ONE, "EUR_USD",
                Optional.of(new BigDecimal("0.0333"))));

        Instrument gold = OandaInstrumentCatalog.instrument(catalog.byName("XAU_USD").orElseThrow());
        assertThat(gold.symbol()).isEqualTo("XAUUSD");
        assertThat(gold.assetClass()).isEqualTo(AssetClass.CFD);
        assertThat(gold.tickSize()).isEqualByComparingTo("0.001");

        Instrument index = OandaInstrumentCatalog.instrument(catalog.byName("SPX500_USD").orElseThrow());
        assertThat(index.quantityIncrement()).isEqualByComparingTo("0.1");
        assertThat(index.minimumQuantity()).isEqualByComparingTo("0.1");
        assertThat(index.acceptsQuantity(new BigDecimal("2.5"))).isTrue();
        assertThat(index.acceptsQuantity(new BigDecimal("2.55"))).isFalse();
    }

    @Test
    void positionsAreReportedUnderTheAlertsSymbol() {
        assertThat(OandaInstrumentCatalog.symbolOf("EUR_USD")).isEqualTo("EURUSD");
        assertThat(OandaInstrumentCatalog.symbolOf("SPX500_USD")).isEqualTo("SPX500USD");
        assertThat(OandaInstrumentCatalog.instrument(catalog.find(InstrumentRef.parse("EUR/USD")).orElseThrow())
                .symbol()).isEqualTo(OandaInstrumentCatalog.symbolOf("EUR_USD"));
    }
}

package io.tvbridge.core.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.tvbridge.broker.spi.model.AssetClass;
import io.tvbridge.broker.spi.model.InstrumentRef;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SymbolClassifierTest {

    @ParameterizedTest
    @CsvSource({"AAPL,STOCK", "NASDAQ:AAPL,STOCK", "NYSE:BRK.B,STOCK", "EURUSD,FOREX", "FX:GBPJPY,FOREX",
            "OANDA:EURUSD,FOREX", "OANDA:XAUUSD,CFD", "OANDA:SPX500USD,CFD", "BTCUSD,CRYPTO", "BINANCE:BTCUSDT,CRYPTO",
            "COINBASE:ETHUSD,CRYPTO", "ES1!,FUTURE", "CME_MINI:NQ1!,FUTURE", "NYMEX:CL2!,FUTURE", "CME:ESZ2026,FUTURE"})
    void guessesTheAssetClassFromTradingViewsConventions(String symbol, AssetClass expected) {
        assertThat(SymbolClassifier.classify(InstrumentRef.parse(symbol)).assetClass()).contains(expected);
    }

    @ParameterizedTest
    @CsvSource({"EUR/USD,EURUSD", "EUR_USD,EURUSD", "OANDA:XAU_USD,XAUUSD", "BTC/USD,BTCUSD", "NYSE:BRK.B,BRK.B"})
    void writesPairsOneWaySoTheyKeepOnePosition(String symbol, String expected) {
        assertThat(SymbolClassifier.classify(InstrumentRef.parse(symbol)).symbol()).isEqualTo(expected);
    }
}

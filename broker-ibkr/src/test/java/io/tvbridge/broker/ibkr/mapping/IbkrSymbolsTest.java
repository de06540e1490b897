package io.tvbridge.broker.ibkr.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tvbridge.broker.ibkr.codec.IbContract;
import io.tvbridge.broker.spi.BrokerException;
import io.tvbridge.broker.spi.model.AssetClass;
import io.tvbridge.broker.spi.model.InstrumentRef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IbkrSymbolsTest {
    private final IbkrSymbols symbols = IbkrSymbols.standard();

    @ParameterizedTest(name = "{0} -> {1} {2} {3} {4} {5}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // tradingview     | secType | symbol | exchange | currency | primary | expiry | class    | continuous
            "AAPL              | STK     | AAPL   | SMART    | USD      | -       | -      | STOCK    | 0",
            "NASDAQ:AAPL       | STK     | AAPL   | SMART    | USD      | NASDAQ  | -      | STOCK    | 0",
            "NYSE:BRK.B        | STK     | BRK B  | SMART    | USD      | NYSE    | -      | STOCK    | 0",
            "AMEX:SPY          | STK     | SPY    | SMART    | USD      | AMEX    | -      | STOCK    | 0",
            "EURUSD            | CASH    | EUR    | IDEALPRO | USD      | -       | -      | FOREX    | 0",
            "FX:GBPJPY         | CASH    | GBP    | IDEALPRO | JPY      | -       | -      | FOREX    | 0",
            "EUR/USD           | CASH    | EUR    | IDEALPRO | USD      | -       | -      | FOREX    | 0",
            "OANDA:USDCAD      | CASH    | USD    | IDEALPRO | CAD      | -       | -      | FOREX    | 0",
            "BTCUSD            | CRYPTO  | BTC    | PAXOS    | USD      | -       | -      | CRYPTO   | 0",
            "COINBASE:ETHUSD   | CRYPTO  | ETH    | PAXOS    | USD      | -       | -      | CRYPTO   | 0",
            "BINANCE:BTCUSDT   | CRYPTO  | BTC    | PAXOS    | USD      | -       | -      | CRYPTO   | 0",
            "ES1!              | FUT     | ES     | CME      | USD      | -       | -      | FUTURE   | 1",
            "CME_MINI:NQ1!     | FUT     | NQ     | CME      | USD      | -       | -      | FUTURE   | 1",
            "CL2!              | FUT     | CL     | NYMEX    | USD      | -       | -      | FUTURE   | 2",
            "COMEX:GC1!        | FUT     | GC     | COMEX    | USD      | -       | -      | FUTURE   | 1",
            "YM1!              | FUT     | YM     | CBOT     | USD      | -       | -      | FUTURE   | 1",
            "ESZ2026           | FUT     | ES     | CME      | USD      | -       | 202612 | FUTURE   | 0",
            "CME_MINI:NQH27    | FUT     | NQ     | CME      | USD      | -       | 202703 | FUTURE   | 0",
    })
    void mapsTradingViewSymbolsToContracts(String tradingView, String secType, String symbol, String exchange,
                                           String currency, String primary, String expiry, AssetClass assetClass,
                                           int continuous) {
        ContractRequest request = symbols.request(InstrumentRef.parse(tradingView));
        IbContract contract = request.contract();
        assertThat(contract.secType()).isEqualTo(secType);
        assertThat(contract.symbol()).isEqualTo(symbol);
        assertThat(contract.exchange()).isEqualTo(exchange);
        assertThat(contract.currency()).isEqualTo(currency);
        assertThat(contract.primaryExch()).isEqualTo(primary == null ? "" : primary);
        assertThat(contract.lastTradeDateOrContractMonth()).isEqualTo(expiry == null ? "" : expiry);
        assertThat(request.assetClass()).isEqualTo(assetClass);
        assertThat(request.continuousIndex()).isEqualTo(continuous);
    }

    @ParameterizedTest
    @CsvSource({"STK,AAPL,USD,,AAPL", "STK,BRK B,USD,,BRK.B", "CASH,EUR,USD,,EURUSD", "CRYPTO,BTC,USD,,BTCUSD",
            "FUT,ES,USD,20261218,ESZ2026", "FUT,NQ,USD,202703,NQH2027"})
    void mapsContractsBackToTheSymbolPositionsAreKeptBy(String secType, String symbol, String currency, String expiry,
                                                       String expected) {
        IbContract contract = IbContract.of(symbol, secType, "SMART", currency).withExpiry(expiry == null ? "" : expiry, "");
        assertThat(IbkrSymbols.tradingViewSymbol(contract)).isEqualTo(expected);
    }

    @Test
    void aSymbolMapOverridesTheRules(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("symbols.txt");
        Files.writeString(file, "# overrides\nNYSE:RDS = STK,SHEL,SMART,USD,NYSE\nMGC1! = FUT,MGC,COMEX,USD,,202612\n");
        IbkrSymbols mapped = IbkrSymbols.withMap(file);
        assertThat(mapped.request(InstrumentRef.parse("NYSE:RDS")).contract().symbol()).isEqualTo("SHEL");
        ContractRequest gold = mapped.request(InstrumentRef.parse("MGC1!"));
        assertThat(gold.contract().lastTradeDateOrContractMonth()).isEqualTo("202612");
        assertThat(gold.assetClass()).isEqualTo(AssetClass.FUTURE);
        assertThat(mapped.request(InstrumentRef.parse("AAPL")).contract().secType()).isEqualTo("STK");
    }

    @Test
    void aBrokenSymbolMapNamesTheLine(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("symbols.txt");
        Files.writeString(file, "AAPL = STK,AAPL\n");
        assertThatThrownBy(() -> IbkrSymbols.withMap(file)).isInstanceOf(BrokerException.class)
                .hasMessageContaining("line 1");
    }

    @Test
    void expiryDatesFromDaysOrMonths() {
        assertThat(IbkrSymbols.expiryDate("20261218")).contains(LocalDate.of(2026, 12, 18));
        assertThat(IbkrSymbols.expiryDate("202612")).contains(LocalDate.of(2026, 12, 31));
        assertThat(IbkrSymbols.expiryDate("")).isEmpty();
    }
}

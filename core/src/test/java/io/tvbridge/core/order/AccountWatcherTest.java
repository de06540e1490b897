package io.tvbridge.core.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.tvbridge.broker.spi.model.AccountSnapshot;
import io.tvbridge.broker.spi.model.AssetClass;
import io.tvbridge.broker.spi.model.Instrument;
import io.tvbridge.broker.spi.model.InstrumentRef;
import io.tvbridge.core.money.Money;
import io.tvbridge.core.risk.MarketFacts;
import io.tvbridge.core.routing.BrokerHandle;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The account watcher readies what the engine needs to value an order: the first alert of a
 * symbol has the broker resolve it and, for a new currency, give its rate; later refreshes ask
 * the rates of every currency met. The engine receives these as values.
 */
@Timeout(10)
class AccountWatcherTest {
    private static final Instant AT = Instant.parse("2026-01-05T14:30:00Z");
    private static final Instrument GBPJPY = new Instrument("GBPJPY", AssetClass.FOREX, "OANDA", "JPY",
            Optional.empty(), BigDecimal.ONE, new BigDecimal("0.001"), BigDecimal.ONE, BigDecimal.ONE, "GBP_JPY")
            .withMarginRate(new BigDecimal("0.0333"));

    private final RecordingBroker broker = new RecordingBroker()
            .account(new AccountSnapshot("101-004", "USD", new BigDecimal("25000"), new BigDecimal("25000"),
                    new BigDecimal("25000"), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, AT))
            .instrument("GBPJPY", GBPJPY).factor("JPY", "0.00660036");
    private final List<AccountSnapshot> accounts = new CopyOnWriteArrayList<>();
    private final List<MarketFacts> facts = new CopyOnWriteArrayList<>();
    private AccountWatcher watcher;

    @AfterEach
    void stop() {
        watcher.close();
    }

    private AccountWatcher start() {
        watcher = new AccountWatcher(new BrokerHandle("oanda", "1", "", broker), Duration.ofHours(1), accounts::add,
                facts::add);
        return watcher;
    }

    @Test
    void theFirstAlertOfASymbolResolvesItAndAsksItsCurrencysRateOnce() throws Exception {
        start();
        assertThat(accounts).hasSize(1);
        assertThat(facts).as("no currency met yet, no position held: nothing to hand over").isEmpty();

        watcher.prepare(InstrumentRef.parse("OANDA:GBPJPY"));
        watcher.prepare(InstrumentRef.parse("GBPJPY"));

        assertThat(broker.moneyCalls()).containsExactly("resolve GBPJPY", "rates [JPY]");
        assertThat(facts).singleElement().satisfies(given -> {
            assertThat(given.instruments()).isEqualTo(Map.of("GBPJPY", GBPJPY));
            assertThat(given.rates().orElseThrow().factor("JPY")).contains(new BigDecimal("0.00660036"));
        });
        assertThat(watcher.valuation().toAccount("GBPJPY", new BigDecimal("286875")))
                .isEqualTo(Money.parse("1893.478275 USD"));
    }

    @Test
    void everyRefreshAsksTheRatesOfEveryCurrencyMet() {
        start();
        watcher.prepare(InstrumentRef.parse("GBPJPY"));
        broker.factor("JPY", "0.0067");

        watcher.refreshNow();

        assertThat(broker.moneyCalls()).containsExactly("resolve GBPJPY", "rates [JPY]", "rates [JPY]");
        assertThat(facts).hasSize(2);
        assertThat(facts.get(1).rates().orElseThrow().factor("JPY")).contains(new BigDecimal("0.0067"));
        assertThat(watcher.valuation().rates().factors()).containsEntry("JPY", new BigDecimal("0.0067"));
    }

    @Test
    void anInstrumentInTheAccountsCurrencyNeedsNoRate() {
        start();
        watcher.prepare(InstrumentRef.parse("AAPL"));
        assertThat(broker.moneyCalls()).containsExactly("resolve AAPL");
        assertThat(facts).singleElement().satisfies(given -> assertThat(given.rates()).isEmpty());
    }
}

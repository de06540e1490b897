package io.tvbridge.core.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tvbridge.broker.spi.model.ConversionRates;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Conversions into the account's currency at the broker's factors, as a table. */
class RatesTest {
    private static final Instant NOW = Instant.parse("2026-12-07T15:00:00Z");
    /** A USD account's factors, as OANDA's pricing endpoint gives them. */
    private static final Rates USD = Rates.of(new ConversionRates("USD", Map.of("JPY", new BigDecimal("0.00660036"),
            "EUR", new BigDecimal("1.08"), "GBP", new BigDecimal("1.27"), "XAU", new BigDecimal("2921.6")), NOW));

    static Stream<Arguments> conversions() {
        return Stream.of(
                Arguments.of("GBP/JPY's yen notional in dollars", USD, "286875 JPY", "USD",
                        "286,875 JPY (1,893.48 USD at 0.00660036)"),
                Arguments.of("USD/JPY's yen notional in dollars", USD, "151000 JPY", "USD",
                        "151,000 JPY (996.65 USD at 0.00660036)"),
                Arguments.of("EUR/USD is already in dollars", USD, "1085.00 USD", "USD", "1,085.00 USD"),
                Arguments.of("EUR/GBP's pounds in dollars", USD, "850 GBP", "USD", "850.00 GBP (1,079.50 USD at 1.27)"),
                Arguments.of("gold's dollars need nothing", USD, "29217.85 USD", "USD", "29,217.85 USD"),
                Arguments.of("an ounce of gold in dollars", USD, "10 XAU", "USD", "10.00 XAU (29,216.00 USD at 2921.6)"),
                Arguments.of("a EUR stock on a USD account", USD, "20000 EUR", "USD",
                        "20,000.00 EUR (21,600.00 USD at 1.08)"),
                Arguments.of("dollars into a listed currency: the inverse factor", USD, "1080 USD", "EUR",
                        "1,080.00 USD (1,000.00 EUR at 0.925926)"),
                Arguments.of("a cross of two factors, through the account's currency", USD, "1000 EUR", "GBP",
                        "1,000.00 EUR (850.39 GBP at 0.850394)"),
                Arguments.of("a euro account's dollars", Rates.of(new ConversionRates("EUR",
                        Map.of("USD", new BigDecimal("0.92")), NOW)), "1000 USD", "EUR",
                        "1,000.00 USD (920.00 EUR at 0.92)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("conversions")
    void convertsAtTheBrokersFactors(String why, Rates rates, String money, String to, String shown)
            throws MissingRate {
        assertThat(rates.convert(Money.parse(money), to).display()).isEqualTo(shown);
    }

    @Test
    void aMissingRateNamesThePairAndIsNeverOne() {
        assertThatThrownBy(() -> USD.toAccount(Money.parse("100 CHF"))).isInstanceOf(MissingRate.class)
                .hasMessage("no CHF/USD rate is known (the broker has given none); tvbridge never assumes one")
                .extracting(e -> ((MissingRate) e).pair()).isEqualTo("CHF/USD");
        assertThatThrownBy(() -> USD.convert(Money.parse("100 EUR"), "CHF")).isInstanceOf(MissingRate.class)
                .hasMessage("no CHF/USD rate is known (the broker has given none, and CHF/EUR is reckoned through"
                        + " USD); tvbridge never assumes one");
    }

    @Test
    void beforeTheAccountIsKnownNothingIsConverted() {
        assertThatThrownBy(() -> Rates.UNKNOWN.toAccount(Money.parse("5 USD"))).isInstanceOf(MissingRate.class)
                .hasMessageContaining("the account's currency is not known yet");
    }

    @Test
    void newerFactorsReplaceOnlyTheCurrenciesTheyList() throws MissingRate {
        Rates newer = USD.with(new ConversionRates("USD", Map.of("JPY", new BigDecimal("0.0067")), NOW));
        assertThat(newer.toAccount(Money.parse("1000 JPY")).value()).isEqualTo(Money.parse("6.7 USD"));
        assertThat(newer.toAccount(Money.parse("1 EUR")).value()).isEqualTo(Money.parse("1.08 USD"));
        Rates otherAccount = USD.inAccountCurrency("EUR");
        assertThat(otherAccount.factors()).isEmpty();
    }

    @Test
    void amountsOfSeveralCurrenciesAddOnlyOnceValued() throws MissingRate {
        Amounts day = Amounts.of(Money.parse("-10000 JPY")).plus(Money.parse("25 USD")).plus(Money.parse("0 CHF"));
        assertThat(day.toAccount(USD).display()).isEqualTo("-41.00 USD");
        assertThatThrownBy(() -> Money.parse("1 USD").plus(Money.parse("1 JPY")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("without a conversion");
    }

    @Test
    void amountsShowTheCurrencysOwnDecimals() {
        assertThat(Money.parse("286875.4 JPY").display()).isEqualTo("286,875 JPY");
        assertThat(Money.parse("1893.475 USD").display()).isEqualTo("1,893.48 USD");
        assertThat(Money.parse("0.5 BTC").display()).isEqualTo("0.50 BTC");
        assertThat(Money.parse(Money.parse("12.50 EUR").toString())).isEqualTo(Money.parse("12.5 EUR"));
    }
}

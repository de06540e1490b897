package io.tvbridge.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import io.tvbridge.broker.spi.model.AssetClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MarketCalendarsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "STOCK, UsEquityCalendar, America/New_York",
            "FUTURE, CmeGlobexCalendar, America/Chicago",
            "FOREX, ForexCalendar, America/New_York",
            "CFD, ForexCalendar, America/New_York",
            "CRYPTO, CryptoCalendar, Z"})
    void choosesTheCalendarOfEachAssetClass(AssetClass assetClass, String calendarClass, String zone) {
        MarketCalendar calendar = MarketCalendars.forAssetClass(assetClass);
        assertThat(calendar.getClass().getSimpleName()).isEqualTo(calendarClass);
        assertThat(calendar.zone().getId()).isEqualTo(zone);
        assertThat(calendar).hasToString(calendar.name());
        assertThat(MarketCalendars.forAssetClass(assetClass)).isSameAs(calendar);
    }
}

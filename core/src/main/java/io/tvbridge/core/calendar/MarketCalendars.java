package io.tvbridge.core.calendar;

import io.tvbridge.broker.spi.model.AssetClass;

/** The calendar each asset class trades on. The calendars are immutable, so one of each serves everyone. */
public final class MarketCalendars {

    public static final MarketCalendar US_EQUITIES = new UsEquityCalendar();
    public static final MarketCalendar FOREX = new ForexCalendar();
    public static final MarketCalendar CRYPTO = new CryptoCalendar();
    public static final MarketCalendar CME_GLOBEX = new CmeGlobexCalendar();

    private MarketCalendars() {
    }

    /**
     * US stocks trade on the NYSE/Nasdaq calendar and futures on CME Globex, the venues tvbridge's brokers
     * route them to. CFDs follow FX hours: most retail CFDs are on currencies, and their brokers quote them
     * around the FX week; an index or share CFD that follows its cash market needs its own calendar.
     */
    public static MarketCalendar forAssetClass(AssetClass assetClass) {
        return switch (assetClass) {
            case STOCK -> US_EQUITIES;
            case FUTURE -> CME_GLOBEX;
            case FOREX, CFD -> FOREX;
            case CRYPTO -> CRYPTO;
        };
    }
}

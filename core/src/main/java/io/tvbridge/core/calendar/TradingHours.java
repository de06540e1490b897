package io.tvbridge.core.calendar;

import io.tvbridge.broker.spi.MarketHours;
import io.tvbridge.broker.spi.model.AssetClass;
import io.tvbridge.broker.spi.model.InstrumentRef;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The market hours tvbridge works by: each asset class on its calendar, or every market open
 * when the {@code market_hours} setting says {@code always}. The decision stage asks it whether
 * a signal's market is open, the pending queue when to release, and the paper broker when a
 * simulated order may fill, so that all three agree.
 */
public final class TradingHours implements MarketHours {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);

    private volatile boolean everyMarketOpen;

    public TradingHours(boolean everyMarketOpen) {
        this.everyMarketOpen = everyMarketOpen;
    }

    /** Follows the {@code market_hours} setting. */
    public void everyMarketOpen(boolean open) {
        everyMarketOpen = open;
    }

    public MarketCalendar calendar(InstrumentRef instrument) {
        return MarketCalendars.forAssetClass(assetClass(instrument));
    }

    @Override
    public boolean isOpen(String symbol, AssetClass assetClass, Instant at, boolean outsideRegularHours) {
        return everyMarketOpen || MarketCalendars.forAssetClass(assetClass).isOpen(at, outsideRegularHours);
    }

    public boolean isOpen(InstrumentRef instrument, Instant at, boolean outsideRegularHours) {
        return isOpen(instrument.symbol(), assetClass(instrument), at, outsideRegularHours);
    }

    /** Whether {@code at} is in the regular session (a venue then needs no outside-regular-hours flag). */
    public boolean inRegularSession(InstrumentRef instrument, Instant at) {
        return everyMarketOpen || calendar(instrument).session(at) == MarketSession.REGULAR;
    }

    /** When the market next opens: {@code at} itself when it is open. */
    public Instant nextOpen(InstrumentRef instrument, Instant at, boolean outsideRegularHours) {
        return everyMarketOpen ? at : calendar(instrument).nextOpen(at, outsideRegularHours);
    }

    /**
     * Why an order cannot trade now and until when, e.g. "the market for AAPL (US equities (NYSE, Nasdaq))
     * is closed; it opens Mon 23 Nov 09:30 America/New_York (2026-11-23T14:30:00Z)".
     */
    public String closedUntil(InstrumentRef instrument, Instant at, boolean outsideRegularHours) {
        MarketCalendar calendar = calendar(instrument);
        Instant open = nextOpen(instrument, at, outsideRegularHours);
        String when = LOCAL.format(open.atZone(calendar.zone())) + " " + calendar.zone().getId() + " (" + open + ")";
        String market = "the market for " + instrument.symbol() + " (" + calendar.name() + ")";
        return calendar.session(at).isExtendedHours() && !outsideRegularHours
                ? market + " is outside its regular session; the regular session opens " + when
                : market + " is closed; it opens " + when;
    }

    private static AssetClass assetClass(InstrumentRef instrument) {
        return instrument.assetClass().orElse(AssetClass.STOCK);
    }
}

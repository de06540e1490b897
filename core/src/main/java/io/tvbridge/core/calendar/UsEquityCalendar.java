package io.tvbridge.core.calendar;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/**
 * US equities on the NYSE and Nasdaq, in New York time: pre-market 04:00 to 09:30, regular 09:30 to 16:00,
 * after-hours 16:00 to 20:00, Monday to Friday, closed on the {@link UsHoliday}s. On a {@link UsEarlyClose}
 * the regular session ends at 13:00 and after-hours at 17:00, as Nasdaq and NYSE Arca run them. Brokers'
 * overnight sessions (20:00 to 04:00) are not modelled: they are a venue feature, not an exchange session.
 */
public final class UsEquityCalendar extends UsHolidayCalendar {

    public static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static final LocalTime PRE_MARKET_OPEN = LocalTime.of(4, 0);
    private static final LocalTime REGULAR_OPEN = LocalTime.of(9, 30);
    private static final LocalTime REGULAR_CLOSE = LocalTime.of(16, 0);
    private static final LocalTime AFTER_HOURS_CLOSE = LocalTime.of(20, 0);
    private static final LocalTime EARLY_REGULAR_CLOSE = LocalTime.of(13, 0);
    private static final LocalTime EARLY_AFTER_HOURS_CLOSE = LocalTime.of(17, 0);

    public UsEquityCalendar() {
        super("US equities (NYSE, Nasdaq)", NEW_YORK);
    }

    @Override
    TradingDay onHoliday(LocalDate date, UsHoliday holiday) {
        return TradingDay.holiday(date, holiday.displayName());
    }

    @Override
    TradingDay onEarlyClose(LocalDate date, UsEarlyClose earlyClose) {
        return TradingDay.earlyClose(date, earlyClose.displayName(),
                windows(date, EARLY_REGULAR_CLOSE, EARLY_AFTER_HOURS_CLOSE));
    }

    @Override
    TradingDay onOrdinaryDay(LocalDate date) {
        return TradingDay.full(date, windows(date, REGULAR_CLOSE, AFTER_HOURS_CLOSE));
    }

    private static List<SessionWindow> windows(LocalDate date, LocalTime regularClose, LocalTime afterHoursClose) {
        return List.of(
                SessionWindow.of(MarketSession.PRE_MARKET, date.atTime(PRE_MARKET_OPEN), date.atTime(REGULAR_OPEN),
                        NEW_YORK),
                SessionWindow.of(MarketSession.REGULAR, date.atTime(REGULAR_OPEN), date.atTime(regularClose),
                        NEW_YORK),
                SessionWindow.of(MarketSession.AFTER_HOURS, date.atTime(regularClose), date.atTime(afterHoursClose),
                        NEW_YORK));
    }
}

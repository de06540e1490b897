package io.tvbridge.core.calendar;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * US equities on the NYSE and Nasdaq, in New York time: pre-market 04:00 to 09:30, regular 09:30 to 16:00,
 * after-hours 16:00 to 20:00, Monday to Friday, closed on the {@link UsHoliday}s. On a {@link UsEarlyClose}
 * the regular session ends at 13:00 and after-hours at 17:00, as Nasdaq and NYSE Arca run them. Brokers'
 * overnight sessions (20:00 to 04:00) are not modelled: they are a venue feature, not an exchange session.
 */
public final class UsEquityCalendar extends TradingDayCalendar {

    public static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static final LocalTime PRE_MARKET_OPEN = LocalTime.of(4, 0);
    private static final LocalTime REGULAR_OPEN = LocalTime.of(9, 30);
    private static final LocalTime REGULAR_CLOSE = LocalTime.of(16, 0);
    private static final LocalTime AFTER_HOURS_CLOSE = LocalTime.of(20, 0);
    private static final LocalTime EARLY_REGULAR_CLOSE = LocalTime.of(13, 0);
    private static final LocalTime EARLY_AFTER_HOURS_CLOSE = LocalTime.of(17, 0);

    @Override
    public String name() {
        return "US equities (NYSE, Nasdaq)";
    }

    @Override
    public ZoneId zone() {
        return NEW_YORK;
    }

    @Override
    public TradingDay tradingDay(LocalDate date) {
        if (isWeekend(date)) {
            return TradingDay.weekend(date);
        }
        Optional<UsHoliday> holiday = UsHoliday.observedOn(date);
        if (holiday.isPresent()) {
            return TradingDay.holiday(date, holiday.get().displayName());
        }
        Optional<UsEarlyClose> earlyClose = UsEarlyClose.on(date);
        if (earlyClose.isPresent()) {
            return TradingDay.earlyClose(date, earlyClose.get().displayName(),
                    windows(date, EARLY_REGULAR_CLOSE, EARLY_AFTER_HOURS_CLOSE));
        }
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

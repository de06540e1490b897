package io.tvbridge.core.calendar;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/**
 * Spot FX, traded without a break from Sunday 17:00 to Friday 17:00 New York. Its trading day rolls at
 * 17:00 New York, as FX value dates do, so each weekday's window starts at 17:00 the evening before.
 *
 * <p>No holidays: the interbank market has no exchange to close it, and on Christmas and New Year's Day
 * it is thin rather than shut. Whether a broker takes orders then is its own rule, and its rejection says so.
 */
public final class ForexCalendar extends TradingDayCalendar {

    private static final ZoneId NEW_YORK = UsEquityCalendar.NEW_YORK;
    private static final LocalTime ROLLOVER = LocalTime.of(17, 0);

    public ForexCalendar() {
        super("FX (Sunday 17:00 to Friday 17:00 New York)", NEW_YORK);
    }

    @Override
    public TradingDay tradingDay(LocalDate date) {
        if (isWeekend(date)) {
            return TradingDay.weekend(date);
        }
        return TradingDay.full(date, List.of(SessionWindow.of(MarketSession.REGULAR,
                date.minusDays(1).atTime(ROLLOVER), date.atTime(ROLLOVER), NEW_YORK)));
    }
}

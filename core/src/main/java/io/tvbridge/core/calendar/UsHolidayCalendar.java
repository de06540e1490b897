package io.tvbridge.core.calendar;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * A market that trades on weekdays and follows the NYSE's holidays and early closes; subclasses say what
 * their hours are on each of the three kinds of weekday.
 */
abstract class UsHolidayCalendar extends TradingDayCalendar {

    UsHolidayCalendar(String name, ZoneId zone) {
        super(name, zone);
    }

    @Override
    public final TradingDay tradingDay(LocalDate date) {
        if (isWeekend(date)) {
            return TradingDay.weekend(date);
        }
        Optional<UsHoliday> holiday = UsHoliday.observedOn(date);
        if (holiday.isPresent()) {
            return onHoliday(date, holiday.get());
        }
        Optional<UsEarlyClose> earlyClose = UsEarlyClose.on(date);
        if (earlyClose.isPresent()) {
            return onEarlyClose(date, earlyClose.get());
        }
        return onOrdinaryDay(date);
    }

    abstract TradingDay onHoliday(LocalDate date, UsHoliday holiday);

    abstract TradingDay onEarlyClose(LocalDate date, UsEarlyClose earlyClose);

    abstract TradingDay onOrdinaryDay(LocalDate date);
}

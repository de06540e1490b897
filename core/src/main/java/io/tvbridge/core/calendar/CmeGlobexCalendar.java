package io.tvbridge.core.calendar;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/**
 * CME Globex equity-index futures (ES, NQ, YM, RTY and their micros), in Chicago time: Sunday to Friday
 * 17:00 to 16:00 with a daily break from 16:00 to 17:00, closed Saturday. A Globex trading day starts at
 * 17:00 the evening before its date, so Monday's begins on Sunday.
 *
 * <p>Holidays follow CME's usual equity schedule: no trading day on New Year's Day, Good Friday and
 * Christmas Day (as the NYSE observes them); on the NYSE's other holidays the session halts at 12:00; on the
 * NYSE's early-close days it halts at 12:15 (13:15 New York). Trading after every halt resumes at 17:00 as
 * usual. Simplifications: CME books trades made on a holiday to the next trading date, which only matters to
 * clearing; CME publishes each holiday's hours separately and sometimes departs from the pattern (a Good
 * Friday with a jobs report has opened briefly); other Globex products (energy, metals, rates, grains) share
 * the daily hours but not these holiday hours.
 */
public final class CmeGlobexCalendar extends UsHolidayCalendar {

    public static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

    private static final LocalTime OPEN = LocalTime.of(17, 0);
    private static final LocalTime CLOSE = LocalTime.of(16, 0);
    private static final LocalTime HOLIDAY_HALT = LocalTime.of(12, 0);
    private static final LocalTime EARLY_CLOSE_HALT = LocalTime.of(12, 15);

    public CmeGlobexCalendar() {
        super("CME Globex (equity-index futures)", CHICAGO);
    }

    @Override
    TradingDay onHoliday(LocalDate date, UsHoliday holiday) {
        return closesAllDay(holiday)
                ? TradingDay.holiday(date, holiday.displayName())
                : TradingDay.earlyClose(date, holiday.displayName(), sessionUntil(date, HOLIDAY_HALT));
    }

    @Override
    TradingDay onEarlyClose(LocalDate date, UsEarlyClose earlyClose) {
        return TradingDay.earlyClose(date, earlyClose.displayName(), sessionUntil(date, EARLY_CLOSE_HALT));
    }

    @Override
    TradingDay onOrdinaryDay(LocalDate date) {
        return TradingDay.full(date, sessionUntil(date, CLOSE));
    }

    private static boolean closesAllDay(UsHoliday holiday) {
        return switch (holiday) {
            case NEW_YEARS_DAY, GOOD_FRIDAY, CHRISTMAS_DAY -> true;
            case MARTIN_LUTHER_KING_JR_DAY, WASHINGTONS_BIRTHDAY, MEMORIAL_DAY, JUNETEENTH, INDEPENDENCE_DAY,
                    LABOR_DAY, THANKSGIVING_DAY -> false;
        };
    }

    private static List<SessionWindow> sessionUntil(LocalDate date, LocalTime close) {
        return List.of(SessionWindow.of(MarketSession.REGULAR, date.minusDays(1).atTime(OPEN), date.atTime(close),
                CHICAGO));
    }
}

package io.tvbridge.core.calendar;

import static java.util.Objects.requireNonNull;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Iterator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A calendar described one {@link TradingDay} at a time: subclasses say what each date looks like, and
 * this class answers sessions, opens and closes by walking those days' windows in order.
 */
abstract class TradingDayCalendar implements MarketCalendar {

    /**
     * How far ahead to look for a session. The rules here close a market for at most three days in a row
     * (a holiday next to a weekend), so a month only runs out if a subclass is broken.
     */
    private static final int DAYS_SEARCHED = 31;

    private final String name;
    private final ZoneId zone;

    TradingDayCalendar(String name, ZoneId zone) {
        this.name = requireNonNull(name, "name");
        this.zone = requireNonNull(zone, "zone");
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final ZoneId zone() {
        return zone;
    }

    @Override
    public MarketSession session(Instant at) {
        requireNonNull(at, "at");
        // Windows come in time order without overlap, so only the first one still running can hold at.
        return windowsEndingAfter(at)
                .findFirst()
                .filter(window -> window.contains(at))
                .map(SessionWindow::session)
                .orElse(MarketSession.CLOSED);
    }

    @Override
    public Instant nextOpen(Instant at, boolean includeExtendedHours) {
        requireNonNull(at, "at");
        return openWindowsEndingAfter(at, includeExtendedHours)
                .findFirst()
                .map(window -> window.start().isAfter(at) ? window.start() : at)
                .orElseThrow(() -> nothingWithinSearch(at));
    }

    @Override
    public Optional<Instant> nextClose(Instant at, boolean includeExtendedHours) {
        requireNonNull(at, "at");
        Iterator<SessionWindow> windows = openWindowsEndingAfter(at, includeExtendedHours).iterator();
        if (!windows.hasNext()) {
            throw nothingWithinSearch(at);
        }
        Instant close = windows.next().end();
        while (windows.hasNext()) {
            SessionWindow following = windows.next();
            if (!following.start().equals(close)) {
                return Optional.of(close);
            }
            close = following.end();
        }
        throw new IllegalStateException(name + " stays open for over " + DAYS_SEARCHED + " days after " + at);
    }

    @Override
    public String toString() {
        return name;
    }

    static boolean isWeekend(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
    }

    private Stream<SessionWindow> openWindowsEndingAfter(Instant at, boolean includeExtendedHours) {
        return windowsEndingAfter(at).filter(window -> window.session().isOpen(includeExtendedHours));
    }

    /**
     * Windows in time order, starting the day before {@code at}'s date, because a day that rolls in the
     * evening begins on the previous date.
     */
    private Stream<SessionWindow> windowsEndingAfter(Instant at) {
        LocalDate first = LocalDate.ofInstant(at, zone).minusDays(1);
        return Stream.iterate(first, date -> date.plusDays(1))
                .limit(DAYS_SEARCHED)
                .flatMap(date -> tradingDay(date).windows().stream())
                .filter(window -> window.end().isAfter(at));
    }

    private IllegalStateException nothingWithinSearch(Instant at) {
        return new IllegalStateException(name + " has no session within " + DAYS_SEARCHED + " days of " + at);
    }
}

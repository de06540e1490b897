package io.tvbridge.core.calendar;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * One date on a market's calendar: its kind, the name of its holiday or early close, and the windows
 * in which it trades, in order. Markets whose day rolls in the evening (FX and CME Globex, at 17:00)
 * count the evening session as part of the next date, so that date's first window starts the day before.
 */
public record TradingDay(LocalDate date, DayKind kind, Optional<String> name, List<SessionWindow> windows) {
    public TradingDay {
        requireNonNull(date, "date");
        requireNonNull(kind, "kind");
        requireNonNull(name, "name");
        windows = List.copyOf(windows);
        if (kind.isTradingDay() != windows.stream().anyMatch(w -> w.session() == MarketSession.REGULAR)) {
            throw new IllegalArgumentException(date + ": a " + kind + " day must "
                    + (kind.isTradingDay() ? "have" : "not have") + " a regular session");
        }
        if (!kind.isTradingDay() && !windows.isEmpty()) {
            throw new IllegalArgumentException(date + ": a " + kind + " day has no session windows");
        }
        boolean named = kind == DayKind.HOLIDAY || kind == DayKind.EARLY_CLOSE;
        if (named != name.isPresent()) {
            throw new IllegalArgumentException(date + ": a " + kind + " day must " + (named ? "" : "not ") + "be named");
        }
        for (int i = 1; i < windows.size(); i++) {
            if (windows.get(i).start().isBefore(windows.get(i - 1).end())) {
                throw new IllegalArgumentException(date + ": session windows overlap or are out of order: " + windows);
            }
        }
    }

    public static TradingDay full(LocalDate date, List<SessionWindow> windows) {
        return new TradingDay(date, DayKind.FULL, Optional.empty(), windows);
    }

    public static TradingDay earlyClose(LocalDate date, String name, List<SessionWindow> windows) {
        return new TradingDay(date, DayKind.EARLY_CLOSE, Optional.of(name), windows);
    }

    public static TradingDay holiday(LocalDate date, String name) {
        return new TradingDay(date, DayKind.HOLIDAY, Optional.of(name), List.of());
    }

    public static TradingDay weekend(LocalDate date) {
        return new TradingDay(date, DayKind.WEEKEND, Optional.empty(), List.of());
    }

    public boolean isTradingDay() {
        return kind.isTradingDay();
    }

    /** When the regular session opens; empty on a day without trading. */
    public Optional<Instant> open() {
        return windows.stream().filter(w -> w.session() == MarketSession.REGULAR).findFirst().map(SessionWindow::start);
    }

    /** When the regular session closes; empty on a day without trading. */
    public Optional<Instant> close() {
        return windows.stream().filter(w -> w.session() == MarketSession.REGULAR)
                .reduce((first, second) -> second).map(SessionWindow::end);
    }
}

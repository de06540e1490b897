package io.tvbridge.core.report;

import io.tvbridge.core.settings.RiskSettings;
import io.tvbridge.core.signal.DecisionStage;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/**
 * A span of trading days ending now. Each starts at the trading day's reset time in the
 * exchange's zone ({@code trading_day_reset}, {@code exchange_timezone}), as the daily limits do.
 */
public enum Period {
    DAY, WEEK, MONTH;

    /** {@code day}, {@code week} or {@code month}, in any case. */
    public static Period parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("period must be day, week or month, not '" + text + "'", e);
        }
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Where the period that {@code now} falls in began. */
    public Instant start(Instant now, RiskSettings settings) {
        LocalDate tradingDay = tradingDay(now, settings);
        LocalDate first = switch (this) {
            case DAY -> tradingDay;
            case WEEK -> tradingDay.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> tradingDay.withDayOfMonth(1);
        };
        return startOf(first, settings);
    }

    /** The trading day that {@code now} falls in (it begins at the reset time). */
    public static LocalDate tradingDay(Instant now, RiskSettings settings) {
        return DecisionStage.dayStart(now, settings).atZone(settings.exchangeZone()).toLocalDate();
    }

    /** Where trading day {@code day} begins. */
    public static Instant startOf(LocalDate day, RiskSettings settings) {
        return day.atTime(settings.tradingDayReset()).atZone(settings.exchangeZone()).toInstant();
    }
}

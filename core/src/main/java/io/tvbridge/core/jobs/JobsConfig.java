package io.tvbridge.core.jobs;

import io.tvbridge.core.config.ConfigException;
import io.tvbridge.core.config.ConfigValues;
import io.tvbridge.core.config.TvBridgeConfig;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * When the day's jobs run: the daily report's time of day (exchange time), the broker health
 * check's interval, and for IB its session cycle (the weekly re-authentication and the nightly
 * reset window, both New York time).
 *
 * @param reauth the weekly moment IB ends its sessions for re-authentication; empty: no reminder
 * @param nightlyReset IB's nightly reset window; empty for other brokers
 */
public record JobsConfig(LocalTime dailyReportTime, Duration healthCheckInterval, Optional<WeeklyTime> reauth,
                         Duration reauthReminder, Optional<MaintenanceWindow> nightlyReset) {
    public static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final String IBKR = "ibkr";

    /** A day of the week and a time, {@code SUN-01:00}. */
    public record WeeklyTime(DayOfWeek day, LocalTime time) {
        public WeeklyTime {
            Objects.requireNonNull(day, "day");
            Objects.requireNonNull(time, "time");
        }

        static WeeklyTime parse(String text) {
            String[] parts = text.strip().split("[\\s-]+");
            if (parts.length != 2) {
                throw new IllegalArgumentException(text);
            }
            DayOfWeek day = Arrays.stream(DayOfWeek.values()).filter(d -> d.name().startsWith(
                    parts[0].toUpperCase(Locale.ROOT)) && parts[0].length() >= 3).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(text));
            return new WeeklyTime(day, LocalTime.parse(parts[1]));
        }

        @Override
        public String toString() {
            return day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + " " + time;
        }
    }

    public JobsConfig {
        Objects.requireNonNull(dailyReportTime, "dailyReportTime");
        Objects.requireNonNull(healthCheckInterval, "healthCheckInterval");
        Objects.requireNonNull(reauth, "reauth");
        Objects.requireNonNull(reauthReminder, "reauthReminder");
        Objects.requireNonNull(nightlyReset, "nightlyReset");
    }

    public static JobsConfig from(ConfigValues values, String broker) {
        LocalTime report = time(values, TvBridgeConfig.DAILY_REPORT_TIME, "16:15");
        Duration health = values.seconds(TvBridgeConfig.HEALTH_CHECK_INTERVAL, Duration.ofSeconds(60));
        boolean ibkr = IBKR.equals(broker);
        Optional<WeeklyTime> reauth = Optional.empty();
        String reauthText = values.text(TvBridgeConfig.IB_REAUTH_AT, "SUN-01:00").strip();
        if (ibkr && !reauthText.isEmpty()) {
            try {
                reauth = Optional.of(WeeklyTime.parse(reauthText));
            } catch (RuntimeException e) {
                throw new ConfigException(TvBridgeConfig.IB_REAUTH_AT + " must be a day and a time like SUN-01:00"
                        + " (New York time), or empty for no reminder, not '" + reauthText + "'");
            }
        }
        int minutes = values.integer(TvBridgeConfig.IB_REAUTH_REMINDER_MINUTES, 120, 1, 7 * 24 * 60);
        Optional<MaintenanceWindow> reset = Optional.empty();
        if (ibkr) {
            String window = values.text("IBKR_NIGHTLY_RESET", "23:45-00:45");
            try {
                reset = Optional.of(MaintenanceWindow.parse("IB's nightly reset", window, NEW_YORK));
            } catch (RuntimeException e) {
                reset = Optional.empty();   // the IBKR broker itself refuses a bad window at start, with the reason
            }
        }
        return new JobsConfig(report, health, reauth, Duration.ofMinutes(minutes), reset);
    }

    private static LocalTime time(ConfigValues values, String name, String defaultValue) {
        String text = values.text(name, defaultValue).strip();
        try {
            return LocalTime.parse(text);
        } catch (RuntimeException e) {
            throw new ConfigException(name + " must be a time like " + defaultValue + ", not '" + text + "'");
        }
    }
}

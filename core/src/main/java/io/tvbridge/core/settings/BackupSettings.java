package io.tvbridge.core.settings;

import io.tvbridge.core.jobs.Schedule;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;

/**
 * The daily database backup, read from the stored settings.
 *
 * @param time when it runs, in {@code zone} (the exchange's time zone)
 * @param keep how many daily backups are kept; 0: no daily backup
 */
public record BackupSettings(LocalTime time, ZoneId zone, int keep) {
    public BackupSettings {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(zone, "zone");
    }

    /** The settings of stored values; a key not stored takes its default. */
    public static BackupSettings of(Map<String, String> values) {
        return new BackupSettings(LocalTime.parse(Setting.BACKUP_TIME.valueIn(values)),
                ZoneId.of(Setting.EXCHANGE_TIMEZONE.valueIn(values)),
                Integer.parseInt(Setting.BACKUP_KEEP.valueIn(values)));
    }

    /** Daily at the time, or only on request when no daily backup is kept. */
    public Schedule schedule() {
        return keep == 0 ? Schedule.onRequest() : Schedule.dailyAt(time, zone);
    }
}

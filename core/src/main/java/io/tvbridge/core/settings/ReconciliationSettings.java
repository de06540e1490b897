package io.tvbridge.core.settings;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How positions are reconciled with the broker, read from the stored settings.
 *
 * @param interval      time between two scheduled reconciliations; zero: only on request
 * @param tolerance     units an expected position may differ from the broker's and still match
 * @param haltOnMismatch whether a mismatch turns the kill switch on
 */
public record ReconciliationSettings(Duration interval, BigDecimal tolerance, boolean haltOnMismatch) {
    public ReconciliationSettings {
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(tolerance, "tolerance");
    }

    /** The settings of stored values; a key not stored takes its default. */
    public static ReconciliationSettings of(Map<String, String> values) {
        return new ReconciliationSettings(
                Duration.ofSeconds(Long.parseLong(Setting.RECONCILIATION_INTERVAL.valueIn(values))),
                new BigDecimal(Setting.RECONCILIATION_TOLERANCE.valueIn(values)),
                Boolean.parseBoolean(Setting.AUTO_HALT_ON_MISMATCH.valueIn(values)));
    }
}

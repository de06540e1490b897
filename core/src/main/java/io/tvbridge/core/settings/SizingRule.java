package io.tvbridge.core.settings;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How an entry's quantity is found: the alert's own quantity, a fixed amount of money, a
 * percent of equity, or the risk taken to the stop.
 *
 * @param value the amount (notional), the percent of equity (equity_percent), or the risk
 *              percent (risk); empty to use the global setting
 */
public record SizingRule(Mode mode, Optional<BigDecimal> value) {

    /** The sizing modes. */
    public enum Mode {
        QUANTITY, NOTIONAL, EQUITY_PERCENT, RISK;

        public static Mode parse(String text) {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        }

        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public SizingRule {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(value, "value");
        value.ifPresent(v -> {
            if (v.signum() <= 0) {
                throw new IllegalArgumentException("a sizing value must be positive: " + v);
            }
        });
    }

    /** {@code notional:500}, {@code risk}, {@code quantity}. */
    public static SizingRule parse(String text) {
        String[] parts = text.strip().split(":");
        Mode mode = Mode.parse(parts[0]);
        Optional<BigDecimal> value = parts.length > 1 ? Optional.of(new BigDecimal(parts[1].strip())) : Optional.empty();
        return new SizingRule(mode, value);
    }

    @Override
    public String toString() {
        return mode.word() + value.map(v -> ":" + v.toPlainString()).orElse("");
    }
}

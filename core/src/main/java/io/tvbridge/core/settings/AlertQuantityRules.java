package io.tvbridge.core.settings;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;

/**
 * How the quantity an alert gives is used: whether it wins over the sizing mode
 * ({@code signal_quantity}: use or ignore), the units in one lot ({@code lot_size}, 0 while lots
 * are not traded), and what PineConnector's {@code risk=} means ({@code pineconnector_risk}, the
 * Volume Type of the sender's EA; unset while it is not known).
 */
public record AlertQuantityRules(boolean useAlertQuantity, BigDecimal lotSize, PineConnectorRisk pineConnectorRisk) {

    /** PineConnector's Volume Types that tvbridge can follow. */
    public enum PineConnectorRisk {
        /** Not set: alerts with {@code risk=} are refused, naming the setting. */
        UNSET,
        /** {@code risk=1} is 1 lot. */
        LOTS,
        /** {@code risk=10} is the money lost if the stop-loss is hit. */
        RISK_MONEY,
        /** {@code risk=1} is 1% of the equity lost if the stop-loss is hit. */
        RISK_PERCENT;

        static PineConnectorRisk parse(String text) {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        }

        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public AlertQuantityRules {
        Objects.requireNonNull(lotSize, "lotSize");
        Objects.requireNonNull(pineConnectorRisk, "pineConnectorRisk");
        if (lotSize.signum() < 0) {
            throw new IllegalArgumentException("a lot size must not be negative: " + lotSize);
        }
    }

    static AlertQuantityRules of(String signalQuantity, BigDecimal lotSize, String pineConnectorRisk) {
        return new AlertQuantityRules(signalQuantity.equals("use"), lotSize, PineConnectorRisk.parse(pineConnectorRisk));
    }
}

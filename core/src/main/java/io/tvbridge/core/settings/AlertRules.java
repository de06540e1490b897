package io.tvbridge.core.settings;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;

/**
 * How what an alert gives is used: whether its quantity wins over the sizing mode
 * ({@code signal_quantity}: use or ignore), the units in one lot ({@code lot_size}, 0 while lots
 * are not traded), what PineConnector's {@code risk=} means ({@code pineconnector_risk}, the
 * Volume Type of the sender's EA) and what its {@code sl=} / {@code tp=} count
 * ({@code pineconnector_target}, the EA's Target Type); unset while they are not known.
 */
public record AlertRules(boolean useAlertQuantity, BigDecimal lotSize, PineConnectorRisk pineConnectorRisk,
                         PineConnectorTarget pineConnectorTarget) {

    /** PineConnector's Target Types: what {@code sl=} and {@code tp=} count. */
    public enum PineConnectorTarget {
        /** Not set: alerts with {@code sl=} or {@code tp=} are refused, naming the setting. */
        UNSET,
        /** Pips from the entry. */
        PIPS,
        /** The price itself. */
        PRICE,
        /** A percent of the entry price away from it. */
        PERCENT
    }

    /** PineConnector's Volume Types that tvbridge can follow. */
    public enum PineConnectorRisk {
        /** Not set: alerts with {@code risk=} are refused, naming the setting. */
        UNSET,
        /** {@code risk=1} is 1 lot. */
        LOTS,
        /** {@code risk=10} is the money lost if the stop-loss is hit. */
        RISK_MONEY,
        /** {@code risk=1} is 1% of the equity lost if the stop-loss is hit. */
        RISK_PERCENT
    }

    public AlertRules {
        Objects.requireNonNull(lotSize, "lotSize");
        Objects.requireNonNull(pineConnectorRisk, "pineConnectorRisk");
        Objects.requireNonNull(pineConnectorTarget, "pineConnectorTarget");
        if (lotSize.signum() < 0) {
            throw new IllegalArgumentException("a lot size must not be negative: " + lotSize);
        }
    }

    static AlertRules of(String signalQuantity, BigDecimal lotSize, String pineConnectorRisk,
                         String pineConnectorTarget) {
        return new AlertRules(signalQuantity.equals("use"), lotSize, word(PineConnectorRisk.class, pineConnectorRisk),
                word(PineConnectorTarget.class, pineConnectorTarget));
    }

    /** A setting's word ({@code risk_money}) as its constant; the setting's kind has checked it already. */
    private static <E extends Enum<E>> E word(Class<E> type, String text) {
        return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
    }
}

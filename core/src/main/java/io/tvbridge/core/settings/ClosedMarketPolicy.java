package io.tvbridge.core.settings;

import java.util.Locale;

/** What a signal does when the market of its symbol is closed. */
public enum ClosedMarketPolicy {
    /** Wait in the pending queue and be decided at the open. */
    QUEUE,
    /** Be refused, saying when the market opens. */
    REJECT,
    /** Go to the broker at once, flagged to trade outside regular hours; the venue holds it until it can trade. */
    SEND;

    public static ClosedMarketPolicy parse(String text) {
        String word = text.strip().toLowerCase(Locale.ROOT);
        for (ClosedMarketPolicy policy : values()) {
            if (policy.wireName().equals(word)) {
                return policy;
            }
        }
        throw new IllegalArgumentException("'" + text.strip() + "' is not a closed-market policy: queue, reject"
                + " or send");
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}

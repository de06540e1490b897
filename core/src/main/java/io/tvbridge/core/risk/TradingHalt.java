package io.tvbridge.core.risk;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The kill switch and the pause: who set them, why and when. The kill switch stops every
 * signal order (exits too, unless configured to let them pass); the pause stops orders that
 * open or add to a position and lets exits through.
 */
public record TradingHalt(Optional<Switch> kill, Optional<Switch> pause) {

    /** One switch that is on. */
    public record Switch(String actor, String reason, Instant since) {
        public Switch {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(since, "since");
        }

        public String describe() {
            return "by " + actor + " since " + since + ": " + reason;
        }
    }

    public static final TradingHalt NONE = new TradingHalt(Optional.empty(), Optional.empty());

    public TradingHalt {
        Objects.requireNonNull(kill, "kill");
        Objects.requireNonNull(pause, "pause");
    }

    public TradingHalt killed(Switch by) {
        return new TradingHalt(Optional.of(by), pause);
    }

    public TradingHalt paused(Switch by) {
        return new TradingHalt(kill, Optional.of(by));
    }
}

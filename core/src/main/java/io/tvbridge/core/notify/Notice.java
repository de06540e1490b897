package io.tvbridge.core.notify;

import java.time.Instant;
import java.util.Objects;

/** Something the trader should hear about at once, in words ready to send. */
public record Notice(Kind kind, String text, Instant at) {

    /** What happened; each kind says how loud a notifier should be about it. */
    public enum Kind {
        KILL_SWITCH_ON,
        PAUSED,
        RESUMED,
        RECONCILIATION_MISMATCH,
        POSITION_ADOPTED,
        BROKER_CONNECTED,
        BROKER_DISCONNECTED,
        /** A disconnect inside the broker's announced maintenance window (IB's nightly reset): expected. */
        BROKER_RESET_EXPECTED,
        FILL,
        /** A signal refused for a reason other than a risk check, or an order the broker rejected. */
        REJECTED,
        /** A signal refused by a risk check (a limit, the kill switch, the pause, the circuit breaker). */
        RISK_BLOCK,
        PENDING_RELEASED,
        DAILY_REPORT,
        HEALTH_FAILED,
        HEALTH_RECOVERED,
        /** IB's weekly re-authentication is near: someone must log in again. */
        REAUTH_REMINDER;

        /** Whether the trader's phone should stay quiet (the notice still arrives). */
        public boolean silent() {
            return switch (this) {
                case BROKER_RESET_EXPECTED, FILL, PENDING_RELEASED, DAILY_REPORT, BROKER_CONNECTED,
                     POSITION_ADOPTED -> true;
                case KILL_SWITCH_ON, PAUSED, RESUMED, RECONCILIATION_MISMATCH, BROKER_DISCONNECTED, REJECTED,
                     RISK_BLOCK, HEALTH_FAILED, HEALTH_RECOVERED, REAUTH_REMINDER -> false;
            };
        }

        /** Whether something needs the trader's attention: logged as a warning. */
        public boolean warning() {
            return switch (this) {
                case KILL_SWITCH_ON, RECONCILIATION_MISMATCH, BROKER_DISCONNECTED, REJECTED, RISK_BLOCK, HEALTH_FAILED,
                     REAUTH_REMINDER -> true;
                case PAUSED, RESUMED, POSITION_ADOPTED, BROKER_CONNECTED, BROKER_RESET_EXPECTED, FILL,
                     PENDING_RELEASED, DAILY_REPORT, HEALTH_RECOVERED -> false;
            };
        }
    }

    public Notice {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(at, "at");
    }
}

package io.tvbridge.core.alert;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What an alert says about itself rather than about the order: its strategy (which picks the
 * sizing), its id (for recognising a resend), when it fired, a comment, a conviction (which picks
 * a risk percent for risk sizing), the account it names (which overrides the routes), and the
 * product whose message format it was read in.
 */
public record AlertTags(Optional<String> strategy, Optional<String> alertId, Optional<Instant> time,
                        Optional<String> comment, Optional<String> conviction, Optional<String> account,
                        AlertDialect dialect) {
    public AlertTags {
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(comment, "comment");
        Objects.requireNonNull(conviction, "conviction");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(dialect, "dialect");
    }

    /** An alert tvbridge makes itself (an admin action), with its id, time and comment. */
    public static AlertTags own(String alertId, Instant time, String comment) {
        return new AlertTags(Optional.empty(), Optional.of(alertId), Optional.of(time), Optional.of(comment),
                Optional.empty(), Optional.empty(), AlertDialect.TVBRIDGE);
    }

    /** The same tags, read in {@code found}'s words. */
    /**
     * The tags of another account's alert, copied into a shadow account under {@code alertId}: the
     * strategy and the rest kept (reports group by them), the account it named dropped.
     */
    public AlertTags copiedAs(String alertId) {
        return new AlertTags(strategy, Optional.of(alertId), time, comment, conviction, Optional.empty(), dialect);
    }

    public AlertTags in(AlertDialect found) {
        return new AlertTags(strategy, alertId, time, comment, conviction, account, found);
    }
}

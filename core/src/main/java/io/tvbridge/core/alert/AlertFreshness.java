package io.tvbridge.core.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The window an alert's own timestamp must fall in, around the moment it arrived: an alert
 * recorded and replayed later, or one dated in the future, is refused before anything is
 * stored. Alerts without a timestamp pass; a zero window checks nothing.
 */
public record AlertFreshness(Duration maxAge) {
    public static final AlertFreshness OFF = new AlertFreshness(Duration.ZERO);

    public AlertFreshness {
        Objects.requireNonNull(maxAge, "maxAge");
        if (maxAge.isNegative()) {
            throw new IllegalArgumentException("the window must not be negative: " + maxAge);
        }
    }

    /** Throws an {@link AlertProblem.Kind#UNAUTHORIZED} problem when {@code alert}'s time is outside the window. */
    public void check(Alert alert, Instant receivedAt) throws AlertProblem {
        if (maxAge.isZero() || alert.time().isEmpty()) {
            return;
        }
        Instant time = alert.time().get();
        Duration age = Duration.between(time, receivedAt);
        if (age.compareTo(maxAge) > 0) {
            throw new AlertProblem(AlertProblem.Kind.UNAUTHORIZED, "timestamp", "the alert's timestamp " + time
                    + " is " + age.toSeconds() + " s old; alerts older than " + maxAge.toSeconds()
                    + " s are refused (WEBHOOK_MAX_AGE). Send the time the alert fired ({{timenow}}), not the bar's"
                    + " open ({{time}})");
        }
        if (age.negated().compareTo(maxAge) > 0) {
            throw new AlertProblem(AlertProblem.Kind.UNAUTHORIZED, "timestamp", "the alert's timestamp " + time
                    + " is " + age.negated().toSeconds() + " s in the future; more than " + maxAge.toSeconds()
                    + " s ahead is refused (WEBHOOK_MAX_AGE). Check the clock of this machine and the alert's time");
        }
    }
}

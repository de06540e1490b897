package io.tvbridge.core.alert;

import java.util.Objects;
import java.util.Optional;

/**
 * Why an alert body cannot be used, in words a trader understands. {@code field} names the
 * offending alert field, when one is to blame.
 */
public final class AlertProblem extends Exception {
    private static final long serialVersionUID = 1L;

    /** Which HTTP answer the problem calls for. */
    public enum Kind {
        /** The body is not readable as an alert at all (broken JSON, not text). */
        MALFORMED,
        /** The alert is readable but a field is missing or wrong. */
        INVALID,
        /** The secret or signature is missing or wrong. */
        UNAUTHORIZED,
        /** The body is larger than the limit. */
        TOO_LARGE
    }

    private final Kind kind;
    private final String field;

    public AlertProblem(Kind kind, String field, String message) {
        super(Objects.requireNonNull(message, "message"), null, false, false);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.field = field;
    }

    public static AlertProblem malformed(String message) {
        return new AlertProblem(Kind.MALFORMED, null, message);
    }

    public static AlertProblem invalid(String field, String message) {
        return new AlertProblem(Kind.INVALID, field, message);
    }

    public static AlertProblem unauthorized(String message) {
        return new AlertProblem(Kind.UNAUTHORIZED, null, message);
    }

    public Kind kind() {
        return kind;
    }

    public Optional<String> field() {
        return Optional.ofNullable(field);
    }
}

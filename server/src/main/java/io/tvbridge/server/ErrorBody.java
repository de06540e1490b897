package io.tvbridge.server;

import java.util.Optional;

/** The body of every error response: what went wrong, and the alert field to blame, if any. */
public record ErrorBody(String error, Optional<String> field) {
    public static ErrorBody of(String error) {
        return new ErrorBody(error, Optional.empty());
    }
}

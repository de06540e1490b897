package io.tvbridge.cli;

/** An admin command could not do its work; {@code exitCode} tells a script why, the message tells a person. */
final class AdminCallFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The daemon refused or failed the request (4xx other than 401, 5xx), or found a mismatch. */
    static final int REFUSED = 1;
    /** Nothing answers at the daemon's address. */
    static final int NOT_RUNNING = 3;
    /** The daemon refused the admin API key. */
    static final int UNAUTHORIZED = 4;

    private final int exitCode;

    AdminCallFailed(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}

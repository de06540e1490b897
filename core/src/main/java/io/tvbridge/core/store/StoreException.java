package io.tvbridge.core.store;

/**
 * The database or the data directory is in a state the operator must resolve (held by a running
 * daemon, written by a newer tvbridge, a backup that does not open). The message says what to do
 * and is shown as it is.
 */
public class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}

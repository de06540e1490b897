package io.tvbridge.core.risk;

/**
 * An amount could not be put in the account's currency: the instrument's currency is not known,
 * or the broker gave no rate for it. The message says which, in a trader's words.
 */
public final class NotValued extends Exception {
    private static final long serialVersionUID = 1L;

    public NotValued(String message) {
        super(message, null, false, false);
    }
}

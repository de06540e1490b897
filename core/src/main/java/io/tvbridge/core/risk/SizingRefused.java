package io.tvbridge.core.risk;

/** Sizing could not produce a quantity; the message says why. */
public final class SizingRefused extends Exception {
    private static final long serialVersionUID = 1L;

    public SizingRefused(String message) {
        super(message, null, false, false);
    }
}

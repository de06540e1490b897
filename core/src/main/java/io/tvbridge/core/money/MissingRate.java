package io.tvbridge.core.money;

/** No rate is known to turn one currency into another; the message names the pair and why. */
public final class MissingRate extends Exception {
    private final String from;
    private final String to;

    MissingRate(String from, String to, String message) {
        super(message, null, false, false);
        this.from = from;
        this.to = to;
    }

    /** The pair as traders write it: {@code JPY/USD}. */
    public String pair() {
        return from + "/" + to;
    }
}

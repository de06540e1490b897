package io.tvbridge.broker.ibkr.codec;

/** A frame or field that does not follow the protocol; the message names the message and the reason. */
public final class TwsProtocolException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TwsProtocolException(String message) {
        super(message);
    }

    public TwsProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}

package io.tvbridge.broker.oanda.codec;

/** OANDA answered with JSON the codec cannot read; the message names the reply and what was wrong. */
public final class OandaProtocolException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public OandaProtocolException(String message) {
        super(message);
    }

    public OandaProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}

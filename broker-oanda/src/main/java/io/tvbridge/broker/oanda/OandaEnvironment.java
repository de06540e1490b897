package io.tvbridge.broker.oanda;

import java.net.URI;
import java.util.Locale;

/** OANDA's two environments and their hosts; a token works only in the one it was made for. */
public enum OandaEnvironment {
    /** fxTrade Practice: the demo account with play money. */
    PRACTICE(URI.create("https://api-fxpractice.oanda.com"), URI.create("https://stream-fxpractice.oanda.com")),
    /** fxTrade: real money. */
    LIVE(URI.create("https://api-fxtrade.oanda.com"), URI.create("https://stream-fxtrade.oanda.com"));

    private final URI apiUrl;
    private final URI streamUrl;

    OandaEnvironment(URI apiUrl, URI streamUrl) {
        this.apiUrl = apiUrl;
        this.streamUrl = streamUrl;
    }

    public URI apiUrl() {
        return apiUrl;
    }

    public URI streamUrl() {
        return streamUrl;
    }

    /** {@code practice} or {@code live}, in any case. */
    public static OandaEnvironment parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}

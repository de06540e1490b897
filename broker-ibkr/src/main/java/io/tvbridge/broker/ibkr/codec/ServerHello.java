package io.tvbridge.broker.ibkr.codec;

import java.util.List;
import java.util.Optional;

/** The server's answer to the client hello: the negotiated server version and its connection time. */
public record ServerHello(int serverVersion, String connectionTime) {

    /** Reads the answer frame; any frame with other than two fields is not it (a stray message). */
    public static Optional<ServerHello> parse(List<String> fields) {
        if (fields.size() != 2) {
            return Optional.empty();
        }
        return Optional.of(new ServerHello(TwsValues.parseInt(fields.get(0)), fields.get(1)));
    }
}

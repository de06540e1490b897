package io.tvbridge.server;

import jakarta.ws.rs.container.ContainerRequestContext;
import java.io.IOException;
import java.io.InputStream;

/** What a filter does with the body of a request it refuses, so that the connection stays usable. */
final class RequestDrain {
    private static final int LIMIT = 64 * 1024;

    private RequestDrain() {
    }

    /**
     * Reads what is left of a refused request's body (a small one) so that the connection can
     * carry the client's next request; false when the body is too large or unreadable, and the
     * connection is then to be closed instead.
     */
    static boolean drained(ContainerRequestContext request) {
        if (!request.hasEntity()) {
            return true;
        }
        try (InputStream body = request.getEntityStream()) {
            return body.readNBytes(LIMIT).length < LIMIT;
        } catch (IOException e) {
            return false;
        }
    }
}

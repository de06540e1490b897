package io.tvbridge.server;

import io.tvbridge.core.config.Redactor;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Masks the configured secrets in what a request sends before any resource reads it: someone who
 * pastes a key into a URL, an actor, a reason or a setting does not put it into the audit trail,
 * the notices, the log or an answer that repeats the input. The webhook's body is left alone: its
 * signature covers the raw bytes, and the signal service masks what it stores.
 */
public final class SecretMasking {
    private SecretMasking() {
    }

    /** The URL's path and query, for every request, before it is matched to a resource. */
    @PreMatching
    public static final class Urls implements ContainerRequestFilter {
        private final Redactor redactor;

        public Urls(Redactor redactor) {
            this.redactor = redactor;
        }

        @Override
        public void filter(ContainerRequestContext request) {
            String uri = request.getUriInfo().getRequestUri().toString();
            String masked = redactor.redact(uri);
            if (!masked.equals(uri)) {
                request.setRequestUri(request.getUriInfo().getBaseUri(), URI.create(masked));
            }
        }

        @Override
        public String toString() {
            return "SecretMasking.Urls[***]";
        }
    }

    /** An admin request's body, once {@link ApiKeyFilter} let the request in (never a stranger's body). */
    @ApiKeyRequired
    @Priority(Priorities.AUTHENTICATION + 100)
    public static final class AdminBodies implements ContainerRequestFilter {
        private final Redactor redactor;

        public AdminBodies(Redactor redactor) {
            this.redactor = redactor;
        }

        @Override
        public void filter(ContainerRequestContext request) throws IOException {
            if (!request.hasEntity()) {
                return;
            }
            try (InputStream body = request.getEntityStream()) {
                String text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
                request.setEntityStream(new ByteArrayInputStream(redactor.redact(text)
                        .getBytes(StandardCharsets.UTF_8)));
            }
        }

        @Override
        public String toString() {
            return "SecretMasking.AdminBodies[***]";
        }
    }
}

package io.tvbridge.server;

import io.tvbridge.core.config.SecretMatcher;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets a request reach an {@link ApiKeyRequired} resource only with the admin API key in
 * {@code X-API-Key}, compared in constant time; anything else is answered 401 with a JSON
 * reason. Register one instance (with the key) on the server; annotate what it protects.
 * Neither the expected nor the presented key is ever logged.
 */
@ApiKeyRequired
@Priority(Priorities.AUTHENTICATION)
public final class ApiKeyFilter implements ContainerRequestFilter {
    public static final String HEADER = "X-API-Key";
    private static final Logger log = LoggerFactory.getLogger(ApiKeyFilter.class);

    private final SecretMatcher key;

    public ApiKeyFilter(String adminApiKey) {
        this.key = new SecretMatcher(adminApiKey);
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String given = request.getHeaderString(HEADER);
        if (given == null || given.isBlank()) {
            refuse(request, "the " + HEADER + " header is missing: send the admin API key (ADMIN_API_KEY) in it");
        } else if (!key.matches(given.strip())) {
            refuse(request, "the " + HEADER + " header is wrong: it must be the admin API key (ADMIN_API_KEY)");
        }
    }

    private static void refuse(ContainerRequestContext request, String reason) {
        log.warn("refused {} /{}: {}", request.getMethod(), request.getUriInfo().getPath(), reason);
        Response.ResponseBuilder answer = Response.status(Response.Status.UNAUTHORIZED)
                .type(MediaType.APPLICATION_JSON_TYPE).entity(ErrorBody.of(reason));
        if (!RequestDrain.drained(request)) {
            answer.header("Connection", "close");
        }
        request.abortWith(answer.build());
    }

    @Override
    public String toString() {
        return "ApiKeyFilter[***]";
    }
}

package io.tvbridge.server;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import java.util.List;

/**
 * The {@code account} parameter on the admin API of a daemon of one account: its own name (or
 * {@code all}) is accepted and changes nothing, so that a script written for several accounts
 * runs here too; any other name is answered 404, as a daemon of several accounts answers it.
 */
@ApiKeyRequired
@Priority(Priorities.AUTHORIZATION)
public final class OneAccountFilter implements ContainerRequestFilter {
    private final List<String> names;

    public OneAccountFilter(String account) {
        this.names = List.of(account);
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String given = request.getUriInfo().getQueryParameters().getFirst(AccountChoice.PARAMETER);
        try {
            AccountChoice.read(given, names);
        } catch (WebApplicationException e) {
            request.abortWith(e.getResponse());
        }
    }
}

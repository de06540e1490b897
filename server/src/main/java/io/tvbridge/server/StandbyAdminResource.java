package io.tvbridge.server;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.function.Supplier;

/**
 * The admin API of a standby: it has no account to show or control, so every admin path answers
 * 503 naming the instance that trades, where the admin API is served.
 */
@Path("/admin/{path: .*}")
@Produces(MediaType.APPLICATION_JSON)
public final class StandbyAdminResource {
    private final Supplier<String> leader;

    /** {@code leader} names the instance that trades, as last seen ({@code ""} when none was seen yet). */
    public StandbyAdminResource(Supplier<String> leader) {
        this.leader = leader;
    }

    @GET
    public Response get() {
        return refused();
    }

    @POST
    public Response post() {
        return refused();
    }

    @PUT
    public Response put() {
        return refused();
    }

    @DELETE
    public Response delete() {
        return refused();
    }

    private Response refused() {
        String holder = leader.get();
        return Response.status(503).entity(ErrorBody.of("this instance is a standby: it stores alerts for the"
                + " instance that trades" + (holder.isEmpty() ? "" : " (" + holder + ")")
                + ", which serves the admin API")).build();
    }
}

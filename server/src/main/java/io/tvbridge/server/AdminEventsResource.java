package io.tvbridge.server;

import io.tvbridge.core.ActionRefused;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /admin/events}: the dashboard's live view as Server-Sent Events. The first events
 * carry every topic, later ones a topic each time it changed; a comment line every few seconds
 * keeps the connection (and its idle timeout) alive and lets the page see that it still is.
 * The admin key goes in {@code X-API-Key} as for every admin call: the page reads the stream with
 * {@code fetch}, never with {@code EventSource}, which could carry the key only in the URL.
 */
@Path("/admin")
@ApiKeyRequired
public final class AdminEventsResource {
    public static final String EVENT_STREAM = "text/event-stream";
    /** Well inside the connector's 30 s idle timeout. */
    private static final Duration KEEP_ALIVE = Duration.ofSeconds(10);

    private final DashboardFeed feed;

    public AdminEventsResource(DashboardFeed feed) {
        this.feed = feed;
    }

    @GET
    @Path("events")
    @Produces(EVENT_STREAM)
    public Response events() {
        if (feed.closed()) {
            throw new ActionRefused(ActionRefused.Kind.UNAVAILABLE, "tvbridge is stopping; try again when it is back");
        }
        StreamingOutput stream = out -> {
            try (DashboardFeed.Listener listener = feed.listen()) {
                send(listener, out);
            }
        };
        return Response.ok(stream, EVENT_STREAM).header("Cache-Control", "no-store")
                .header("X-Accel-Buffering", "no").build();
    }

    /** Sends what changed until the feed closes or the page goes away. */
    private static void send(DashboardFeed.Listener listener, OutputStream out) {
        try {
            // a first line at once, so that the page knows it is live before anything changes
            out.write(": connected\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            for (Optional<Map<String, String>> news = listener.next(KEEP_ALIVE); news.isPresent();
                 news = listener.next(KEEP_ALIVE)) {
                StringBuilder events = new StringBuilder();
                if (news.get().isEmpty()) {
                    events.append(": still here\n\n");
                }
                news.get().forEach((topic, json) -> events.append("event: ").append(topic).append("\ndata: ")
                        .append(json).append("\n\n"));
                out.write(events.toString().getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (IOException e) {
            // the page was closed or lost its connection: it reconnects by itself if it still can
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

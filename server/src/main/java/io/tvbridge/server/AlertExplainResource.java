package io.tvbridge.server;

import io.tvbridge.core.signal.Explanation;
import io.tvbridge.core.signal.SignalService;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;

/**
 * {@code POST /admin/alerts/explain} with {@code {"message": "<an alert message>"}}: the dialect
 * it is read in, each field read, and the orders it would become under the current settings,
 * or why it would be refused. Nothing is stored or sent; the message's secret is not checked
 * (the caller holds the admin key) and is masked in the answer.
 */
@Path("/admin/alerts/explain")
@ApiKeyRequired
@Produces(MediaType.APPLICATION_JSON)
public final class AlertExplainResource {
    private final SignalService signals;
    private final Clock clock;

    public AlertExplainResource(SignalService signals, Clock clock) {
        this.signals = signals;
        this.clock = clock;
    }

    @POST
    public Explanation explain(String body) {
        String message = AdminInput.body(body).text("message").orElseThrow(() ->
                AdminInput.invalid("message is required: the alert message to explain, as text", Optional.of("message")));
        return signals.explain(message.getBytes(StandardCharsets.UTF_8), clock.instant());
    }
}

package io.tvbridge.server;

import io.tvbridge.core.alert.AlertTemplates;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /webhook/template}: the TradingView alert messages for the configured webhook secret,
 * as {@code tvbridge alert-template} prints them, and the webhook URL as this request reached the
 * daemon. The messages carry the secret, so the call needs the admin API key.
 */
@Path("/webhook/template")
@Produces(MediaType.APPLICATION_JSON)
public final class WebhookTemplateResource {

    /** One alert message: its kind (plain, strategy, target), what it is for, and the text to paste. */
    public record Template(String kind, String title, String message) {
    }

    public record Templates(String webhookUrl, List<Template> templates) {
    }

    private final String secret;

    public WebhookTemplateResource(String webhookSecret) {
        this.secret = webhookSecret;
    }

    @GET
    @ApiKeyRequired
    public Templates templates(@QueryParam("kind") String kind, @Context UriInfo uri) {
        Optional<AlertTemplates.Kind> only = Optional.ofNullable(kind).filter(k -> !k.isBlank())
                .map(k -> AlertTemplates.Kind.parse(k).orElseThrow(() -> AdminInput.invalid(
                        "kind must be plain, strategy or target", Optional.of("kind"))));
        List<Template> templates = Arrays.stream(AlertTemplates.Kind.values())
                .filter(each -> only.isEmpty() || only.get() == each)
                .map(each -> new Template(each.wireName(), each.title(), each.message(secret))).toList();
        return new Templates(uri.getBaseUriBuilder().path("webhook").build().toString(), templates);
    }
}

package io.tvbridge.server.metrics;

import io.tvbridge.server.ApiKeyRequired;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /metrics} in Prometheus text format. By default only with the admin API key in
 * {@code X-API-Key} (queue depths and order counts tell an outsider when a strategy trades);
 * {@code METRICS_PUBLIC=true} opens it, for a scraper on a private network that cannot send a header.
 */
@Path("/metrics")
public final class MetricsResource {
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMetrics metrics;

    private MetricsResource(PrometheusMetrics metrics) {
        this.metrics = metrics;
    }

    /** The resource to register: open to all when {@code open}, else behind the admin key. */
    public static Object of(PrometheusMetrics metrics, boolean open) {
        return open ? new MetricsResource(metrics) : new KeyRequired(metrics);
    }

    @GET
    public Response scrape() {
        return page(metrics);
    }

    private static Response page(PrometheusMetrics metrics) {
        return Response.ok(metrics.scrape(), CONTENT_TYPE).header("Cache-Control", "no-store").build();
    }

    /** The same page, for requests that carry the admin API key only. */
    @Path("/metrics")
    @ApiKeyRequired
    public static final class KeyRequired {
        private final PrometheusMetrics metrics;

        private KeyRequired(PrometheusMetrics metrics) {
            this.metrics = metrics;
        }

        @GET
        public Response scrape() {
            return page(metrics);
        }
    }
}

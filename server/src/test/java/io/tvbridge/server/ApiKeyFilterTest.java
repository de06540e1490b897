package io.tvbridge.server;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The API key check on a real server: one annotated method is protected, its neighbour is not. */
@Timeout(30)
class ApiKeyFilterTest {
    private static final String KEY = "a-test-admin-key-0123456789";

    /** A resource with one open and one protected method, as {@code GET /webhook/template} will be. */
    @Path("/sample")
    @Produces(MediaType.APPLICATION_JSON)
    public static final class Sample {
        @GET
        @Path("open")
        public Map<String, String> open() {
            return Map.of("open", "yes");
        }

        @GET
        @Path("guarded")
        @ApiKeyRequired
        public Map<String, String> guarded() {
            return Map.of("guarded", "yes");
        }
    }

    private WebhookServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        server = new WebhookServer("127.0.0.1", 0, List.of(new Sample(), new ApiKeyFilter(KEY))).start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> get(String path, String key) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
        if (key != null) {
            request.header(ApiKeyFilter.HEADER, key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void onlyTheAnnotatedMethodNeedsTheKey() throws IOException, InterruptedException {
        assertThat(get("/sample/open", null).statusCode()).isEqualTo(200);

        HttpResponse<String> missing = get("/sample/guarded", null);
        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(missing.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/json"));
        assertThat(missing.body()).isEqualTo("{\"error\":\"the X-API-Key header is missing: send the admin API key"
                + " (ADMIN_API_KEY) in it\"}");

        HttpResponse<String> wrong = get("/sample/guarded", KEY.substring(1));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("is wrong").doesNotContain(KEY);
        assertThat(get("/sample/guarded", KEY + "0").statusCode()).isEqualTo(401);

        HttpResponse<String> right = get("/sample/guarded", KEY);
        assertThat(right.statusCode()).isEqualTo(200);
        assertThat(right.body()).isEqualTo("{\"guarded\":\"yes\"}");
    }
}

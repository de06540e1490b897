package io.tvbridge.server;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;

/**
 * Refuses, with a reason in JSON, a request whose Content-Type or Accept header is not a media
 * type at all (such as {@code Content-Type: ;;;}), or that sends two Content-Types. Jersey reads
 * them before any of its filters and answers such a request with a bare 400 that says nothing of
 * what was wrong.
 */
final class HeaderCheck implements Filter {
    private static final List<String> MEDIA_TYPE_HEADERS = List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.ACCEPT);

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        if (Collections.list(http.getHeaders(HttpHeaders.CONTENT_TYPE)).size() > 1) {
            refuse((HttpServletResponse) response, "the Content-Type header is given more than once: send it once");
            return;
        }
        for (String header : MEDIA_TYPE_HEADERS) {
            for (String value : Collections.list(http.getHeaders(header))) {
                if (!readable(value)) {
                    refuse((HttpServletResponse) response, "the " + header + " header is not a media type: send"
                            + " application/json or text/plain");
                    return;
                }
            }
        }
        chain.doFilter(request, response);
    }

    /** Whether every media type in the value (a list, for Accept) can be read. */
    private static boolean readable(String value) {
        try {
            for (String type : value.split(",")) {
                if (!type.isBlank()) {
                    MediaType.valueOf(type.strip());
                }
            }
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static void refuse(HttpServletResponse response, String reason) throws IOException {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setContentType(MediaType.APPLICATION_JSON);
        response.getOutputStream().write(WebhookServer.errorJson(400, reason).getBytes(StandardCharsets.UTF_8));
    }
}

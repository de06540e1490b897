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
import java.util.Optional;

/**
 * Refuses, with a reason in JSON, a request whose Content-Type or Accept header is not a media
 * type at all (such as {@code Content-Type: ;;;}), or that sends two Content-Types. Jersey reads
 * them before any of its filters and answers such a request with a bare 400 that says nothing of
 * what was wrong. The webhook's handler, which Jersey does not see, asks {@link #problem} the same.
 */
final class HeaderCheck implements Filter {
    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        Optional<String> problem = problem(Collections.list(http.getHeaders(HttpHeaders.CONTENT_TYPE)),
                Collections.list(http.getHeaders(HttpHeaders.ACCEPT)));
        if (problem.isPresent()) {
            refuse((HttpServletResponse) response, problem.get());
            return;
        }
        chain.doFilter(request, response);
    }

    /** What is wrong with a request's Content-Type and Accept headers, if anything. */
    static Optional<String> problem(List<String> contentTypes, List<String> accepts) {
        if (contentTypes.size() > 1) {
            return Optional.of("the Content-Type header is given more than once: send it once");
        }
        for (List<String> values : List.of(contentTypes, accepts)) {
            for (String value : values) {
                if (!readable(value)) {
                    String header = values == contentTypes ? HttpHeaders.CONTENT_TYPE : HttpHeaders.ACCEPT;
                    return Optional.of("the " + header + " header is not a media type: send"
                            + " application/json or text/plain");
                }
            }
        }
        return Optional.empty();
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

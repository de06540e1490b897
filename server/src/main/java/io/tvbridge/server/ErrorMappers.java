package io.tvbridge.server;

import io.tvbridge.core.ActionRefused;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every failure leaves as JSON with a plain reason; a stack trace never reaches a client. */
final class ErrorMappers {
    private static final Logger log = LoggerFactory.getLogger(ErrorMappers.class);

    private ErrorMappers() {
    }

    /** 404, 405, 406, 415 ... raised by Jersey itself. */
    @Provider
    static final class HttpErrors implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (e.getResponse().getEntity() instanceof ErrorBody) {
                return e.getResponse();   // ours, with its reason already
            }
            String reason = switch (status) {
                case 404 -> "no such endpoint";
                case 405 -> "this endpoint does not take that method";
                case 406 -> "this endpoint answers in JSON only";
                case 415 -> "this endpoint does not take that content type";
                default -> e.getResponse().getStatusInfo().getReasonPhrase();
            };
            return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(ErrorBody.of(reason)).build();
        }
    }

    /** An operator's action that could not be done: 404, 409 or 503 with the reason. */
    @Provider
    static final class Refusals implements ExceptionMapper<ActionRefused> {
        @Override
        public Response toResponse(ActionRefused e) {
            return Response.status(status(e.kind())).type(MediaType.APPLICATION_JSON_TYPE).entity(ErrorBody.of(e.getMessage()))
                    .build();
        }
    }

    /** The HTTP status of a refusal of {@code kind}. */
    static int status(ActionRefused.Kind kind) {
        return switch (kind) {
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case UNAVAILABLE -> 503;
        };
    }

    /** Anything else is our bug: logged with its stack here, answered with a short message there. */
    @Provider
    static final class Unexpected implements ExceptionMapper<Throwable> {
        @Override
        public Response toResponse(Throwable e) {
            log.error("unexpected failure while answering a request", e);
            return Response.serverError().type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(ErrorBody.of("internal error; the details are in tvbridge's log")).build();
        }
    }
}

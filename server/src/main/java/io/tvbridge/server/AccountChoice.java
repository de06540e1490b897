package io.tvbridge.server;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code account} query parameter of an admin call, read against the daemon's accounts:
 * absent, blank or {@code all} means every account; a name it does not know is answered 404.
 * Names are compared as {@code ACCOUNTS} writes them: trimmed and lower-cased.
 */
final class AccountChoice {
    static final String PARAMETER = "account";
    static final String ALL = "all";

    private AccountChoice() {
    }

    /** The account named, or empty for every account; 404 for a name that is not one of {@code names}. */
    static Optional<String> read(String parameter, List<String> names) {
        Optional<String> given = AdminInput.blank(parameter).map(text -> text.toLowerCase(Locale.ROOT));
        if (given.isEmpty() || given.get().equals(ALL)) {
            return Optional.empty();
        }
        if (!names.contains(given.get())) {
            throw unknown(given.get(), names);
        }
        return given;
    }

    /** Whether the caller wrote an account, {@code all} included (flatten wants it written). */
    static boolean written(String parameter) {
        return AdminInput.blank(parameter).isPresent();
    }

    static WebApplicationException unknown(String name, List<String> names) {
        String reason = "no account '" + name + "'; this daemon's accounts are: " + String.join(", ", names);
        return new WebApplicationException(reason, Response.status(Response.Status.NOT_FOUND)
                .type(MediaType.APPLICATION_JSON_TYPE).entity(ErrorBody.of(reason)).build());
    }

    /** 400 for a call that acts on one account only and was not told which. */
    static WebApplicationException oneNeeded(String what, List<String> names) {
        return failure(Response.Status.BAD_REQUEST, what + " is for one account: name it (?account=" + names.get(0)
                + "); this daemon's accounts are: " + String.join(", ", names));
    }

    static WebApplicationException failure(Response.Status status, String reason) {
        return new WebApplicationException(reason, Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorBody(reason, Optional.of(PARAMETER))).build());
    }
}

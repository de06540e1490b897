package io.tvbridge.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tvbridge.broker.spi.model.ClientOrderId;
import io.tvbridge.core.ActionRefused;
import io.tvbridge.core.store.Store;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The admin API of a daemon of several accounts ({@code ACCOUNTS=…}): every call of
 * {@link AdminResource} and {@link AdminRecordsResource}, each taking {@code ?account=<name>}.
 * Named, a call answers exactly what that account's own resource answers. Without a name (or
 * with {@code all}) a read answers {@code {"accounts": {"live": …, "fx": …}}} side by side, and
 * kill, pause, resume, reset-limits and reconcile act on every account. Flatten wants the account
 * written ({@code all} included); the calls that change one account's records need its name.
 */
@Path("/admin")
@ApiKeyRequired
@Produces(MediaType.APPLICATION_JSON)
public final class AccountsAdminResource {

    /** One account's admin API, as a daemon of that account alone would serve it, and its store. */
    public record Account(String name, AdminResource admin, AdminRecordsResource records, Store store) {
    }

    /** Each account's answer, in the order {@code ACCOUNTS} names them. */
    public record Accounts(Map<String, Object> accounts) {
    }

    private final Map<String, Account> accounts = new LinkedHashMap<>();
    private final List<String> names;

    public AccountsAdminResource(List<Account> accounts) {
        accounts.forEach(account -> this.accounts.put(account.name(), account));
        this.names = List.copyOf(this.accounts.keySet());
    }

    /** The accounts, in their order. */
    List<Account> accounts() {
        return List.copyOf(accounts.values());
    }

    @GET
    @Path("status")
    public Response status(@QueryParam("account") String account) {
        return answer(account, a -> a.admin().status(), false);
    }

    @POST
    @Path("kill")
    public Response kill(@QueryParam("account") String account, String body) {
        return answer(account, a -> a.admin().kill(body), true);
    }

    @POST
    @Path("pause")
    public Response pause(@QueryParam("account") String account, String body) {
        return answer(account, a -> a.admin().pause(body), true);
    }

    @POST
    @Path("resume")
    public Response resume(@QueryParam("account") String account, String body) {
        return answer(account, a -> a.admin().resume(body), true);
    }

    /** Flatten closes positions: it happens to every account only when {@code all} is written. */
    @POST
    @Path("flatten")
    public Response flatten(@QueryParam("account") String account, String body) {
        if (!AccountChoice.written(account)) {
            throw AccountChoice.failure(Response.Status.BAD_REQUEST, "flatten closes positions: name the account"
                    + " (?account=" + names.get(0) + ") or ?account=all");
        }
        return answer(account, a -> a.admin().flatten(body), true);
    }

    @POST
    @Path("reset-limits")
    public Response resetLimits(@QueryParam("account") String account, String body) {
        return answer(account, a -> a.admin().resetLimits(body), true);
    }

    @POST
    @Path("reconcile")
    public Response reconcile(@QueryParam("account") String account, String body) {
        return answer(account, a -> a.admin().reconcile(body), true);
    }

    @GET
    @Path("reconciliations")
    public Response reconciliations(@QueryParam("account") String account, @BeanParam ListParams params) {
        return answer(account, a -> a.admin().reconciliations(params), false);
    }

    @POST
    @Path("reconciliations/{id}/adopt")
    public AdminResource.Adopted adopt(@QueryParam("account") String account, @PathParam("id") String id,
                                       String body) {
        return one(account, "adopting a reconciliation").admin().adopt(id, body);
    }

    @POST
    @Path("backup")
    public AdminResource.Backup backup(@QueryParam("account") String account, String body) {
        return one(account, "a backup").admin().backup(body);
    }

    @GET
    @Path("pending")
    public Response pending(@QueryParam("account") String account) {
        return answer(account, a -> a.admin().pending(), false);
    }

    @DELETE
    @Path("pending")
    public AdminResource.Cleared clearPending(@QueryParam("account") String account, String body) {
        return one(account, "clearing the pending queue").admin().clearPending(body);
    }

    /** Cancels in the account named, or else in the account whose records hold the order. */
    @POST
    @Path("orders/{clientOrderId}/cancel")
    public Response cancel(@QueryParam("account") String account, @PathParam("clientOrderId") String clientOrderId,
                           String body) {
        Optional<String> named = AccountChoice.read(account, names);
        if (named.isPresent()) {
            return accounts.get(named.get()).admin().cancel(clientOrderId, body);
        }
        ClientOrderId id = AdminInput.build(() -> ClientOrderId.of(clientOrderId));
        Account holder = accounts.values().stream()
                .filter(a -> a.store().inTransaction(session -> session.findOrder(id)).isPresent()).findFirst()
                .orElseThrow(() -> new ActionRefused(ActionRefused.Kind.NOT_FOUND, "there is no order " + id
                        + " in any account (" + String.join(", ", names) + ")"));
        return holder.admin().cancel(clientOrderId, body);
    }

    @GET
    @Path("settings")
    public Response settings(@QueryParam("account") String account) {
        return answer(account, a -> a.admin().settings(), false);
    }

    @PUT
    @Path("settings")
    public AdminResource.SettingsChanged changeSettings(@QueryParam("account") String account, String body) {
        return one(account, "changing settings").admin().changeSettings(body);
    }

    /** The same description as a daemon of one account serves: it documents the {@code account} parameter. */
    @GET
    @Path("openapi.json")
    public Response openApi() {
        return accounts.values().iterator().next().admin().openApi();
    }

    @GET
    @Path("signals")
    public Response signals(@QueryParam("account") String account, @BeanParam ListParams params) {
        return answer(account, a -> a.records().signals(params), false);
    }

    @GET
    @Path("orders")
    public Response orders(@QueryParam("account") String account, @BeanParam ListParams params) {
        return answer(account, a -> a.records().orders(params), false);
    }

    @GET
    @Path("trades")
    public Response trades(@QueryParam("account") String account, @BeanParam ListParams params) {
        return answer(account, a -> a.records().trades(params), false);
    }

    /** The audit trail; each row names its account, since the rows of several accounts are read together. */
    @GET
    @Path("audit-log")
    public Response auditLog(@QueryParam("account") String account, @QueryParam("actor") String actor,
                             @QueryParam("action") String action, @QueryParam("from") String from,
                             @QueryParam("to") String to, @QueryParam("limit") String limit,
                             @QueryParam("offset") String offset) {
        return answer(account, a -> {
            ObjectNode page = Json.MAPPER.valueToTree(a.records().auditLog(actor, action, from, to, limit, offset));
            page.withArray("items").forEach(row -> ((ObjectNode) row).put(AccountChoice.PARAMETER, a.name()));
            return page;
        }, false);
    }

    @GET
    @Path("positions/expected")
    public Response expectedPositions(@QueryParam("account") String account) {
        return answer(account, a -> a.records().expectedPositions(), false);
    }

    @GET
    @Path("positions/actual")
    public Response actualPositions(@QueryParam("account") String account) {
        return answer(account, a -> a.records().actualPositions(), false);
    }

    @GET
    @Path("account")
    public Response brokerAccount(@QueryParam("account") String account) {
        return answer(account, a -> a.records().account(), false);
    }

    @GET
    @Path("pnl")
    public Response pnl(@QueryParam("account") String account, @QueryParam("period") String period) {
        return answer(account, a -> a.records().pnl(period), false);
    }

    @GET
    @Path("report/daily")
    public Response dailyReport(@QueryParam("account") String account, @QueryParam("date") String date) {
        return answer(account, a -> a.records().dailyReport(date), false);
    }

    /** The account a call that changes one account's records is for; 400 when none (or all) is named. */
    private Account one(String account, String what) {
        return AccountChoice.read(account, names).map(accounts::get)
                .orElseThrow(() -> AccountChoice.oneNeeded(what, names));
    }

    /** The named account's answer as its own resource gives it; without a name, {@link #each}. */
    private Response answer(String account, Function<Account, Object> call, boolean action) {
        Optional<String> named = AccountChoice.read(account, names);
        if (named.isEmpty()) {
            return each(call, action);
        }
        Object answer = call.apply(accounts.get(named.get()));
        return answer instanceof Response response ? response
                : Response.ok(answer, MediaType.APPLICATION_JSON_TYPE).build();
    }

    /**
     * Every account's answer side by side. A refusal in one account (its broker unreachable, say)
     * is answered in that account's place and the others still answer: a kill must reach every
     * account even when one fails. A read stays 200; an action takes the status of the first
     * account that did not do it. Bad input (400) is the same for every account and ends the call.
     */
    private Response each(Function<Account, Object> call, boolean action) {
        Map<String, Object> answers = new LinkedHashMap<>();
        int status = 200;
        for (Account account : accounts.values()) {
            Object answer;
            int own = 200;
            try {
                answer = call.apply(account);
                if (answer instanceof Response response) {
                    own = response.getStatus();
                    answer = response.getEntity();
                }
            } catch (ActionRefused e) {
                answer = ErrorBody.of(e.getMessage());
                own = ErrorMappers.status(e.kind());
            }
            answers.put(account.name(), answer);
            if (action && status == 200 && own >= 300) {
                status = own;
            }
        }
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(new Accounts(answers)).build();
    }
}

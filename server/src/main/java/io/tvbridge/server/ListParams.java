package io.tvbridge.server;

import io.tvbridge.core.store.ListQuery;
import jakarta.ws.rs.QueryParam;
import java.util.Set;

/**
 * The query parameters every admin list takes ({@code symbol}, {@code strategy}, {@code status},
 * {@code from}, {@code to}, {@code limit}, {@code offset}), gathered by JAX-RS with
 * {@code @BeanParam}; a list ignores those that do not apply to it.
 */
public final class ListParams {
    @QueryParam("symbol")
    String symbol;
    @QueryParam("strategy")
    String strategy;
    @QueryParam("status")
    String status;
    @QueryParam("from")
    String from;
    @QueryParam("to")
    String to;
    @QueryParam("limit")
    String limit;
    @QueryParam("offset")
    String offset;

    /** The query; {@code statuses} are the statuses the list knows (400 for another). */
    ListQuery query(Set<String> statuses) {
        return AdminInput.listQuery(symbol, strategy, status, statuses, from, to, limit, offset);
    }
}

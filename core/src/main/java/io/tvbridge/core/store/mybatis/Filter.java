package io.tvbridge.core.store.mybatis;

import io.tvbridge.core.store.AuditQuery;
import io.tvbridge.core.store.ListQuery;
import java.time.Instant;
import java.util.Locale;

/**
 * A list's filters as the mappers' dynamic SQL reads them: absent filters are null. {@code action}
 * and {@code actionFamily} are the audit trail's ({@code trading} matches {@code trading.kill}).
 */
record Filter(String symbol, String strategy, String status, String actor, String action, String actionFamily,
              Instant from, Instant to, int limit, int offset) {

    static Filter of(ListQuery q) {
        return new Filter(q.symbol().orElse(null), q.strategy().orElse(null),
                q.status().map(s -> s.toUpperCase(Locale.ROOT)).orElse(null), null, null, null,
                q.from().orElse(null), q.to().orElse(null), q.limit(), q.offset());
    }

    static Filter of(AuditQuery q) {
        return new Filter(null, null, null, q.actor().orElse(null), q.action().orElse(null),
                q.action().map(a -> a + ".%").orElse(null), q.from().orElse(null), q.to().orElse(null), q.limit(),
                q.offset());
    }

    /** One page. Portable: H2 and PostgreSQL both take SQL:2008 offset/fetch. */
    static final String PAGE = " offset #{offset} rows fetch first #{limit} rows only";
}

package io.tvbridge.core.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Which lines of the audit trail to show, newest first: by actor, by action (an exact action
 * such as {@code trading.kill}, or a family such as {@code trading}), in a time range
 * ({@code from} inclusive, {@code to} exclusive), and which page.
 */
public record AuditQuery(Optional<String> actor, Optional<String> action, Optional<Instant> from,
                         Optional<Instant> to, int limit, int offset) {
    public AuditQuery {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        ListQuery.checkPage(limit, offset);
    }
}

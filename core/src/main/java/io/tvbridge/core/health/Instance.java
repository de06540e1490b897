package io.tvbridge.core.health;

import static java.util.Objects.requireNonNull;

import io.tvbridge.core.store.Lease;
import java.util.Locale;
import java.util.Optional;

/**
 * Which instance answers and why it trades: the {@code leader}, holding the engine lease on a
 * database several instances share (then {@code lease} is that lease), or the {@code single}
 * instance of an embedded database that only one can open.
 */
public record Instance(String id, Role role, Optional<Lease> lease) {

    public enum Role {
        LEADER, SINGLE;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Instance {
        requireNonNull(id, "id");
        requireNonNull(role, "role");
        requireNonNull(lease, "lease");
        if ((role == Role.LEADER) != lease.isPresent()) {
            throw new IllegalArgumentException("a leader holds a lease, and only a leader: " + role + " " + lease);
        }
    }

    public static Instance leader(String id, Lease lease) {
        return new Instance(id, Role.LEADER, Optional.of(lease));
    }

    public static Instance single(String id) {
        return new Instance(id, Role.SINGLE, Optional.empty());
    }
}

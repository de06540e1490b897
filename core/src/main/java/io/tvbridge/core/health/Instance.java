package io.tvbridge.core.health;

import static java.util.Objects.requireNonNull;

import io.tvbridge.core.store.Inbox;
import io.tvbridge.core.store.Lease;
import java.util.Locale;
import java.util.Optional;

/**
 * Which instance answers and why it trades or not: the {@code leader}, holding the engine lease on
 * a database several instances share; a {@code standby} on such a database, which stores the
 * alerts it receives for the leader to decide ({@code lease} is then the leader's, as last seen,
 * once it was seen); or the {@code single} instance of an embedded database that only one can
 * open. On a shared database, {@code undecided} tells how many stored alerts wait for the leader's
 * decision and since when.
 */
public record Instance(String id, Role role, Optional<Lease> lease, Optional<Inbox> undecided) {

    public enum Role {
        LEADER, STANDBY, SINGLE;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Instance {
        requireNonNull(id, "id");
        requireNonNull(role, "role");
        requireNonNull(lease, "lease");
        requireNonNull(undecided, "undecided");
        if (role == Role.LEADER && lease.isEmpty() || role == Role.SINGLE && lease.isPresent()) {
            throw new IllegalArgumentException("a leader holds a lease, and a single instance none: " + role + " "
                    + lease);
        }
    }

    public static Instance leader(String id, Lease lease) {
        return new Instance(id, Role.LEADER, Optional.of(lease), Optional.empty());
    }

    public static Instance standby(String id, Optional<Lease> leader) {
        return new Instance(id, Role.STANDBY, leader, Optional.empty());
    }

    public static Instance single(String id) {
        return new Instance(id, Role.SINGLE, Optional.empty(), Optional.empty());
    }

    /** This instance with the inbox as read now. */
    public Instance withUndecided(Inbox inbox) {
        return new Instance(id, role, lease, Optional.of(inbox));
    }
}

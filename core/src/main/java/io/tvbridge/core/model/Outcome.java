package io.tvbridge.core.model;

import io.tvbridge.broker.spi.model.ClientOrderId;
import io.tvbridge.core.alert.AlertProblem;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** What became of one webhook request. The HTTP layer maps each kind to a status. */
public sealed interface Outcome {

    /** Stored and decided: accepted with its orders, or rejected with the reason; a dry run sends nothing. */
    record Decided(long signalId, Decision decision, Optional<String> reason, List<ClientOrderId> orders,
                   boolean dryRun) implements Outcome {
        public Decided {
            Objects.requireNonNull(decision, "decision");
            Objects.requireNonNull(reason, "reason");
            orders = List.copyOf(orders);
        }
    }

    /** The same alert arrived before; nothing new was stored or ordered. */
    record Duplicate(long signalId, List<ClientOrderId> orders, String reason) implements Outcome {
        public Duplicate {
            orders = List.copyOf(orders);
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The request was refused before anything was stored. */
    record Refused(AlertProblem.Kind kind, Optional<String> field, String message) implements Outcome {
        public Refused {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(message, "message");
        }

        public static Refused of(AlertProblem problem) {
            return new Refused(problem.kind(), problem.field(), problem.getMessage());
        }
    }

    /** Nothing could be stored now (database failure, shutting down); the sender may try again. */
    record Unavailable(String message) implements Outcome {
        public Unavailable {
            Objects.requireNonNull(message, "message");
        }
    }

    /**
     * An alert a daemon of several accounts routed: what became of it in each account it was
     * routed to, in the routes' order, and which routes sent it there.
     */
    record Routed(Map<String, Outcome> accounts, String why) implements Outcome {
        public Routed {
            accounts = Collections.unmodifiableMap(new LinkedHashMap<>(accounts));
            Objects.requireNonNull(why, "why");
            if (accounts.isEmpty()) {
                throw new IllegalArgumentException("a routed alert goes to at least one account");
            }
        }

        /** Whether any account stored it: then the sender must not be told to send it again. */
        public boolean storedAnywhere() {
            return accounts.values().stream().anyMatch(outcome -> outcome instanceof Decided
                    || outcome instanceof Duplicate || outcome instanceof Routed);
        }
    }
}

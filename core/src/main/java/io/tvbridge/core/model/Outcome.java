package io.tvbridge.core.model;

import io.tvbridge.broker.spi.model.ClientOrderId;
import io.tvbridge.core.alert.AlertProblem;
import java.util.List;
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
}

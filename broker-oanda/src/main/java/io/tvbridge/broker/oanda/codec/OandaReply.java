package io.tvbridge.broker.oanda.codec;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer to a request that changes the account (create or cancel an order, close a
 * position): the transactions it caused, oldest first, and for a refused request OANDA's
 * {@code errorCode} and {@code errorMessage}.
 */
public record OandaReply(List<OandaTransaction> transactions, Optional<String> lastTransactionId,
                         Optional<String> errorCode, Optional<String> errorMessage) {
    public OandaReply {
        transactions = List.copyOf(transactions);
        Objects.requireNonNull(lastTransactionId, "lastTransactionId");
        Objects.requireNonNull(errorCode, "errorCode");
        Objects.requireNonNull(errorMessage, "errorMessage");
    }

    public Optional<OandaTransaction> first(OandaTransaction.Kind kind) {
        return transactions.stream().filter(t -> t.kind() == kind).findFirst();
    }

    /** The refusal in OANDA's words: {@code errorCode: errorMessage}, or whichever is present. */
    public Optional<String> error() {
        if (errorCode.isPresent() && errorMessage.isPresent()) {
            return Optional.of(errorCode.get() + ": " + errorMessage.get());
        }
        return errorCode.or(() -> errorMessage);
    }
}

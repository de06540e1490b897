package io.tvbridge.core.store;

import io.tvbridge.broker.spi.model.ClientOrderId;
import java.util.Objects;
import java.util.Optional;

/**
 * Which order a row holds: its row id, tvbridge's client order id, the signal it was planned
 * for, the broker and account it goes to, and for a bracket's take-profit or stop-loss the
 * entry it goes with ({@code parent}).
 */
public record OrderRef(long id, ClientOrderId clientOrderId, long signalId, String broker, String account,
                       Optional<ClientOrderId> parent) {
    public OrderRef {
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(broker, "broker");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(parent, "parent");
    }

    /** An order of its own (an entry or an exit), not part of another's bracket. */
    public static OrderRef of(long id, ClientOrderId clientOrderId, long signalId, String broker, String account) {
        return new OrderRef(id, clientOrderId, signalId, broker, account, Optional.empty());
    }

    /** The bracket child {@code suffix} (take-profit or stop-loss) of this order, in row {@code id}. */
    public OrderRef child(long id, String suffix) {
        return new OrderRef(id, clientOrderId.child(suffix), signalId, broker, account, Optional.of(clientOrderId));
    }
}

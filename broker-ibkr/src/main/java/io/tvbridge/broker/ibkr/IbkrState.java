package io.tvbridge.broker.ibkr;

import io.tvbridge.broker.ibkr.codec.IbCommissionReport;
import io.tvbridge.broker.ibkr.codec.IbContract;
import io.tvbridge.broker.ibkr.codec.IbContractDetails;
import io.tvbridge.broker.ibkr.codec.IbExecution;
import io.tvbridge.broker.ibkr.codec.IbOrder;
import io.tvbridge.broker.ibkr.codec.IbOrderState;
import io.tvbridge.broker.spi.model.ClientOrderId;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The broker's shared state: tracked orders by every id IB uses, and requests waiting for answers. */
final class IbkrState {
    /** One POSITION_DATA. */
    record PositionRow(String account, IbContract contract, BigDecimal position, BigDecimal averageCost) {
    }

    /** One ACCOUNT_SUMMARY value. */
    record SummaryRow(String account, String tag, String value, String currency) {
    }

    /** One OPEN_ORDER. */
    record OpenOrderRow(IbContract contract, IbOrder order, IbOrderState state) {
    }

    /** One EXECUTION_DATA answering a request. */
    record ExecutionRow(IbContract contract, IbExecution execution) {
    }

    final Map<ClientOrderId, TrackedOrder> byClientId = new ConcurrentHashMap<>();
    final Map<Integer, TrackedOrder> byOrderId = new ConcurrentHashMap<>();
    final Map<Long, TrackedOrder> byPermId = new ConcurrentHashMap<>();
    final Map<String, TrackedOrder> byExecutionId = new ConcurrentHashMap<>();
    /** Commission reports that came before their execution. */
    final Map<String, IbCommissionReport> earlyCommissions = new ConcurrentHashMap<>();

    final Map<Integer, Pending<IbContractDetails>> contractRequests = new ConcurrentHashMap<>();
    final Map<Integer, Pending<ExecutionRow>> executionRequests = new ConcurrentHashMap<>();
    final Map<Integer, Pending<SummaryRow>> summaryRequests = new ConcurrentHashMap<>();
    volatile Pending<PositionRow> positions;
    volatile Pending<OpenOrderRow> openOrders;

    void track(TrackedOrder order) {
        byClientId.put(order.id, order);
        if (order.orderId > 0) {
            byOrderId.put(order.orderId, order);
        }
        if (order.permId > 0) {
            byPermId.put(order.permId, order);
        }
    }

    /** Forgets an order that never reached TWS, so that it can be sent afresh. */
    void untrack(TrackedOrder order) {
        byClientId.remove(order.id, order);
        byOrderId.remove(order.orderId, order);
        byPermId.remove(order.permId, order);
    }

    /**
     * Records an order's ids as IB reports them now (order ids change after a Gateway restart).
     * Only a working order holds its order id: IB hands the ids of finished orders out again.
     */
    void identify(TrackedOrder order, int orderId, long permId) {
        if (orderId > 0 && orderId != order.orderId) {
            byOrderId.remove(order.orderId, order);
            order.orderId = orderId;
        }
        if (orderId > 0 && !order.status.isTerminal()) {
            byOrderId.put(orderId, order);
        }
        if (permId > 0) {
            order.permId = permId;
            byPermId.put(permId, order);
        }
    }

    /**
     * The tracked order an IB message is about: by orderRef when the message carries one, else by permId, then this
     * session's order id. A message that names its order is never matched by id: after a Gateway restart an old
     * order's execution can carry the id a new, still unconfirmed order holds now.
     */
    Optional<TrackedOrder> find(String orderRef, long permId, int orderId) {
        Optional<ClientOrderId> reference = clientOrderId(orderRef);
        if (reference.isPresent()) {
            return Optional.ofNullable(byClientId.get(reference.get()));
        }
        TrackedOrder found = null;
        if (permId > 0) {
            found = byPermId.get(permId);
        }
        if (found == null && orderId > 0) {
            found = byOrderId.get(orderId);
            if (found != null && found.permId > 0 && permId > 0 && found.permId != permId) {
                found = null;   // an earlier order that had this id before a Gateway restart
            }
        }
        return Optional.ofNullable(found);
    }

    static Optional<ClientOrderId> clientOrderId(String orderRef) {
        if (orderRef == null || orderRef.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ClientOrderId.of(orderRef.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}

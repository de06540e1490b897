package io.tvbridge.broker.ibkr.codec;

import java.math.BigDecimal;
import java.util.List;

/**
 * What TWS said, one method per incoming event, named for what happened. Every method does
 * nothing by default, so a listener implements only what it uses.
 */
public interface IbListener {

    /** The next order id this client may use; the first one marks the connection ready. */
    default void nextValidId(int orderId) {
    }

    default void managedAccounts(List<String> accounts) {
    }

    /** An order's status and cumulative fills; TWS repeats identical statuses often. */
    default void orderStatus(IbOrderStatus status) {
    }

    /** An order TWS knows, with its contract and state (after a request, or when it changes). */
    default void openOrder(IbContract contract, IbOrder order, IbOrderState state) {
    }

    default void openOrderEnd() {
    }

    /** An execution: pushed after a fill ({@code reqId} -1) or answering REQ_EXECUTIONS. */
    default void execution(int reqId, IbContract contract, IbExecution execution) {
    }

    default void executionsEnd(int reqId) {
    }

    default void commissionReport(IbCommissionReport report) {
    }

    /**
     * An error or notice: {@code id} is the order id or request id it concerns, or -1 for a
     * system notice; {@code advancedOrderRejectJson} is empty or opaque JSON.
     */
    default void error(int id, int code, String message, String advancedOrderRejectJson) {
    }

    default void contractDetails(int reqId, IbContractDetails details) {
    }

    default void contractDetailsEnd(int reqId) {
    }

    default void position(String account, IbContract contract, BigDecimal position, BigDecimal averageCost) {
    }

    default void positionEnd() {
    }

    default void accountSummary(int reqId, String account, String tag, String value, String currency) {
    }

    default void accountSummaryEnd(int reqId) {
    }

    /** TWS's clock, in epoch seconds (the answer to REQ_CURRENT_TIME). */
    default void currentTime(long epochSeconds) {
    }

    default void tickPrice(int reqId, int tickType, BigDecimal price, int attributes) {
    }

    default void tickSize(int reqId, int tickType, BigDecimal size) {
    }

    default void tickString(int reqId, int tickType, String value) {
    }

    default void tickGeneric(int reqId, int tickType, BigDecimal value) {
    }

    default void tickSnapshotEnd(int reqId) {
    }

    default void marketDataType(int reqId, int marketDataType) {
    }

    /** A message this codec does not decode; its raw fields. */
    default void unhandled(int messageId, List<String> fields) {
    }
}

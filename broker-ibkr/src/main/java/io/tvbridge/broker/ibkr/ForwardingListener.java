package io.tvbridge.broker.ibkr;

import io.tvbridge.broker.ibkr.codec.IbCommissionReport;
import io.tvbridge.broker.ibkr.codec.IbContract;
import io.tvbridge.broker.ibkr.codec.IbContractDetails;
import io.tvbridge.broker.ibkr.codec.IbExecution;
import io.tvbridge.broker.ibkr.codec.IbListener;
import io.tvbridge.broker.ibkr.codec.IbOrder;
import io.tvbridge.broker.ibkr.codec.IbOrderState;
import io.tvbridge.broker.ibkr.codec.IbOrderStatus;
import java.math.BigDecimal;
import java.util.List;

/** Passes every event on to another listener; subclasses look at the ones they need first. */
class ForwardingListener implements IbListener {
    private final IbListener target;

    ForwardingListener(IbListener target) {
        this.target = target;
    }

    @Override
    public void nextValidId(int orderId) {
        target.nextValidId(orderId);
    }

    @Override
    public void managedAccounts(List<String> accounts) {
        target.managedAccounts(accounts);
    }

    @Override
    public void orderStatus(IbOrderStatus status) {
        target.orderStatus(status);
    }

    @Override
    public void openOrder(IbContract contract, IbOrder order, IbOrderState state) {
        target.openOrder(contract, order, state);
    }

    @Override
    public void openOrderEnd() {
        target.openOrderEnd();
    }

    @Override
    public void execution(int reqId, IbContract contract, IbExecution execution) {
        target.execution(reqId, contract, execution);
    }

    @Override
    public void executionsEnd(int reqId) {
        target.executionsEnd(reqId);
    }

    @Override
    public void commissionReport(IbCommissionReport report) {
        target.commissionReport(report);
    }

    @Override
    public void error(int id, int code, String message, String advancedOrderRejectJson) {
        target.error(id, code, message, advancedOrderRejectJson);
    }

    @Override
    public void contractDetails(int reqId, IbContractDetails details) {
        target.contractDetails(reqId, details);
    }

    @Override
    public void contractDetailsEnd(int reqId) {
        target.contractDetailsEnd(reqId);
    }

    @Override
    public void position(String account, IbContract contract, BigDecimal position, BigDecimal averageCost) {
        target.position(account, contract, position, averageCost);
    }

    @Override
    public void positionEnd() {
        target.positionEnd();
    }

    @Override
    public void accountSummary(int reqId, String account, String tag, String value, String currency) {
        target.accountSummary(reqId, account, tag, value, currency);
    }

    @Override
    public void accountSummaryEnd(int reqId) {
        target.accountSummaryEnd(reqId);
    }

    @Override
    public void currentTime(long epochSeconds) {
        target.currentTime(epochSeconds);
    }

    @Override
    public void tickPrice(int reqId, int tickType, BigDecimal price, int attributes) {
        target.tickPrice(reqId, tickType, price, attributes);
    }

    @Override
    public void tickSize(int reqId, int tickType, BigDecimal size) {
        target.tickSize(reqId, tickType, size);
    }

    @Override
    public void tickString(int reqId, int tickType, String value) {
        target.tickString(reqId, tickType, value);
    }

    @Override
    public void tickGeneric(int reqId, int tickType, BigDecimal value) {
        target.tickGeneric(reqId, tickType, value);
    }

    @Override
    public void tickSnapshotEnd(int reqId) {
        target.tickSnapshotEnd(reqId);
    }

    @Override
    public void marketDataType(int reqId, int marketDataType) {
        target.marketDataType(reqId, marketDataType);
    }

    @Override
    public void unhandled(int messageId, List<String> fields) {
        target.unhandled(messageId, fields);
    }
}

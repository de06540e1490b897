package io.tvbridge.broker.ibkr.fake;

import io.tvbridge.broker.ibkr.codec.IbCommissionReport;
import io.tvbridge.broker.ibkr.codec.IbContract;
import io.tvbridge.broker.ibkr.codec.IbContractDetails;
import io.tvbridge.broker.ibkr.codec.IbExecution;
import io.tvbridge.broker.ibkr.codec.IbListener;
import io.tvbridge.broker.ibkr.codec.IbOrder;
import io.tvbridge.broker.ibkr.codec.IbOrderState;
import io.tvbridge.broker.ibkr.codec.IbOrderStatus;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Captures every callback of the decoder as an {@link IbEvent}, in order. Not thread-safe: one reader. */
public final class RecordingIbListener implements IbListener {
    private final List<IbEvent> events = new ArrayList<>();

    /** The events so far, and forgets them. */
    public List<IbEvent> drain() {
        List<IbEvent> copy = List.copyOf(events);
        events.clear();
        return copy;
    }

    private void add(String name, Object... args) {
        events.add(IbEvent.of(name, args));
    }

    @Override
    public void nextValidId(int orderId) {
        add("nextValidId", orderId);
    }

    @Override
    public void managedAccounts(List<String> accounts) {
        add("managedAccounts", accounts);
    }

    @Override
    public void orderStatus(IbOrderStatus status) {
        add("orderStatus", status);
    }

    @Override
    public void openOrder(IbContract contract, IbOrder order, IbOrderState state) {
        add("openOrder", contract, order, state);
    }

    @Override
    public void openOrderEnd() {
        add("openOrderEnd");
    }

    @Override
    public void execution(int reqId, IbContract contract, IbExecution execution) {
        add("execution", reqId, contract, execution);
    }

    @Override
    public void executionsEnd(int reqId) {
        add("executionsEnd", reqId);
    }

    @Override
    public void commissionReport(IbCommissionReport report) {
        add("commissionReport", report);
    }

    @Override
    public void error(int id, int code, String message, String advancedOrderRejectJson) {
        add("error", id, code, message, advancedOrderRejectJson);
    }

    @Override
    public void contractDetails(int reqId, IbContractDetails details) {
        add("contractDetails", reqId, details);
    }

    @Override
    public void contractDetailsEnd(int reqId) {
        add("contractDetailsEnd", reqId);
    }

    @Override
    public void position(String account, IbContract contract, BigDecimal position, BigDecimal averageCost) {
        add("position", account, contract, position, averageCost);
    }

    @Override
    public void positionEnd() {
        add("positionEnd");
    }

    @Override
    public void accountSummary(int reqId, String account, String tag, String value, String currency) {
        add("accountSummary", reqId, account, tag, value, currency);
    }

    @Override
    public void accountSummaryEnd(int reqId) {
        add("accountSummaryEnd", reqId);
    }

    @Override
    public void currentTime(long epochSeconds) {
        add("currentTime", epochSeconds);
    }

    @Override
    public void tickPrice(int reqId, int tickType, BigDecimal price, int attributes) {
        add("tickPrice", reqId, tickType, price, attributes);
    }

    @Override
    public void tickSize(int reqId, int tickType, BigDecimal size) {
        add("tickSize", reqId, tickType, size);
    }

    @Override
    public void tickString(int reqId, int tickType, String value) {
        add("tickString", reqId, tickType, value);
    }

    @Override
    public void tickGeneric(int reqId, int tickType, BigDecimal value) {
        add("tickGeneric", reqId, tickType, value);
    }

    @Override
    public void tickSnapshotEnd(int reqId) {
        add("tickSnapshotEnd", reqId);
    }

    @Override
    public void marketDataType(int reqId, int marketDataType) {
        add("marketDataType", reqId, marketDataType);
    }

    @Override
    public void unhandled(int messageId, List<String> fields) {
        add("unhandled", messageId, fields);
    }
}

package io.tvbridge.broker.ibkr.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Records what the decoder reports in the shape the vectors' {@code expect} uses (the event
 * names and positional arguments of the independent implementation that made them), with
 * tvbridge's records turned into objects by their field names.
 */
final class StoqeyEvents implements IbListener {
    record Event(String event, ArrayNode args) {
    }

    final List<Event> events = new ArrayList<>();

    private void add(String name, Object... args) {
        ArrayNode array = TwsVectors.JSON.createArrayNode();
        for (Object arg : args) {
            array.add(arg instanceof JsonNode node ? node : TwsVectors.JSON.valueToTree(arg));
        }
        events.add(new Event(name, array));
    }

    @Override
    public void nextValidId(int orderId) {
        add("nextValidId", orderId);
    }

    @Override
    public void managedAccounts(List<String> accounts) {
        add("managedAccounts", String.join(",", accounts));
    }

    @Override
    public void orderStatus(IbOrderStatus s) {
        add("orderStatus", s.orderId(), s.status(), s.filled(), s.remaining(), s.avgFillPrice(), s.permId(),
                s.parentId(), s.lastFillPrice(), s.clientId(), s.whyHeld(), s.mktCapPrice());
    }

    @Override
    public void openOrder(IbContract contract, IbOrder order, IbOrderState state) {
        add("openOrder", order.orderId(), contract, order, state);
    }

    @Override
    public void openOrderEnd() {
        add("openOrderEnd");
    }

    @Override
    public void execution(int reqId, IbContract contract, IbExecution execution) {
        add("execDetails", reqId, contract, execution);
    }

    @Override
    public void executionsEnd(int reqId) {
        add("execDetailsEnd", reqId);
    }

    @Override
    public void commissionReport(IbCommissionReport report) {
        add("commissionReport", report);
    }

    @Override
    public void error(int id, int code, String message, String advancedOrderRejectJson) {
        if (id < 0) {
            add("info", message, code);
            return;
        }
        ObjectNode error = TwsVectors.JSON.createObjectNode().put("error", message);
        JsonNode json = TwsVectors.JSON.nullNode();
        if (!advancedOrderRejectJson.isBlank()) {
            try {
                json = TwsVectors.JSON.readTree(advancedOrderRejectJson);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }
        add("error", error, code, id, json);
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
        add("tickPrice", reqId, tickType, price, attributes != 0);
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
        add("unhandled:" + messageId);
    }
}

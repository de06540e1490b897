package io.tvbridge.broker.ibkr.fake;

import io.tvbridge.broker.ibkr.codec.IbCommissionReport;
import io.tvbridge.broker.ibkr.codec.IbContract;
import io.tvbridge.broker.ibkr.codec.IbExecution;
import io.tvbridge.broker.ibkr.codec.IbOrder;
import io.tvbridge.broker.ibkr.codec.IbOrderState;
import io.tvbridge.broker.ibkr.codec.IbOrderStatus;
import io.tvbridge.broker.ibkr.codec.TwsValues;
import java.math.BigDecimal;
import java.time.Instant;

/** The events a client decodes from the fake, built from what the test sent: expected values for whole-list asserts. */
final class TwsExpect {
    static final Instant OPEN = Instant.parse("2026-01-15T14:30:00Z");     // 09:30 US/Eastern
    static final String ACCOUNT = "DU1234567";
    static final long P1 = 3_000_000_001L;                                   // the fake's first permId
    static final String READ_ONLY = "Error validating request.-'bW' : cause - The API interface is currently in"
            + " Read-Only mode.";

    static final IbContract AAPL = IbContract.of("AAPL", "STK", "SMART", "USD");
    static final IbContract IBM = IbContract.of("IBM", "STK", "SMART", "USD");
    /** AAPL as OPEN_ORDER describes it. */
    static final IbContract AAPL_ORDER = reported(265598, "AAPL", "SMART", "NMS");
    /** AAPL as EXECUTION_DATA and POSITION_DATA describe it: the listing exchange. */
    static final IbContract AAPL_FILL = reported(265598, "AAPL", "NASDAQ", "NMS");
    static final IbContract IBM_ORDER = reported(8314, "IBM", "SMART", "IBM");
    static final IbContract IBM_FILL = reported(8314, "IBM", "NYSE", "IBM");

    private TwsExpect() {
    }

    /** A decimal as the decoder gives it; null (unset) for null or empty. */
    static BigDecimal d(String text) {
        return text == null ? null : TwsValues.parseDecimal(text);
    }

    private static IbContract reported(int conId, String symbol, String exchange, String tradingClass) {
        return new IbContract(conId, symbol, "STK", "", "", BigDecimal.ZERO, "", "", exchange, "", "USD", symbol,
                tradingClass, false, "", "", "", "");
    }

    static IbOrder order(String action, String quantity, String type, String limit, String aux, String ref) {
        return IbOrder.of(action, d(quantity), type, "DAY").withPrices(d(limit), d(aux))
                .withAccountAndRef(ACCOUNT, ref);
    }

    static IbOrder market(String action, String quantity, String ref) {
        return order(action, quantity, "MKT", null, null, ref);
    }

    /** OPEN_ORDER for {@code sent}: TWS's ids, 0.0 for unset prices, ocaType 3 when none, transmit not reported. */
    static IbEvent openOrder(IbContract contract, IbOrder sent, int orderId, int clientId, long permId, String status) {
        IbOrder reported = new IbOrder(orderId, clientId, permId, sent.action(), sent.totalQuantity(),
                sent.orderType(), zeroIfUnset(sent.lmtPrice()), zeroIfUnset(sent.auxPrice()), sent.tif(),
                sent.ocaGroup(), sent.ocaType() == 0 ? 3 : sent.ocaType(), sent.account().isEmpty() ? ACCOUNT
                : sent.account(), sent.orderRef(), true, sent.parentId(), sent.outsideRth(), sent.trailStopPrice(),
                sent.trailingPercent(), zeroIfUnset(sent.cashQty()), sent.goodAfterTime(), sent.goodTillDate(),
                sent.whatIf());
        return IbEvent.of("openOrder", contract, reported, new IbOrderState(status, null, null, null, "", ""));
    }

    private static BigDecimal zeroIfUnset(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }

    static IbEvent status(int orderId, String status, String filled, String remaining, String avgFillPrice,
                          long permId, int parentId, String lastFillPrice, int clientId, String whyHeld) {
        return IbEvent.of("orderStatus", new IbOrderStatus(orderId, status, d(filled), d(remaining), d(avgFillPrice),
                permId, parentId, d(lastFillPrice), clientId, whyHeld, BigDecimal.ZERO));
    }

    /** Nothing filled yet. */
    static IbEvent status(int orderId, String status, String remaining, long permId, int clientId) {
        return status(orderId, status, "0", remaining, "0", permId, 0, "0", clientId, "");
    }

    static String execId(int n) {
        return String.format("0000e0d5.%08x.01.01", 0x67000000 + n);
    }

    /**
     * The {@code n}th execution of the fake (from 1) at 09:30 US/Eastern on the test day.
     * {@code liquidity} 2 took liquidity, 1 added it (a resting limit).
     */
    static IbEvent execution(int reqId, IbContract contract, int n, int orderId, String side, String shares,
                             String price, long permId, int clientId, String cumQty, String avgPrice, String orderRef,
                             int liquidity) {
        IbExecution execution = new IbExecution(orderId, execId(n), "20260115 09:30:00 US/Eastern", ACCOUNT,
                contract.exchange().equals("NASDAQ") ? "ISLAND" : contract.exchange(), side, d(shares), d(price),
                permId, clientId, 0, d(cumQty), d(avgPrice), orderRef, "", null, "", liquidity, false);
        return IbEvent.of("execution", reqId, contract, execution);
    }

    static IbEvent commission(int n, String amount, String realized) {
        return IbEvent.of("commissionReport", new IbCommissionReport(execId(n), d(amount), "USD", d(realized), null,
                0));
    }

    static IbEvent commission(int n, String amount) {
        return commission(n, amount, "");
    }

    static IbEvent error(int id, int code, String text) {
        return IbEvent.of("error", id, code, text, "");
    }
}

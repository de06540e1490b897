package io.tvbridge.broker.ibkr.fake;

import io.tvbridge.broker.ibkr.codec.FieldWriter;
import io.tvbridge.broker.ibkr.codec.IbCommissionReport;
import io.tvbridge.broker.ibkr.codec.IbContract;
import io.tvbridge.broker.ibkr.codec.IbContractDetails;
import io.tvbridge.broker.ibkr.codec.IbExecution;
import io.tvbridge.broker.ibkr.codec.IbOrder;
import io.tvbridge.broker.ibkr.codec.IbOrderState;
import io.tvbridge.broker.ibkr.codec.IbOrderStatus;
import io.tvbridge.broker.ibkr.codec.TwsValues;
import java.math.BigDecimal;
import java.util.List;

/**
 * Encodes what TWS sends (server to client) at one negotiated server version between 176 and
 * 193, in TWS's own style: doubles printed the Java way ({@code 0.0}, {@code 150.24}), unset
 * doubles as {@code 1.7976931348623157E308} where TWS writes them, non-ASCII text escaped as
 * {@code \}{@code uXXXX}. Method names and arguments mirror {@code IbListener}, so whatever the
 * decoder reports can be encoded again. Layouts: §4 of the protocol notes, checked against
 * every incoming vector.
 */
public final class FakeTwsEncoder {
    public static final int MIN_VERSION = 176;
    public static final int MAX_VERSION = 193;

    static final String UNSET_DOUBLE = "1.7976931348623157E308";

    private static final int FA_PROFILE_DESUPPORT = 177;
    private static final int PENDING_PRICE_REVISION = 178;
    private static final int FUND_DATA_FIELDS = 179;
    private static final int LAST_TRADE_DATE = 182;
    private static final int CUSTOMER_ACCOUNT = 183;
    private static final int PROFESSIONAL_CUSTOMER = 184;
    private static final int BOND_ACCRUED_INTEREST = 185;
    private static final int INELIGIBILITY_REASONS = 186;
    private static final int INCLUDE_OVERNIGHT = 189;
    private static final int CME_TAGGING_FIELDS_IN_OPEN_ORDER = 193;
    private static final int FUND_FIELDS = 17;

    private final int serverVersion;

    public FakeTwsEncoder(int serverVersion) {
        if (serverVersion < MIN_VERSION || serverVersion > MAX_VERSION) {
            throw new IllegalArgumentException("the fake speaks server versions " + MIN_VERSION + ".." + MAX_VERSION
                    + ", not " + serverVersion);
        }
        this.serverVersion = serverVersion;
    }

    public int serverVersion() {
        return serverVersion;
    }

    /** The answer to the client hello: the negotiated version and the connection time. */
    public static List<String> serverHello(int version, String connectionTime) {
        return List.of(Integer.toString(version), connectionTime);
    }

    public List<String> nextValidId(int orderId) {
        return new FieldWriter(9).integer(1).integer(orderId).fields();
    }

    public List<String> managedAccounts(List<String> accounts) {
        return new FieldWriter(15).integer(1).text(String.join(",", accounts)).fields();
    }

    /** ERR_MSG at versions below 194: version 2, id (-1 for notices), code, text, advancedOrderRejectJson. */
    public List<String> error(int id, int code, String message, String advancedOrderRejectJson) {
        return new FieldWriter(4).integer(2).integer(id).integer(code).text(escape(message))
                .text(advancedOrderRejectJson).fields();
    }

    public List<String> orderStatus(IbOrderStatus s) {
        return new FieldWriter(3).integer(s.orderId()).text(s.status()).decimal(s.filled()).decimal(s.remaining())
                .text(javaDouble(s.avgFillPrice())).integer(s.permId()).integer(s.parentId())
                .text(javaDouble(s.lastFillPrice())).integer(s.clientId()).text(s.whyHeld())
                .text(javaDouble(s.mktCapPrice())).fields();
    }

    /**
     * OPEN_ORDER with the values TWS reports for a plain API order in every field tvbridge does
     * not use; every variable section (delta-neutral block aside, which TWS always sends as
     * {@code None}) is empty.
     */
    public List<String> openOrder(IbContract contract, IbOrder order, IbOrderState state) {
        FieldWriter w = new FieldWriter(5).integer(order.orderId());
        w.integer(contract.conId()).text(contract.symbol()).text(contract.secType())
                .text(contract.lastTradeDateOrContractMonth()).text(javaDoubleOr(contract.strike(), "0.0"))
                .text(contract.right().isEmpty() ? "?" : contract.right()).text(contract.multiplier())
                .text(contract.exchange()).text(contract.currency()).text(contract.localSymbol())
                .text(contract.tradingClass());
        w.text(order.action()).decimal(order.totalQuantity()).text(order.orderType())
                .text(javaDoubleOr(order.lmtPrice(), "0.0")).text(javaDoubleOr(order.auxPrice(), "0.0"))
                .text(order.tif()).text(order.ocaGroup()).text(order.account())
                .text("").integer(0)                                  // openClose, origin
                .text(order.orderRef()).integer(order.clientId()).integer(order.permId())
                .bool(order.outsideRth()).bool(false)                 // hidden
                .text("0")                                            // discretionaryAmt
                .text(order.goodAfterTime())
                .text(order.permId() + ".0/" + order.account() + "/100")   // sharesAllocation, as TWS fills it
                .text("").text("").text("");                          // faGroup, faMethod, faPercentage
        if (serverVersion < FA_PROFILE_DESUPPORT) {
            w.text("");                                               // faProfile
        }
        w.text("")                                                    // modelCode
                .text(order.goodTillDate())
                .text("").empty(1).text("")                           // rule80A, percentOffset, settlingFirm
                .integer(0).text("").integer(-1)                      // shortSaleSlot, designatedLocation, exemptCode
                .integer(0).empty(5)                                  // auctionStrategy, startingPrice ...
                .text(TwsValues.UNSET_INT)                            // displaySize
                .bool(false).bool(false).bool(false).empty(1)         // blockOrder, sweepToFill, allOrNone, minQty
                .integer(order.ocaType() == 0 ? 3 : order.ocaType())  // TWS reports 3 when none was given
                .bool(false).bool(false).empty(1)                     // eTradeOnly, firmQuoteOnly, nbboPriceCap
                .integer(order.parentId())
                .integer(0).empty(1).integer(0)                       // triggerMethod, volatility, volatilityType
                .text("None").empty(1)                                // deltaNeutralOrderType, deltaNeutralAuxPrice
                .integer(0).empty(3).text("?").bool(false).integer(0).empty(1)   // the delta-neutral block
                .integer(0).integer(0)                                // continuousUpdate, referencePriceType
                .text(javaDouble(order.trailStopPrice())).text(javaDouble(order.trailingPercent()))
                .empty(2)                                             // basisPoints, basisPointsType
                .text(contract.comboLegsDescription())
                .integer(0).integer(0).integer(0)                     // combo legs, leg prices, smart-combo params
                .text(TwsValues.UNSET_INT).text(TwsValues.UNSET_INT)  // scaleInitLevelSize, scaleSubsLevelSize
                .empty(1)                                             // scalePriceIncrement
                .text("")                                             // hedgeType
                .bool(false).text("").text("IB").bool(false)          // optOutSmartRouting, clearing*, notHeld
                .bool(false)                                          // deltaNeutralContract
                .text("")                                             // algoStrategy
                .bool(false).bool(order.whatIf())                     // solicited, whatIf
                .text(state.status());
        for (int i = 0; i < 9; i++) {
            w.text(UNSET_DOUBLE);                                     // margin before, change, after
        }
        w.text(javaDouble(state.commission())).text(javaDouble(state.minCommission()))
                .text(javaDouble(state.maxCommission())).text(state.commissionCurrency())
                .text(escape(state.warningText()))
                .bool(false).bool(false)                              // randomizeSize, randomizePrice
                .integer(0)                                           // conditions
                .text("None").text(UNSET_DOUBLE)                      // adjustedOrderType, triggerPrice
                .text(javaDoubleOr(order.trailStopPrice(), UNSET_DOUBLE))
                .text(UNSET_DOUBLE).text(UNSET_DOUBLE).text(UNSET_DOUBLE).text(UNSET_DOUBLE)
                .integer(0)                                           // adjustableTrailingUnit
                .text("").text("").text("")                           // softDollarTier name, value, displayName
                .decimal(order.cashQty() == null ? BigDecimal.ZERO : order.cashQty())
                .bool(true).bool(false).bool(false).bool(false)       // dontUseAutoPriceForHedge ... usePriceMgmtAlgo
                .empty(2).bool(false)                                 // duration, postToAts, autoCancelParent
                .empty(1).text("100").text("0.02").empty(2);          // minTradeQty ... midOffsetAtHalf
        if (serverVersion >= CUSTOMER_ACCOUNT) {
            w.text("");
        }
        if (serverVersion >= PROFESSIONAL_CUSTOMER) {
            w.bool(false);
        }
        if (serverVersion >= BOND_ACCRUED_INTEREST) {
            w.text("");
        }
        if (serverVersion >= INCLUDE_OVERNIGHT) {
            w.bool(false);
        }
        if (serverVersion >= CME_TAGGING_FIELDS_IN_OPEN_ORDER) {
            w.text("").text(TwsValues.UNSET_INT);                     // extOperator, manualOrderIndicator
        }
        return w.fields();
    }

    public List<String> openOrderEnd() {
        return new FieldWriter(53).integer(1).fields();
    }

    /** EXECUTION_DATA; {@code reqId} -1 when pushed after a fill. */
    public List<String> execution(int reqId, IbContract contract, IbExecution e) {
        FieldWriter w = new FieldWriter(11).integer(reqId).integer(e.orderId()).integer(contract.conId())
                .text(contract.symbol()).text(contract.secType()).text(contract.lastTradeDateOrContractMonth())
                .text(javaDoubleOr(contract.strike(), "0.0")).text(contract.right()).text(contract.multiplier())
                .text(contract.exchange()).text(contract.currency()).text(contract.localSymbol())
                .text(contract.tradingClass())
                .text(e.execId()).text(e.time()).text(e.acctNumber()).text(e.exchange()).text(e.side())
                .decimal(e.shares()).text(javaDouble(e.price())).integer(e.permId()).integer(e.clientId())
                .integer(e.liquidation()).decimal(e.cumQty()).text(javaDouble(e.avgPrice())).text(e.orderRef())
                .text(e.evRule()).text(javaDouble(e.evMultiplier())).text(e.modelCode()).integer(e.lastLiquidity());
        if (serverVersion >= PENDING_PRICE_REVISION) {
            w.bool(Boolean.TRUE.equals(e.pendingPriceRevision()));
        }
        return w.fields();
    }

    public List<String> executionsEnd(int reqId) {
        return new FieldWriter(55).integer(1).integer(reqId).fields();
    }

    public List<String> commissionReport(IbCommissionReport r) {
        return new FieldWriter(59).integer(1).text(r.execId()).text(javaDouble(r.commission())).text(r.currency())
                .text(javaDoubleOr(r.realizedPNL(), UNSET_DOUBLE)).text(javaDoubleOr(r.yield(), UNSET_DOUBLE))
                .text(r.yieldRedemptionDate() == 0 ? "" : Integer.toString(r.yieldRedemptionDate())).fields();
    }

    public List<String> contractDetails(int reqId, IbContractDetails d) {
        IbContract c = d.contract();
        FieldWriter w = new FieldWriter(10).integer(reqId).text(c.symbol()).text(c.secType())
                .text(c.lastTradeDateOrContractMonth());
        if (serverVersion >= LAST_TRADE_DATE) {
            w.text(c.lastTradeDate());
        }
        w.text(javaDoubleOr(c.strike(), "0.0")).text(c.right()).text(c.exchange()).text(c.currency())
                .text(c.localSymbol()).text(d.marketName()).text(c.tradingClass()).integer(c.conId())
                .text(javaDouble(d.minTick())).text(c.multiplier()).text(d.orderTypes()).text(d.validExchanges())
                .integer(d.priceMagnifier()).integer(d.underConId()).text(escape(d.longName())).text(c.primaryExch())
                .text(d.contractMonth()).text(d.industry()).text(d.category()).text(d.subcategory())
                .text(d.timeZoneId()).text(d.tradingHours()).text(d.liquidHours()).text(d.evRule())
                .text(javaDouble(d.evMultiplier())).integer(d.secIdList().size());
        d.secIdList().forEach(id -> w.text(id.tag()).text(id.value()));
        w.integer(d.aggGroup()).text(d.underSymbol()).text(d.underSecType()).text(d.marketRuleIds())
                .text(d.realExpirationDate()).text(d.stockType()).decimal(d.minSize()).decimal(d.sizeIncrement())
                .decimal(d.suggestedSizeIncrement());
        if (serverVersion >= FUND_DATA_FIELDS && c.secType().equals("FUND")) {
            w.empty(FUND_FIELDS);
        }
        if (serverVersion >= INELIGIBILITY_REASONS) {
            w.integer(d.ineligibilityReasonList().size());
            d.ineligibilityReasonList().forEach(r -> w.text(r.id()).text(r.description()));
        }
        return w.fields();
    }

    public List<String> contractDetailsEnd(int reqId) {
        return new FieldWriter(52).integer(1).integer(reqId).fields();
    }

    public List<String> position(String account, IbContract c, BigDecimal position, BigDecimal averageCost) {
        return new FieldWriter(61).integer(3).text(account).integer(c.conId()).text(c.symbol()).text(c.secType())
                .text(c.lastTradeDateOrContractMonth()).text(javaDoubleOr(c.strike(), "0.0")).text(c.right())
                .text(c.multiplier()).text(c.exchange()).text(c.currency()).text(c.localSymbol())
                .text(c.tradingClass()).decimal(position).text(javaDouble(averageCost)).fields();
    }

    public List<String> positionEnd() {
        return new FieldWriter(62).integer(1).fields();
    }

    public List<String> accountSummary(int reqId, String account, String tag, String value, String currency) {
        return new FieldWriter(63).integer(1).integer(reqId).text(account).text(tag).text(value).text(currency)
                .fields();
    }

    public List<String> accountSummaryEnd(int reqId) {
        return new FieldWriter(64).integer(1).integer(reqId).fields();
    }

    public List<String> currentTime(long epochSeconds) {
        return new FieldWriter(49).integer(1).integer(epochSeconds).fields();
    }

    /** TICK_PRICE (version 6) with its size, which the client reports as the matching size tick. */
    public List<String> tickPrice(int reqId, int tickType, BigDecimal price, BigDecimal size, int attributes) {
        return new FieldWriter(1).integer(6).integer(reqId).integer(tickType).text(javaDouble(price)).decimal(size)
                .integer(attributes).fields();
    }

    public List<String> tickSize(int reqId, int tickType, BigDecimal size) {
        return new FieldWriter(2).integer(6).integer(reqId).integer(tickType).decimal(size).fields();
    }

    public List<String> tickString(int reqId, int tickType, String value) {
        return new FieldWriter(46).integer(6).integer(reqId).integer(tickType).text(value).fields();
    }

    public List<String> tickGeneric(int reqId, int tickType, BigDecimal value) {
        return new FieldWriter(45).integer(6).integer(reqId).integer(tickType).text(javaDouble(value)).fields();
    }

    public List<String> tickSnapshotEnd(int reqId) {
        return new FieldWriter(57).integer(1).integer(reqId).fields();
    }

    public List<String> marketDataType(int reqId, int marketDataType) {
        return new FieldWriter(58).integer(1).integer(reqId).integer(marketDataType).fields();
    }

    /** A double as TWS (Java) prints it: {@code 150.24}, {@code 0.0}, {@code 5.0E-5}; null is an empty field. */
    static String javaDouble(BigDecimal value) {
        return javaDoubleOr(value, "");
    }

    private static String javaDoubleOr(BigDecimal value, String unset) {
        return value == null ? unset : Double.toString(value.doubleValue());
    }

    /** TWS sends non-ASCII characters as {@code \}{@code uXXXX} (server versions 153 and later). */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c > 0x7e) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}

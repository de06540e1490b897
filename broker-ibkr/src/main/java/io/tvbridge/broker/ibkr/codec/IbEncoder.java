package io.tvbridge.broker.ibkr.codec;

import java.util.List;

/**
 * Encodes the requests tvbridge sends, at one negotiated server version (176 to 193). Each
 * method returns the fields of one message; {@link TwsWire#frame} frames them. Layouts and
 * gates follow §3 of the protocol notes, and the golden vectors check them byte for byte.
 */
public final class IbEncoder {
    public static final int MIN_VERSION = 176;
    public static final int MAX_VERSION = 193;

    static final int REQ_MKT_DATA = 1;
    static final int PLACE_ORDER = 3;
    static final int CANCEL_ORDER = 4;
    static final int REQ_OPEN_ORDERS = 5;
    static final int REQ_EXECUTIONS = 7;
    static final int REQ_IDS = 8;
    static final int REQ_CONTRACT_DATA = 9;
    static final int REQ_AUTO_OPEN_ORDERS = 15;
    static final int REQ_ALL_OPEN_ORDERS = 16;
    static final int REQ_CURRENT_TIME = 49;
    static final int REQ_GLOBAL_CANCEL = 58;
    static final int REQ_MARKET_DATA_TYPE = 59;
    static final int REQ_POSITIONS = 61;
    static final int REQ_ACCOUNT_SUMMARY = 62;
    static final int CANCEL_ACCOUNT_SUMMARY = 63;
    static final int CANCEL_POSITIONS = 64;
    static final int START_API = 71;

    // server versions at which a layout changes (§2.2)
    static final int FA_PROFILE_DESUPPORT = 177;
    static final int CUSTOMER_ACCOUNT = 183;
    static final int PROFESSIONAL_CUSTOMER = 184;
    static final int RFQ_FIELDS = 187;
    static final int INCLUDE_OVERNIGHT = 189;
    static final int UNDO_RFQ_FIELDS = 190;
    static final int CME_TAGGING_FIELDS = 192;

    private final int serverVersion;

    public IbEncoder(int serverVersion) {
        if (serverVersion < MIN_VERSION || serverVersion > MAX_VERSION) {
            throw new IllegalArgumentException("server version " + serverVersion + " is outside " + MIN_VERSION + ".."
                    + MAX_VERSION);
        }
        this.serverVersion = serverVersion;
    }

    public int serverVersion() {
        return serverVersion;
    }

    public List<String> startApi(int clientId, String optionalCapabilities) {
        return new FieldWriter(START_API).integer(2).integer(clientId).text(optionalCapabilities).fields();
    }

    public List<String> reqIds(int numIds) {
        return new FieldWriter(REQ_IDS).integer(1).integer(numIds).fields();
    }

    public List<String> reqCurrentTime() {
        return new FieldWriter(REQ_CURRENT_TIME).integer(1).fields();
    }

    public List<String> reqOpenOrders() {
        return new FieldWriter(REQ_OPEN_ORDERS).integer(1).fields();
    }

    public List<String> reqAllOpenOrders() {
        return new FieldWriter(REQ_ALL_OPEN_ORDERS).integer(1).fields();
    }

    public List<String> reqAutoOpenOrders(boolean autoBind) {
        return new FieldWriter(REQ_AUTO_OPEN_ORDERS).integer(1).bool(autoBind).fields();
    }

    public List<String> reqPositions() {
        return new FieldWriter(REQ_POSITIONS).integer(1).fields();
    }

    public List<String> cancelPositions() {
        return new FieldWriter(CANCEL_POSITIONS).integer(1).fields();
    }

    public List<String> reqAccountSummary(int reqId, String group, String tags) {
        return new FieldWriter(REQ_ACCOUNT_SUMMARY).integer(1).integer(reqId).text(group).text(tags).fields();
    }

    public List<String> cancelAccountSummary(int reqId) {
        return new FieldWriter(CANCEL_ACCOUNT_SUMMARY).integer(1).integer(reqId).fields();
    }

    public List<String> reqMarketDataType(int marketDataType) {
        return new FieldWriter(REQ_MARKET_DATA_TYPE).integer(1).integer(marketDataType).fields();
    }

    public List<String> reqExecutions(int reqId, IbExecutionFilter filter) {
        return new FieldWriter(REQ_EXECUTIONS).integer(3).integer(reqId).integer(filter.clientId())
                .text(filter.acctCode()).text(filter.time()).text(filter.symbol()).text(filter.secType())
                .text(filter.exchange()).text(filter.side()).fields();
    }

    public List<String> reqContractDetails(int reqId, IbContract contract) {
        FieldWriter w = new FieldWriter(REQ_CONTRACT_DATA).integer(8).integer(reqId);
        contractFields(w, contract);
        w.bool(contract.includeExpired()).text(contract.secIdType()).text(contract.secId());
        return w.text(contract.issuerId()).fields();
    }

    /** A snapshot or streaming market-data request (no combo contracts, no delta-neutral). */
    public List<String> reqMktData(int reqId, IbContract contract, String genericTicks, boolean snapshot,
                                   boolean regulatorySnapshot) {
        FieldWriter w = new FieldWriter(REQ_MKT_DATA).integer(11).integer(reqId);
        contractFields(w, contract);
        return w.bool(false).text(genericTicks).bool(snapshot).bool(regulatorySnapshot).text("").fields();
    }

    public List<String> cancelOrder(int orderId, String manualOrderCancelTime) {
        FieldWriter w = new FieldWriter(CANCEL_ORDER);
        if (serverVersion < CME_TAGGING_FIELDS) {
            w.integer(1);
        }
        w.integer(orderId).text(manualOrderCancelTime);
        if (serverVersion >= RFQ_FIELDS && serverVersion < UNDO_RFQ_FIELDS) {
            w.text("").text("").text(TwsValues.UNSET_INT);
        }
        if (serverVersion >= CME_TAGGING_FIELDS) {
            w.text("").text(TwsValues.UNSET_INT);   // extOperator, manualOrderIndicator (unset)
        }
        return w.fields();
    }

    public List<String> reqGlobalCancel() {
        FieldWriter w = new FieldWriter(REQ_GLOBAL_CANCEL);
        if (serverVersion >= CME_TAGGING_FIELDS) {
            return w.text("").text(TwsValues.UNSET_INT).fields();
        }
        return w.integer(1).fields();
    }

    /** PLACE_ORDER for a plain (non-combo, non-pegged) order; every field tvbridge does not set is IB's default. */
    public List<String> placeOrder(int orderId, IbContract contract, IbOrder order) {
        FieldWriter w = new FieldWriter(PLACE_ORDER).integer(orderId);
        contractFields(w, contract);
        w.text(contract.secIdType()).text(contract.secId());
        w.text(order.action()).decimal(order.totalQuantity()).text(order.orderType()).decimal(order.lmtPrice())
                .decimal(order.auxPrice());
        w.text(order.tif()).text(order.ocaGroup()).text(order.account()).text("")   // openClose
                .integer(0)                                                          // origin: customer
                .text(order.orderRef()).bool(order.transmit()).integer(order.parentId())
                .bool(false).bool(false).integer(0).integer(0)    // blockOrder, sweepToFill, displaySize, triggerMethod
                .bool(order.outsideRth()).bool(false);            // hidden
        w.text("").integer(0)                                    // sharesAllocation, discretionaryAmt
                .text(order.goodAfterTime()).text(order.goodTillDate())
                .text("").text("").text("");                     // faGroup, faMethod, faPercentage
        if (serverVersion < FA_PROFILE_DESUPPORT) {
            w.text("");                                          // faProfile
        }
        w.text("")                                               // modelCode
                .integer(0).text("").integer(-1)                 // shortSaleSlot, designatedLocation, exemptCode
                .integer(order.ocaType())
                .text("").text("").bool(false)                   // rule80A, settlingFirm, allOrNone
                .empty(2)                                        // minQty, percentOffset
                .bool(false).bool(false).empty(1)                // eTradeOnly, firmQuoteOnly, nbboPriceCap
                .integer(0)                                      // auctionStrategy
                .empty(5)                                        // startingPrice ... stockRangeUpper
                .bool(false)                                     // overridePercentageConstraints
                .empty(2)                                        // volatility, volatilityType
                .text("").empty(1)                               // deltaNeutralOrderType, deltaNeutralAuxPrice
                .bool(false).empty(1)                            // continuousUpdate, referencePriceType
                .decimal(order.trailStopPrice()).decimal(order.trailingPercent())
                .empty(3)                                        // scaleInitLevelSize, scaleSubsLevelSize, scalePriceIncrement
                .text("").text("").text("")                      // scaleTable, activeStartTime, activeStopTime
                .text("")                                        // hedgeType
                .bool(false).text("").text("").bool(false)       // optOutSmartRouting, clearingAccount/Intent, notHeld
                .bool(false)                                     // deltaNeutralContract
                .text("").text("")                               // algoStrategy, algoId
                .bool(order.whatIf()).text("")                   // whatIf, orderMiscOptions
                .bool(false).bool(false).bool(false)             // solicited, randomizeSize, randomizePrice
                .integer(0)                                      // conditions
                .text("").empty(5)                               // adjustedOrderType, trigger ... adjustedTrailingAmount
                .integer(0).text("")                             // adjustableTrailingUnit, extOperator
                .text("").text("")                               // softDollarTier name, value
                .decimal(order.cashQty())
                .text("").text("").text("").text("")             // MiFID II fields
                .bool(false).bool(false).bool(false)             // dontUseAutoPriceForHedge, isOmsContainer, discretionaryUpToLimitPrice
                .empty(3)                                        // usePriceMgmtAlgo, duration, postToAts
                .bool(false).text("").text("");                  // autoCancelParent, advancedErrorOverride, manualOrderTime
        if (serverVersion >= CUSTOMER_ACCOUNT) {
            w.text("");                                          // customerAccount
        }
        if (serverVersion >= PROFESSIONAL_CUSTOMER) {
            w.bool(false);                                       // professionalCustomer
        }
        if (serverVersion >= RFQ_FIELDS && serverVersion < UNDO_RFQ_FIELDS) {
            w.text("").text(TwsValues.UNSET_INT);                // RFQ placeholders
        }
        if (serverVersion >= INCLUDE_OVERNIGHT) {
            w.bool(false);                                       // includeOvernight
        }
        if (serverVersion >= CME_TAGGING_FIELDS) {
            w.text("");                                          // manualOrderIndicator (unset)
        }
        return w.fields();
    }

    /** conId, symbol, secType, expiry, strike, right, multiplier, exchange, primaryExch, currency, localSymbol, tradingClass. */
    private static void contractFields(FieldWriter w, IbContract c) {
        w.integer(c.conId()).text(c.symbol()).text(c.secType()).text(c.lastTradeDateOrContractMonth())
                .decimal(c.strike()).text(c.right()).text(c.multiplier()).text(c.exchange()).text(c.primaryExch())
                .text(c.currency()).text(c.localSymbol()).text(c.tradingClass());
    }
}

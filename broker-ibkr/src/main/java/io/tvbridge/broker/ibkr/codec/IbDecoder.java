package io.tvbridge.broker.ibkr.codec;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Decodes incoming messages at one negotiated server version and tells an {@link IbListener}
 * what happened. Layouts and gates follow §4 of the protocol notes; the golden vectors check
 * them. Decoding is sequential over the fields with a bounds-checked cursor; a frame that
 * does not fit its layout throws {@link TwsProtocolException} and affects that frame only.
 */
public final class IbDecoder {
    static final int TICK_PRICE = 1;
    static final int TICK_SIZE = 2;
    static final int ORDER_STATUS = 3;
    static final int ERR_MSG = 4;
    static final int OPEN_ORDER = 5;
    static final int NEXT_VALID_ID = 9;
    static final int CONTRACT_DATA = 10;
    static final int EXECUTION_DATA = 11;
    static final int MANAGED_ACCTS = 15;
    static final int TICK_GENERIC = 45;
    static final int TICK_STRING = 46;
    static final int CURRENT_TIME = 49;
    static final int CONTRACT_DATA_END = 52;
    static final int OPEN_ORDER_END = 53;
    static final int EXECUTION_DATA_END = 55;
    static final int TICK_SNAPSHOT_END = 57;
    static final int MARKET_DATA_TYPE = 58;
    static final int COMMISSION_REPORT = 59;
    static final int POSITION_DATA = 61;
    static final int POSITION_END = 62;
    static final int ACCOUNT_SUMMARY = 63;
    static final int ACCOUNT_SUMMARY_END = 64;

    // server versions at which an incoming layout changes (§2.2)
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

    public IbDecoder(int serverVersion) {
        this.serverVersion = serverVersion;
    }

    /**
     * Decodes one message (its fields, index 0 the message id) and tells {@code listener}.
     *
     * @return false when the message had fields left over after its layout (the event was still
     *     delivered); the caller may log the frame
     */
    public boolean decode(List<String> fields, IbListener listener) {
        if (fields.isEmpty()) {
            throw new TwsProtocolException("empty message");
        }
        int id = TwsValues.parseInt(fields.get(0));
        FieldReader in = new FieldReader(fields, "message " + id);
        switch (id) {
            case NEXT_VALID_ID -> {
                in.skip(1);
                listener.nextValidId(in.integer());
            }
            case MANAGED_ACCTS -> {
                in.skip(1);
                listener.managedAccounts(Arrays.stream(in.text().split(",")).map(String::strip)
                        .filter(a -> !a.isEmpty()).toList());
            }
            case ORDER_STATUS -> listener.orderStatus(new IbOrderStatus(in.integer(), in.text(), in.decimal(),
                    in.decimal(), in.decimal(), in.longValue(), in.integer(), in.decimal(), in.integer(), in.text(),
                    in.decimal()));
            case ERR_MSG -> {
                in.skip(1);
                listener.error(in.integer(), in.integer(), in.unescapedText(), in.hasMore() ? in.text() : "");
            }
            case OPEN_ORDER -> openOrder(in, listener);
            case OPEN_ORDER_END -> {
                in.skip(1);
                listener.openOrderEnd();
            }
            case EXECUTION_DATA -> execution(in, listener);
            case EXECUTION_DATA_END -> {
                in.skip(1);
                listener.executionsEnd(in.integer());
            }
            case COMMISSION_REPORT -> {
                in.skip(1);
                listener.commissionReport(new IbCommissionReport(in.text(), in.decimal(), in.text(), in.decimal(),
                        in.decimal(), in.integer()));
            }
            case CONTRACT_DATA -> contractDetails(in, listener);
            case CONTRACT_DATA_END -> {
                in.skip(1);
                listener.contractDetailsEnd(in.integer());
            }
            case POSITION_DATA -> position(in, listener);
            case POSITION_END -> {
                in.skip(1);
                listener.positionEnd();
            }
            case ACCOUNT_SUMMARY -> {
                in.skip(1);
                listener.accountSummary(in.integer(), in.text(), in.text(), in.text(), in.text());
            }
            case ACCOUNT_SUMMARY_END -> {
                in.skip(1);
                listener.accountSummaryEnd(in.integer());
            }
            case CURRENT_TIME -> {
                in.skip(1);
                listener.currentTime(in.longValue());
            }
            case TICK_PRICE -> tickPrice(in, listener);
            case TICK_SIZE -> {
                in.skip(1);
                listener.tickSize(in.integer(), in.integer(), in.decimal());
            }
            case TICK_STRING -> {
                in.skip(1);
                listener.tickString(in.integer(), in.integer(), in.text());
            }
            case TICK_GENERIC -> {
                in.skip(1);
                listener.tickGeneric(in.integer(), in.integer(), in.decimal());
            }
            case TICK_SNAPSHOT_END -> {
                in.skip(1);
                listener.tickSnapshotEnd(in.integer());
            }
            case MARKET_DATA_TYPE -> {
                in.skip(1);
                listener.marketDataType(in.integer(), in.integer());
            }
            default -> {
                listener.unhandled(id, fields);
                return true;
            }
        }
        return !in.hasMore();
    }

    private void tickPrice(FieldReader in, IbListener listener) {
        int version = in.integer();
        int reqId = in.integer();
        int tickType = in.integer();
        BigDecimal price = in.decimal();
        BigDecimal size = version >= 2 ? in.decimal() : null;
        int attributes = version >= 3 ? in.integer() : 0;
        listener.tickPrice(reqId, tickType, price, attributes);
        int sizeTick = impliedSizeTick(tickType);
        if (sizeTick >= 0 && size != null) {
            listener.tickSize(reqId, sizeTick, size);
        }
    }

    /** A BID, ASK or LAST price (live or delayed) carries the matching size; -1 for other ticks. */
    private static int impliedSizeTick(int priceTick) {
        return switch (priceTick) {
            case 1 -> 0;
            case 2 -> 3;
            case 4 -> 5;
            case 66 -> 69;
            case 67 -> 70;
            case 68 -> 71;
            default -> -1;
        };
    }

    private void execution(FieldReader in, IbListener listener) {
        int reqId = in.integer();
        int orderId = in.integer();
        IbContract contract = new IbContract(in.integer(), in.text(), in.text(), in.text(), "", in.decimal(),
                in.text(), in.text(), in.text(), "", in.text(), in.text(), in.text(), false, "", "", "", "");
        IbExecution execution = new IbExecution(orderId, in.text(), in.text(), in.text(), in.text(), in.text(),
                in.decimal(), in.decimal(), in.longValue(), in.integer(), in.integer(), in.decimal(), in.decimal(),
                in.text(), in.text(), in.decimal(), in.text(), in.integer(),
                serverVersion >= PENDING_PRICE_REVISION ? in.bool() : null);
        listener.execution(reqId, contract, execution);
    }

    private void position(FieldReader in, IbListener listener) {
        in.skip(1);
        String account = in.text();
        IbContract contract = new IbContract(in.integer(), in.text(), in.text(), in.text(), "", in.decimal(),
                in.text(), in.text(), in.text(), "", in.text(), in.text(), in.text(), false, "", "", "", "");
        listener.position(account, contract, in.decimal(), in.decimal());
    }

    private void contractDetails(FieldReader in, IbListener listener) {
        int reqId = in.integer();
        String symbol = in.text();
        String secType = in.text();
        String expiry = expiryDate(in.text());
        String lastTradeDate = serverVersion >= LAST_TRADE_DATE ? in.text() : "";
        BigDecimal strike = in.decimal();
        String right = in.text();
        String exchange = in.text();
        String currency = in.text();
        String localSymbol = in.text();
        String marketName = in.text();
        String tradingClass = in.text();
        int conId = in.integer();
        BigDecimal minTick = in.decimal();
        String multiplier = in.text();
        String orderTypes = in.text();
        String validExchanges = in.text();
        int priceMagnifier = in.integer();
        int underConId = in.integer();
        String longName = in.unescapedText();
        String primaryExch = in.text();
        String contractMonth = in.text();
        String industry = in.text();
        String category = in.text();
        String subcategory = in.text();
        String timeZoneId = in.text();
        String tradingHours = in.text();
        String liquidHours = in.text();
        String evRule = in.text();
        BigDecimal evMultiplier = in.decimal();
        List<IbContractDetails.TagValue> secIds = new ArrayList<>();
        for (int i = in.integer(); i > 0; i--) {
            secIds.add(new IbContractDetails.TagValue(in.text(), in.text()));
        }
        int aggGroup = in.integer();
        String underSymbol = in.text();
        String underSecType = in.text();
        String marketRuleIds = in.text();
        String realExpirationDate = in.text();
        String stockType = in.text();
        BigDecimal minSize = in.decimal();
        BigDecimal sizeIncrement = in.decimal();
        BigDecimal suggestedSizeIncrement = in.decimal();
        if (serverVersion >= FUND_DATA_FIELDS && secType.equals("FUND")) {
            in.skip(FUND_FIELDS);
        }
        List<IbContractDetails.IneligibilityReason> ineligible = new ArrayList<>();
        if (serverVersion >= INELIGIBILITY_REASONS) {
            for (int i = in.integer(); i > 0; i--) {
                ineligible.add(new IbContractDetails.IneligibilityReason(in.text(), in.text()));
            }
        }
        IbContract contract = new IbContract(conId, symbol, secType, expiry, lastTradeDate, strike, right, multiplier,
                exchange, primaryExch, currency, localSymbol, tradingClass, false, "", "", "", "");
        listener.contractDetails(reqId, new IbContractDetails(contract, marketName, minTick, orderTypes,
                validExchanges, priceMagnifier, underConId, longName, contractMonth, industry, category, subcategory,
                timeZoneId, tradingHours, liquidHours, evRule, evMultiplier, secIds, aggGroup, underSymbol,
                underSecType, marketRuleIds, realExpirationDate, stockType, minSize, sizeIncrement,
                suggestedSizeIncrement, ineligible));
    }

    /** The date part of an expiry that may come as {@code date}, {@code date time [tz]} or {@code date-time}. */
    private static String expiryDate(String text) {
        String trimmed = text.strip();
        String[] parts = trimmed.contains("-") ? trimmed.split("-") : trimmed.split("\\s+");
        return parts.length == 0 ? "" : parts[0];
    }

    /** OPEN_ORDER, read in full (§4.5) so that orders of other clients with unusual sections decode too. */
    private void openOrder(FieldReader in, IbListener listener) {
        int orderId = in.integer();
        IbContract contract = new IbContract(in.integer(), in.text(), in.text(), in.text(), "", in.decimal(),
                in.text(), in.text(), in.text(), "", in.text(), in.text(), in.text(), false, "", "", "", "");
        String action = in.text();
        BigDecimal quantity = in.decimal();
        String orderType = in.text();
        BigDecimal lmtPrice = in.decimal();
        BigDecimal auxPrice = in.decimal();
        String tif = in.text();
        String ocaGroup = in.text();
        String account = in.text();
        in.skip(2);                                   // openClose, origin
        String orderRef = in.text();
        int clientId = in.integer();
        long permId = in.longValue();
        boolean outsideRth = in.bool();
        in.skip(1);                                   // hidden
        in.skip(1);                                   // discretionaryAmt
        String goodAfterTime = in.text();
        in.skip(1);                                   // sharesAllocation
        in.skip(3);                                   // faGroup, faMethod, faPercentage
        if (serverVersion < FA_PROFILE_DESUPPORT) {
            in.skip(1);                               // faProfile
        }
        in.skip(1);                                   // modelCode
        String goodTillDate = in.text();
        in.skip(13);                                  // rule80A ... displaySize
        in.skip(4);                                   // blockOrder, sweepToFill, allOrNone, minQty
        int ocaType = in.integer();
        in.skip(3);                                   // eTradeOnly, firmQuoteOnly, nbboPriceCap
        int parentId = in.integer();
        in.skip(3);                                   // triggerMethod, volatility, volatilityType
        String deltaNeutralOrderType = in.text();
        in.skip(1);                                   // deltaNeutralAuxPrice
        if (!deltaNeutralOrderType.isEmpty()) {
            in.skip(8);                               // delta-neutral order fields
        }
        in.skip(2);                                   // continuousUpdate, referencePriceType
        BigDecimal trailStopPrice = in.decimal();
        BigDecimal trailingPercent = in.decimal();
        in.skip(2);                                   // basisPoints, basisPointsType
        String comboLegsDescription = in.text();
        in.skip(in.integer() * 8);                    // combo legs
        in.skip(in.integer());                        // order combo leg prices
        in.skip(in.integer() * 2);                    // smart combo routing params
        in.skip(2);                                   // scaleInitLevelSize, scaleSubsLevelSize
        BigDecimal scalePriceIncrement = in.decimal();
        if (scalePriceIncrement != null && scalePriceIncrement.signum() > 0) {
            in.skip(7);                               // scale table
        }
        if (!in.text().isEmpty()) {                   // hedgeType
            in.skip(1);                               // hedgeParam
        }
        in.skip(4);                                   // optOutSmartRouting, clearingAccount, clearingIntent, notHeld
        if (in.bool()) {                              // delta-neutral contract
            in.skip(3);
        }
        if (!in.text().isEmpty()) {                   // algoStrategy
            in.skip(in.integer() * 2);
        }
        in.skip(1);                                   // solicited
        boolean whatIf = in.bool();
        String status = in.text();
        in.skip(9);                                   // margin before / change / after
        BigDecimal commission = in.decimal();
        BigDecimal minCommission = in.decimal();
        BigDecimal maxCommission = in.decimal();
        String commissionCurrency = in.text();
        String warningText = in.unescapedText();
        in.skip(2);                                   // randomizeSize, randomizePrice
        if (orderType.equals("PEG BENCH") || orderType.equals("PEGBENCH")) {
            in.skip(5);
        }
        skipConditions(in);
        in.skip(10);                                  // adjustedOrderType ... softDollarTier value
        in.skip(1);                                   // softDollarTier displayName
        BigDecimal cashQty = in.decimal();
        in.skip(12);                                  // dontUseAutoPriceForHedge ... midOffsetAtHalf
        if (serverVersion >= CUSTOMER_ACCOUNT) {
            in.skip(1);
        }
        if (serverVersion >= PROFESSIONAL_CUSTOMER) {
            in.skip(1);
        }
        if (serverVersion >= BOND_ACCRUED_INTEREST) {
            in.skip(1);
        }
        if (serverVersion >= INCLUDE_OVERNIGHT) {
            in.skip(1);
        }
        if (serverVersion >= CME_TAGGING_FIELDS_IN_OPEN_ORDER) {
            in.skip(2);                               // extOperator, manualOrderIndicator
        }
        contract = new IbContract(contract.conId(), contract.symbol(), contract.secType(),
                contract.lastTradeDateOrContractMonth(), "", contract.strike(), contract.right(), contract.multiplier(),
                contract.exchange(), "", contract.currency(), contract.localSymbol(), contract.tradingClass(), false,
                "", "", "", comboLegsDescription);
        IbOrder order = new IbOrder(orderId, clientId, permId, action, quantity, orderType, lmtPrice, auxPrice, tif,
                ocaGroup, ocaType, account, orderRef, true, parentId, outsideRth, trailStopPrice, trailingPercent,
                cashQty, goodAfterTime, goodTillDate, whatIf);
        listener.openOrder(contract, order, new IbOrderState(status, commission, minCommission, maxCommission,
                commissionCurrency, warningText));
    }

    private static void skipConditions(FieldReader in) {
        int conditions = in.integer();
        if (conditions <= 0) {
            return;
        }
        for (int i = 0; i < conditions; i++) {
            int type = in.integer();
            in.skip(1);                               // conjunction
            switch (type) {
                case 1 -> in.skip(5);                 // price: isMore, value, conId, exchange, triggerMethod
                case 3, 4 -> in.skip(2);              // time, margin: isMore, value
                case 5 -> in.skip(3);                 // execution: secType, exchange, symbol
                case 6, 7 -> in.skip(4);              // volume, percent change: isMore, value, conId, exchange
                default -> throw new TwsProtocolException("OPEN_ORDER: unknown condition type " + type);
            }
        }
        in.skip(2);                                   // conditionsIgnoreRth, conditionsCancelOrder
    }
}

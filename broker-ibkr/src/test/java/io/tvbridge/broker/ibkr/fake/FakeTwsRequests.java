package io.tvbridge.broker.ibkr.fake;

import io.tvbridge.broker.ibkr.codec.FieldReader;
import io.tvbridge.broker.ibkr.codec.IbContract;
import io.tvbridge.broker.ibkr.codec.IbExecutionFilter;
import io.tvbridge.broker.ibkr.codec.IbOrder;
import io.tvbridge.broker.ibkr.codec.TwsProtocolException;
import io.tvbridge.broker.ibkr.codec.TwsValues;
import java.math.BigDecimal;
import java.util.List;

/**
 * Decodes what a client sends to TWS (§3 of the protocol notes) at one negotiated server
 * version, into one record per request. Each record's components mirror the arguments of the
 * {@code IbEncoder} method that writes the request, so a test can compare both directly. The
 * fake only accepts what a bridge sends: PLACE_ORDER for plain orders (no combo legs,
 * delta-neutral, scale, hedge, algo, pegged or conditional parts) and no trailing fields; anything
 * else is a {@link TwsProtocolException} naming the message and the reason.
 */
public final class FakeTwsRequests {
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

    private static final int FA_PROFILE_DESUPPORT = 177;
    private static final int CUSTOMER_ACCOUNT = 183;
    private static final int PROFESSIONAL_CUSTOMER = 184;
    private static final int RFQ_FIELDS = 187;
    private static final int INCLUDE_OVERNIGHT = 189;
    private static final int UNDO_RFQ_FIELDS = 190;
    private static final int CME_TAGGING_FIELDS = 192;

    /** One decoded client message. */
    public sealed interface Request {
    }

    public record StartApi(int clientId, String optionalCapabilities) implements Request {
    }

    public record ReqIds(int numIds) implements Request {
    }

    /** A new order or a modification; {@code order} holds what the client sent (no ids inside). */
    public record PlaceOrder(int orderId, IbContract contract, IbOrder order) implements Request {
    }

    public record CancelOrder(int orderId, String manualOrderCancelTime) implements Request {
    }

    public record ReqGlobalCancel() implements Request {
    }

    public record ReqOpenOrders() implements Request {
    }

    public record ReqAllOpenOrders() implements Request {
    }

    public record ReqAutoOpenOrders(boolean autoBind) implements Request {
    }

    public record ReqExecutions(int reqId, IbExecutionFilter filter) implements Request {
    }

    public record ReqContractDetails(int reqId, IbContract contract) implements Request {
    }

    public record ReqPositions() implements Request {
    }

    public record CancelPositions() implements Request {
    }

    public record ReqAccountSummary(int reqId, String group, String tags) implements Request {
    }

    public record CancelAccountSummary(int reqId) implements Request {
    }

    public record ReqCurrentTime() implements Request {
    }

    public record ReqMarketDataType(int marketDataType) implements Request {
    }

    public record ReqMktData(int reqId, IbContract contract, String genericTicks, boolean snapshot,
                             boolean regulatorySnapshot) implements Request {
    }

    /** A message id outside the subset the fake understands; TWS would act on it, the fake records it. */
    public record Unknown(int messageId, List<String> fields) implements Request {
        public Unknown {
            fields = List.copyOf(fields);
        }
    }

    /** The client's version range from its hello ({@code v176..193 +PACEAPI}). */
    public record VersionRange(int min, int max, String options) {

        public static VersionRange parse(String hello) {
            String text = hello.strip();
            int space = text.indexOf(' ');
            String range = space < 0 ? text : text.substring(0, space);
            String options = space < 0 ? "" : text.substring(space + 1).strip();
            if (!range.startsWith("v")) {
                throw new TwsProtocolException("hello: '" + hello + "' is not a version range");
            }
            String[] bounds = range.substring(1).split("\\.\\.", -1);
            try {
                int min = Integer.parseInt(bounds[0]);
                int max = bounds.length > 1 ? Integer.parseInt(bounds[1]) : min;
                if (bounds.length > 2 || min > max) {
                    throw new TwsProtocolException("hello: '" + hello + "' is not a version range");
                }
                return new VersionRange(min, max, options);
            } catch (NumberFormatException e) {
                throw new TwsProtocolException("hello: '" + hello + "' is not a version range", e);
            }
        }
    }

    private final int serverVersion;

    public FakeTwsRequests(int serverVersion) {
        this.serverVersion = serverVersion;
    }

    /** Decodes one message (index 0 the message id); throws {@link TwsProtocolException} if it does not fit. */
    public Request decode(List<String> fields) {
        if (fields.isEmpty()) {
            throw new TwsProtocolException("empty message");
        }
        int id = TwsValues.parseInt(fields.get(0));
        String name = name(id);
        FieldReader in = new FieldReader(fields, name);
        Request request = switch (id) {
            case START_API -> {
                in.skip(1);
                yield new StartApi(in.integer(), in.hasMore() ? in.text() : "");
            }
            case REQ_IDS -> {
                in.skip(1);
                yield new ReqIds(in.integer());
            }
            case PLACE_ORDER -> placeOrder(in);
            case CANCEL_ORDER -> cancelOrder(in);
            case REQ_GLOBAL_CANCEL -> {
                in.skip(serverVersion >= CME_TAGGING_FIELDS ? 2 : 1);
                yield new ReqGlobalCancel();
            }
            case REQ_OPEN_ORDERS -> versionOnly(in, new ReqOpenOrders());
            case REQ_ALL_OPEN_ORDERS -> versionOnly(in, new ReqAllOpenOrders());
            case REQ_AUTO_OPEN_ORDERS -> {
                in.skip(1);
                yield new ReqAutoOpenOrders(in.bool());
            }
            case REQ_EXECUTIONS -> {
                in.skip(1);
                yield new ReqExecutions(in.integer(), new IbExecutionFilter(in.integer(), in.text(), in.text(),
                        in.text(), in.text(), in.text(), in.text()));
            }
            case REQ_CONTRACT_DATA -> {
                in.skip(1);
                int reqId = in.integer();
                IbContract c = contract(in, false);
                yield new ReqContractDetails(reqId, new IbContract(c.conId(), c.symbol(), c.secType(),
                        c.lastTradeDateOrContractMonth(), "", c.strike(), c.right(), c.multiplier(), c.exchange(),
                        c.primaryExch(), c.currency(), c.localSymbol(), c.tradingClass(), in.bool(), in.text(),
                        in.text(), in.text(), ""));
            }
            case REQ_POSITIONS -> versionOnly(in, new ReqPositions());
            case CANCEL_POSITIONS -> versionOnly(in, new CancelPositions());
            case REQ_ACCOUNT_SUMMARY -> {
                in.skip(1);
                yield new ReqAccountSummary(in.integer(), in.text(), in.text());
            }
            case CANCEL_ACCOUNT_SUMMARY -> {
                in.skip(1);
                yield new CancelAccountSummary(in.integer());
            }
            case REQ_CURRENT_TIME -> versionOnly(in, new ReqCurrentTime());
            case REQ_MARKET_DATA_TYPE -> {
                in.skip(1);
                yield new ReqMarketDataType(in.integer());
            }
            case REQ_MKT_DATA -> mktData(in);
            default -> new Unknown(id, fields);
        };
        if (!(request instanceof Unknown) && in.hasMore()) {
            throw new TwsProtocolException(name + ": " + (fields.size() - in.position()) + " fields left over at"
                    + " server version " + serverVersion + " (" + fields.size() + " fields)");
        }
        return request;
    }

    private static Request versionOnly(FieldReader in, Request request) {
        in.skip(1);
        return request;
    }

    private Request cancelOrder(FieldReader in) {
        if (serverVersion < CME_TAGGING_FIELDS) {
            in.skip(1);
        }
        CancelOrder cancel = new CancelOrder(in.integer(), in.text());
        if (serverVersion >= RFQ_FIELDS && serverVersion < UNDO_RFQ_FIELDS) {
            in.skip(3);
        }
        if (serverVersion >= CME_TAGGING_FIELDS) {
            in.skip(2);                                  // extOperator, manualOrderIndicator
        }
        return cancel;
    }

    private Request mktData(FieldReader in) {
        in.skip(1);
        int reqId = in.integer();
        IbContract contract = contract(in, true);
        if (in.bool()) {
            throw unsupported("REQ_MKT_DATA", "a delta-neutral contract");
        }
        String genericTicks = in.text();
        boolean snapshot = in.bool();
        boolean regulatorySnapshot = in.bool();
        in.skip(1);                                      // mktDataOptions
        return new ReqMktData(reqId, contract, genericTicks, snapshot, regulatorySnapshot);
    }

    /** PLACE_ORDER field by field (§3.6), skipping the fields a plain order leaves at IB's defaults. */
    private Request placeOrder(FieldReader in) {
        int orderId = in.integer();
        IbContract base = contract(in, true);
        IbContract contract = new IbContract(base.conId(), base.symbol(), base.secType(),
                base.lastTradeDateOrContractMonth(), "", base.strike(), base.right(), base.multiplier(),
                base.exchange(), base.primaryExch(), base.currency(), base.localSymbol(), base.tradingClass(), false,
                in.text(), in.text(), "", "");
        String action = in.text();
        BigDecimal quantity = in.decimal();
        String orderType = in.text();
        BigDecimal lmtPrice = in.decimal();
        BigDecimal auxPrice = in.decimal();
        String tif = in.text();
        String ocaGroup = in.text();
        String account = in.text();
        in.skip(2);                                      // openClose, origin
        String orderRef = in.text();
        boolean transmit = in.bool();
        int parentId = in.integer();
        in.skip(4);                                      // blockOrder, sweepToFill, displaySize, triggerMethod
        boolean outsideRth = in.bool();
        in.skip(1);                                      // hidden
        in.skip(2);                                      // sharesAllocation, discretionaryAmt
        String goodAfterTime = in.text();
        String goodTillDate = in.text();
        in.skip(serverVersion < FA_PROFILE_DESUPPORT ? 4 : 3);   // faGroup, faMethod, faPercentage (faProfile)
        in.skip(4);                                      // modelCode, shortSaleSlot, designatedLocation, exemptCode
        int ocaType = in.integer();
        in.skip(15);                                     // rule80A ... overridePercentageConstraints
        in.skip(2);                                      // volatility, volatilityType
        if (!in.text().isEmpty()) {
            throw unsupported("PLACE_ORDER", "a delta-neutral order type");
        }
        in.skip(3);                                      // deltaNeutralAuxPrice, continuousUpdate, referencePriceType
        BigDecimal trailStopPrice = in.decimal();
        BigDecimal trailingPercent = in.decimal();
        in.skip(2);                                      // scaleInitLevelSize, scaleSubsLevelSize
        BigDecimal scalePriceIncrement = in.decimal();
        if (scalePriceIncrement != null && scalePriceIncrement.signum() > 0) {
            throw unsupported("PLACE_ORDER", "a scale order");
        }
        in.skip(3);                                      // scaleTable, activeStartTime, activeStopTime
        if (!in.text().isEmpty()) {
            throw unsupported("PLACE_ORDER", "a hedge order");
        }
        in.skip(4);                                      // optOutSmartRouting, clearingAccount/Intent, notHeld
        if (in.bool()) {
            throw unsupported("PLACE_ORDER", "a delta-neutral contract");
        }
        if (!in.text().isEmpty()) {
            throw unsupported("PLACE_ORDER", "an algo order");
        }
        in.skip(1);                                      // algoId
        boolean whatIf = in.bool();
        in.skip(4);                                      // orderMiscOptions, solicited, randomizeSize, randomizePrice
        if (orderType.equals("PEG BENCH") || orderType.equals("PEGBENCH")) {
            throw unsupported("PLACE_ORDER", "a pegged-to-benchmark order");
        }
        if (in.integer() != 0) {
            throw unsupported("PLACE_ORDER", "a conditional order");
        }
        in.skip(10);                                     // adjustedOrderType ... softDollarTier value
        BigDecimal cashQty = in.decimal();
        in.skip(13);                                     // MiFID II ... manualOrderTime
        if (serverVersion >= CUSTOMER_ACCOUNT) {
            in.skip(1);
        }
        if (serverVersion >= PROFESSIONAL_CUSTOMER) {
            in.skip(1);
        }
        if (serverVersion >= RFQ_FIELDS && serverVersion < UNDO_RFQ_FIELDS) {
            in.skip(2);
        }
        if (serverVersion >= INCLUDE_OVERNIGHT) {
            in.skip(1);
        }
        if (serverVersion >= CME_TAGGING_FIELDS) {
            in.skip(1);                                  // manualOrderIndicator
        }
        IbOrder order = new IbOrder(0, 0, 0, action, quantity, orderType, lmtPrice, auxPrice, tif, ocaGroup, ocaType,
                account, orderRef, transmit, parentId, outsideRth, trailStopPrice, trailingPercent, cashQty,
                goodAfterTime, goodTillDate, whatIf);
        return new PlaceOrder(orderId, contract, order);
    }

    /** The twelve contract fields every request starts with (conId ... tradingClass). */
    private static IbContract contract(FieldReader in, boolean refuseCombos) {
        IbContract contract = new IbContract(in.integer(), in.text(), in.text(), in.text(), "", in.decimal(),
                in.text(), in.text(), in.text(), in.text(), in.text(), in.text(), in.text(), false, "", "", "", "");
        if (refuseCombos && contract.secType().equals("BAG")) {
            throw unsupported("request", "a combo (BAG) contract");
        }
        return contract;
    }

    private static TwsProtocolException unsupported(String message, String what) {
        return new TwsProtocolException(message + ": the fake TWS does not support " + what);
    }

    static String name(int messageId) {
        return switch (messageId) {
            case REQ_MKT_DATA -> "REQ_MKT_DATA";
            case PLACE_ORDER -> "PLACE_ORDER";
            case CANCEL_ORDER -> "CANCEL_ORDER";
            case REQ_OPEN_ORDERS -> "REQ_OPEN_ORDERS";
            case REQ_EXECUTIONS -> "REQ_EXECUTIONS";
            case REQ_IDS -> "REQ_IDS";
            case REQ_CONTRACT_DATA -> "REQ_CONTRACT_DATA";
            case REQ_AUTO_OPEN_ORDERS -> "REQ_AUTO_OPEN_ORDERS";
            case REQ_ALL_OPEN_ORDERS -> "REQ_ALL_OPEN_ORDERS";
            case REQ_CURRENT_TIME -> "REQ_CURRENT_TIME";
            case REQ_GLOBAL_CANCEL -> "REQ_GLOBAL_CANCEL";
            case REQ_MARKET_DATA_TYPE -> "REQ_MARKET_DATA_TYPE";
            case REQ_POSITIONS -> "REQ_POSITIONS";
            case REQ_ACCOUNT_SUMMARY -> "REQ_ACCOUNT_SUMMARY";
            case CANCEL_ACCOUNT_SUMMARY -> "CANCEL_ACCOUNT_SUMMARY";
            case CANCEL_POSITIONS -> "CANCEL_POSITIONS";
            case START_API -> "START_API";
            default -> "message " + messageId;
        };
    }
}

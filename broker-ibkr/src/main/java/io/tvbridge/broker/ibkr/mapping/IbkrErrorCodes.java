package io.tvbridge.broker.ibkr.mapping;

import java.util.Map;

/**
 * Every IB error and notice code tvbridge knows, and what it means for the bridge. One table,
 * so the handling of a code is decided in one place. Sources: IB's message-code list and the
 * protocol notes (§5.4). A code not in the table is {@link Category#UNKNOWN}: it is logged, and
 * if it names an order, that order's state is asked from TWS so it is never left hanging.
 */
public final class IbkrErrorCodes {

    /** What a code asks the bridge to do. */
    public enum Category {
        /** The order is finished: rejected or cancelled by IB, with IB's text as the reason. */
        ORDER_REJECTED,
        /** The order was cancelled (IB's 202); terminal. */
        ORDER_CANCELLED,
        /** The order lives on; IB warns about it (held, will not execute until the open ...). */
        ORDER_WARNING,
        /** A cancel was not needed or not possible; ask TWS where the order stands. */
        QUERY_ORDER,
        /** The request named something IB does not know (a contract); the request fails. */
        REQUEST_FAILED,
        /** The API accepts no orders (read-only mode); the order is refused. */
        READ_ONLY,
        /** TWS lost its link to IB: orders may not reach IB until it is restored. */
        CONNECTIVITY_LOST,
        /** The link is back and TWS kept its data: resynchronise orders. */
        CONNECTIVITY_RESTORED,
        /** The link is back but data was lost: resynchronise orders and subscriptions. */
        CONNECTIVITY_RESTORED_DATA_LOST,
        /** The socket is being dropped (client id in use, port reset): reconnect. */
        CONNECTION_CLOSED,
        /** Too many messages: the bridge must slow down. */
        PACING,
        /** Market-data farm news and other notices: no action. */
        INFORMATIONAL,
        /** Not in this table. */
        UNKNOWN
    }

    private static final Map<Integer, Category> CODES = Map.ofEntries(
            Map.entry(100, Category.PACING),
            Map.entry(102, Category.REQUEST_FAILED),
            Map.entry(103, Category.ORDER_REJECTED),          // duplicate order id
            Map.entry(104, Category.ORDER_WARNING),           // cannot modify a filled order
            Map.entry(105, Category.ORDER_WARNING),           // modification does not match the original
            Map.entry(110, Category.ORDER_REJECTED),          // price off the minimum tick
            Map.entry(135, Category.QUERY_ORDER),             // no order with that id
            Map.entry(161, Category.QUERY_ORDER),             // cancel attempted when not cancellable
            Map.entry(163, Category.ORDER_REJECTED),          // price too far from the market (precautions)
            Map.entry(200, Category.REQUEST_FAILED),          // no security definition
            Map.entry(201, Category.ORDER_REJECTED),          // order rejected, reason in the text
            Map.entry(202, Category.ORDER_CANCELLED),
            Map.entry(203, Category.ORDER_REJECTED),          // security not allowed for this account
            Map.entry(321, Category.READ_ONLY),               // request validation failed, incl. read-only API
            Map.entry(322, Category.REQUEST_FAILED),          // server error processing a request
            Map.entry(326, Category.CONNECTION_CLOSED),       // client id in use
            Map.entry(354, Category.REQUEST_FAILED),          // no market-data subscription
            Map.entry(399, Category.ORDER_WARNING),           // e.g. will not be placed until the market opens
            Map.entry(404, Category.ORDER_WARNING),           // shares not available for short sale: held
            Map.entry(434, Category.ORDER_REJECTED),          // order size cannot be zero
            Map.entry(435, Category.ORDER_REJECTED),          // account must be specified
            Map.entry(451, Category.ORDER_REJECTED),          // order size is not a multiple of the size increment
            Map.entry(460, Category.ORDER_REJECTED),          // trading not allowed / invalid size for the account
            Map.entry(502, Category.CONNECTION_CLOSED),       // could not connect
            Map.entry(504, Category.CONNECTION_CLOSED),       // not connected
            Map.entry(507, Category.CONNECTION_CLOSED),       // bad message length: socket closed
            Map.entry(1100, Category.CONNECTIVITY_LOST),
            Map.entry(1101, Category.CONNECTIVITY_RESTORED_DATA_LOST),
            Map.entry(1102, Category.CONNECTIVITY_RESTORED),
            Map.entry(1300, Category.CONNECTION_CLOSED),      // socket port reset
            Map.entry(2100, Category.INFORMATIONAL),
            Map.entry(2103, Category.INFORMATIONAL),          // market data farm disconnected
            Map.entry(2104, Category.INFORMATIONAL),          // market data farm OK
            Map.entry(2105, Category.INFORMATIONAL),          // historical data farm disconnected
            Map.entry(2106, Category.INFORMATIONAL),          // historical data farm OK
            Map.entry(2107, Category.INFORMATIONAL),          // historical data farm inactive
            Map.entry(2108, Category.INFORMATIONAL),          // market data farm inactive
            Map.entry(2109, Category.ORDER_WARNING),          // outsideRth ignored
            Map.entry(2110, Category.CONNECTIVITY_LOST),      // TWS to server connectivity broken, will restore
            Map.entry(2137, Category.ORDER_WARNING),          // cross-side warning
            Map.entry(2157, Category.INFORMATIONAL),          // sec-def farm disconnected
            Map.entry(2158, Category.INFORMATIONAL),          // sec-def farm OK
            Map.entry(10089, Category.REQUEST_FAILED),
            Map.entry(10090, Category.INFORMATIONAL),
            Map.entry(10147, Category.QUERY_ORDER),           // order to cancel not found
            Map.entry(10148, Category.QUERY_ORDER),           // order cannot be cancelled in its state
            Map.entry(10167, Category.INFORMATIONAL),
            Map.entry(10168, Category.REQUEST_FAILED),
            Map.entry(10197, Category.INFORMATIONAL),
            Map.entry(10268, Category.ORDER_REJECTED),
            Map.entry(10269, Category.ORDER_REJECTED),
            Map.entry(10270, Category.ORDER_REJECTED),
            Map.entry(10311, Category.ORDER_REJECTED),        // would be directly routed: precautionary settings
            Map.entry(10349, Category.QUERY_ORDER));          // TIF changed by preset, may be resubmitted

    private IbkrErrorCodes() {
    }

    public static Category categorize(int code) {
        return CODES.getOrDefault(code, Category.UNKNOWN);
    }

    /** The reason a trader reads for a code and IB's text. */
    public static String describe(int code, String text) {
        String hint = switch (code) {
            case 321 -> text.contains("Read-Only") ? " (untick 'Read-Only API' in the TWS/Gateway API settings)" : "";
            case 435 -> " (set IBKR_ACCOUNT)";
            case 110 -> " (the price is not on the contract's tick)";
            case 200 -> " (check the symbol, or map it in IBKR_SYMBOL_MAP)";
            default -> "";
        };
        return "IB " + code + ": " + text.strip() + hint;
    }
}

package io.tvbridge.broker.ibkr.fake;

import static java.util.Objects.requireNonNull;

/**
 * How the fake TWS answers one PLACE_ORDER: a script step for
 * {@link FakeTwsServer#onNextOrder} or {@link FakeTwsServer#defaultBehaviour}.
 */
public sealed interface Behaviour {

    /**
     * Like a venue: OPEN_ORDER and ORDER_STATUS, then market orders fill at once at the
     * symbol's price, limits when marketable, stops and trailing stops when a price move
     * triggers them. The whole quantity fills in one execution.
     */
    record Fill() implements Behaviour {
    }

    /** Like {@link Fill}, but each fill comes in {@code pieces} executions, the first status sent twice. */
    record Partial(int pieces) implements Behaviour {
        public Partial {
            if (pieces < 2) {
                throw new IllegalArgumentException("a partial fill needs at least 2 pieces: " + pieces);
            }
        }
    }

    /** OPEN_ORDER and ORDER_STATUS, then the order works without filling until the test fills or cancels it. */
    record Rest() implements Behaviour {
    }

    /**
     * No OPEN_ORDER: ERR_MSG with the order id, {@code code} and {@code text}, then ORDER_STATUS
     * {@code status} (Cancelled or Inactive); the order is done.
     */
    record Reject(int code, String text, String status, String advancedOrderRejectJson) implements Behaviour {
        public Reject {
            requireNonNull(text, "text");
            requireNonNull(advancedOrderRejectJson, "advancedOrderRejectJson");
            if (!status.equals("Cancelled") && !status.equals("Inactive")) {
                throw new IllegalArgumentException("a rejection ends Cancelled or Inactive, not " + status);
            }
        }
    }

    /** Nothing is sent; the order is accepted and works (visible to REQ_OPEN_ORDERS) without filling. */
    record Silent() implements Behaviour {
    }

    /**
     * The order is lost on the way: the connection drops before TWS reads it, so TWS never
     * knows of it (it is not among {@link FakeTwsServer#placedOrders}).
     */
    record Lost() implements Behaviour {
    }

    static Behaviour lost() {
        return new Lost();
    }

    static Behaviour fill() {
        return new Fill();
    }

    static Behaviour partial(int pieces) {
        return new Partial(pieces);
    }

    static Behaviour rest() {
        return new Rest();
    }

    /**
     * A rejection as TWS reports it: 201 ("Order rejected - reason:…") ends Cancelled, other
     * codes (203 security not allowed, 110 price, …) leave the order Inactive.
     */
    static Behaviour reject(int code, String text) {
        return new Reject(code, text, code == 201 ? "Cancelled" : "Inactive", "");
    }

    static Behaviour silent() {
        return new Silent();
    }
}

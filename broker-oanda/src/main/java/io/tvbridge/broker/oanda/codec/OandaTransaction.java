package io.tvbridge.broker.oanda.codec;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of an OANDA account's transaction history, reduced to what decides an order's
 * fate. Every account change is a transaction with a rising numeric id; an order is created,
 * then filled, cancelled or (before it exists) rejected, each by a transaction of its own.
 *
 * @param id            the transaction id, a positive whole number as text
 * @param type          OANDA's type, e.g. {@code MARKET_ORDER}, {@code ORDER_FILL}, {@code ORDER_CANCEL}
 * @param kind          what the type means for an order
 * @param orderId       the order it concerns: the new order's id (its creating transaction's id), the
 *                      filled or cancelled order's id; empty for a rejection, which creates no order
 * @param clientOrderId the order's client id ({@code clientExtensions.id} or {@code clientOrderID}),
 *                      or else the client id of the trade it opened
 * @param orderType     for a created or rejected order: {@code MARKET}, {@code LIMIT}, {@code STOP},
 *                      {@code TAKE_PROFIT}, {@code STOP_LOSS} ...
 * @param instrument    OANDA's instrument name, {@code EUR_USD}
 * @param units         signed units: positive buys, negative sells
 * @param price         the order's price (created, rejected) or the volume-weighted price of a fill
 * @param reason        why: a cancel's reason ({@code MARKET_HALTED}) or a rejection's {@code rejectReason}
 * @param commission    commission charged by a fill, in the account's currency; zero otherwise
 */
public record OandaTransaction(String id, String type, Kind kind, Optional<String> orderId,
                               Optional<String> clientOrderId, Optional<String> orderType, Optional<String> instrument,
                               Optional<BigDecimal> units, Optional<BigDecimal> price, Optional<String> reason,
                               BigDecimal commission, Instant time) {

    /** What a transaction type means for an order. */
    public enum Kind {
        /** An entry order came to exist (MARKET_ORDER, LIMIT_ORDER, STOP_ORDER, MARKET_IF_TOUCHED_ORDER). */
        ORDER_CREATED,
        /**
         * An order attached to a trade came to exist: the take-profit, stop-loss or trailing stop
         * a fill set up (TAKE_PROFIT_ORDER, STOP_LOSS_ORDER, ...). It names a trade, not units.
         */
        EXIT_ORDER_CREATED,
        /** An order was executed. */
        ORDER_FILLED,
        /** An order ended without (further) execution: by request, expiry, or the venue. */
        ORDER_CANCELLED,
        /** An order request was refused before an order existed (*_ORDER_REJECT). */
        ORDER_REJECTED,
        /** Anything else: financing, take-profit creation, client extension changes ... */
        OTHER;

        static Kind of(String type) {
            return switch (type) {
                case "MARKET_ORDER", "LIMIT_ORDER", "STOP_ORDER", "MARKET_IF_TOUCHED_ORDER" -> ORDER_CREATED;
                case "TAKE_PROFIT_ORDER", "STOP_LOSS_ORDER", "TRAILING_STOP_LOSS_ORDER",
                        "GUARANTEED_STOP_LOSS_ORDER" -> EXIT_ORDER_CREATED;
                case "ORDER_FILL" -> ORDER_FILLED;
                case "ORDER_CANCEL" -> ORDER_CANCELLED;
                case "MARKET_ORDER_REJECT", "LIMIT_ORDER_REJECT", "STOP_ORDER_REJECT",
                        "MARKET_IF_TOUCHED_ORDER_REJECT" -> ORDER_REJECTED;
                default -> OTHER;
            };
        }
    }

    public OandaTransaction {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(orderType, "orderType");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(units, "units");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(commission, "commission");
        Objects.requireNonNull(time, "time");
    }

    /** The id as a number, for ordering and for the {@code sinceid} cursor. */
    public long number() {
        return OandaIds.number(id);
    }

    public boolean concerns(String clientId) {
        return clientOrderId.filter(clientId::equals).isPresent();
    }
}

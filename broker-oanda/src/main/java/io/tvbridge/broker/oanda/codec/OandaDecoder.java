package io.tvbridge.broker.oanda.codec;

import static io.tvbridge.broker.oanda.codec.OandaJson.decimal;
import static io.tvbridge.broker.oanda.codec.OandaJson.integer;
import static io.tvbridge.broker.oanda.codec.OandaJson.member;
import static io.tvbridge.broker.oanda.codec.OandaJson.optionalDecimal;
import static io.tvbridge.broker.oanda.codec.OandaJson.optionalText;
import static io.tvbridge.broker.oanda.codec.OandaJson.optionalTime;
import static io.tvbridge.broker.oanda.codec.OandaJson.text;
import static io.tvbridge.broker.oanda.codec.OandaJson.time;

import com.fasterxml.jackson.databind.JsonNode;
import io.tvbridge.broker.oanda.codec.OandaTransaction.Kind;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Turns OANDA's replies into records. Pure: JSON in, records out. A reply missing a field
 * the bridge needs throws {@link OandaProtocolException}; unknown fields and unknown
 * transaction types are ignored, as OANDA adds both over time.
 */
public final class OandaDecoder {
    private OandaDecoder() {
    }

    /** {@code GET /v3/accounts/{id}/summary}. */
    public static OandaAccountSummary summary(JsonNode reply) {
        JsonNode account = member(reply, "account");
        String what = "account summary";
        return new OandaAccountSummary(text(account, "id", what), text(account, "currency", what),
                decimal(account, "balance", what), decimal(account, "NAV", what),
                decimal(account, "unrealizedPL", what), decimal(account, "pl", what),
                decimal(account, "marginUsed", what), decimal(account, "marginAvailable", what),
                member(account, "hedgingEnabled").asBoolean(false),
                optionalText(reply, "lastTransactionID").orElseGet(() -> text(account, "lastTransactionID", what)));
    }

    /** {@code GET /v3/accounts}: the ids of the accounts a token may use. */
    public static List<String> accountIds(JsonNode reply) {
        return each(reply, "accounts", account -> text(account, "id", "account list"));
    }

    /** {@code GET /v3/accounts/{id}/instruments}. */
    public static List<OandaInstrumentSpec> instruments(JsonNode reply) {
        return each(reply, "instruments", node -> {
            String name = text(node, "name", "instrument");
            String what = "instrument " + name;
            return new OandaInstrumentSpec(name, text(node, "type", what),
                    optionalText(node, "displayName").orElse(name), integer(node, "displayPrecision", what),
                    integer(node, "tradeUnitsPrecision", what), decimal(node, "minimumTradeSize", what),
                    decimal(node, "maximumOrderUnits", what), decimal(node, "minimumTrailingStopDistance", what),
                    decimal(node, "maximumTrailingStopDistance", what), optionalDecimal(node, "marginRate", what)
                            .filter(rate -> rate.signum() > 0));
        });
    }

    /**
     * {@code GET .../pricing?includeHomeConversions=true}: OANDA's factor for each currency into the
     * account's home currency. The {@code positionValue} factor is the one OANDA values positions
     * with (the gain and loss factors are for realized profit and loss).
     */
    public static Map<String, BigDecimal> homeConversions(JsonNode reply) {
        Map<String, BigDecimal> factors = new TreeMap<>();
        if (member(reply, "homeConversions").isMissingNode()) {
            return factors;
        }
        each(reply, "homeConversions", node -> {
            String currency = text(node, "currency", "home conversion");
            optionalDecimal(node, "positionValue", "home conversion of " + currency)
                    .filter(factor -> factor.signum() > 0).ifPresent(factor -> factors.put(currency, factor));
            return currency;
        });
        return factors;
    }

    /** {@code GET .../orders/{specifier}}: the order under {@code "order"}. */
    public static OandaOrder order(JsonNode reply) {
        JsonNode node = member(reply, "order");
        if (!isEntryOrder(node)) {
            throw new OandaProtocolException("order reply: no entry order with an instrument and units in it");
        }
        return order(node, "order " + text(node, "id", "order"));
    }

    /**
     * {@code GET .../pendingOrders} or {@code .../orders}: the entry orders (market, limit, stop,
     * market-if-touched). Orders attached to trades (take-profit, stop-loss, trailing stop) name a
     * trade instead of an instrument and units; they are not tvbridge's orders and are left out.
     */
    public static List<OandaOrder> entryOrders(JsonNode reply) {
        return each(reply, "orders", node -> node).stream().filter(OandaDecoder::isEntryOrder)
                .map(node -> order(node, "order " + text(node, "id", "order"))).toList();
    }

    /**
     * {@code GET .../orders/{specifier}} of an order attached to a trade (take-profit, stop-loss,
     * trailing stop): empty when the order is an entry order, see {@link #order(JsonNode)}.
     */
    public static Optional<OandaExitOrder> exitOrder(JsonNode reply) {
        JsonNode node = member(reply, "order");
        return isEntryOrder(node) ? Optional.empty() : Optional.of(readExitOrder(node));
    }

    /** {@code GET .../pendingOrders}: the orders attached to trades. */
    public static List<OandaExitOrder> exitOrders(JsonNode reply) {
        return each(reply, "orders", node -> node).stream().filter(node -> !isEntryOrder(node))
                .map(OandaDecoder::readExitOrder).toList();
    }

    /** {@code GET .../trades/{id}}. */
    public static OandaTrade trade(JsonNode reply) {
        JsonNode node = member(reply, "trade");
        String id = text(node, "id", "trade");
        String what = "trade " + id;
        return new OandaTrade(id, text(node, "instrument", what), decimal(node, "initialUnits", what),
                optionalText(member(node, "clientExtensions"), "id"));
    }

    /** {@code GET .../openPositions}. */
    public static List<OandaPosition> positions(JsonNode reply) {
        return each(reply, "positions", node -> {
            String instrument = text(node, "instrument", "position");
            String what = "position " + instrument;
            JsonNode longSide = member(node, "long");
            JsonNode shortSide = member(node, "short");
            return new OandaPosition(instrument,
                    optionalDecimal(longSide, "units", what).orElse(BigDecimal.ZERO),
                    optionalDecimal(longSide, "averagePrice", what),
                    optionalDecimal(shortSide, "units", what).orElse(BigDecimal.ZERO),
                    optionalDecimal(shortSide, "averagePrice", what),
                    optionalDecimal(node, "unrealizedPL", what).orElse(BigDecimal.ZERO),
                    optionalDecimal(node, "pl", what).orElse(BigDecimal.ZERO));
        });
    }

    /** {@code GET .../transactions/sinceid}: the transactions under {@code "transactions"}, oldest first. */
    public static List<OandaTransaction> transactions(JsonNode reply) {
        return each(reply, "transactions", OandaDecoder::transaction).stream()
                .sorted(Comparator.comparingLong(OandaTransaction::number)).toList();
    }

    /** {@code GET .../transactions/{id}}: the transaction under {@code "transaction"}. */
    public static OandaTransaction singleTransaction(JsonNode reply) {
        return transaction(member(reply, "transaction"));
    }

    /**
     * The answer to an order create, order cancel or position close, successful or not. Such
     * answers name their transactions by role ({@code orderCreateTransaction},
     * {@code orderFillTransaction}, {@code longOrderCancelTransaction} ...); every member that
     * is a transaction is taken, whatever its role, so new roles need no change here.
     */
    public static OandaReply reply(JsonNode reply) {
        List<OandaTransaction> transactions = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : reply.properties()) {
            JsonNode value = field.getValue();
            if (value.isObject() && value.has("id") && value.has("type")) {
                transactions.add(transaction(value));
            }
        }
        transactions.sort(Comparator.comparingLong(OandaTransaction::number));
        return new OandaReply(transactions, optionalText(reply, "lastTransactionID"),
                optionalText(reply, "errorCode"), optionalText(reply, "errorMessage"));
    }

    public static Optional<String> lastTransactionId(JsonNode reply) {
        return optionalText(reply, "lastTransactionID");
    }

    static OandaTransaction transaction(JsonNode node) {
        String id = text(node, "id", "transaction");
        OandaIds.number(id);
        String type = text(node, "type", "transaction " + id);
        String what = type + " transaction " + id;
        Kind kind = Kind.of(type);
        Optional<String> orderId = switch (kind) {
            case ORDER_CREATED, EXIT_ORDER_CREATED -> Optional.of(id);
            case ORDER_FILLED, ORDER_CANCELLED -> optionalText(node, "orderID");
            case ORDER_REJECTED, OTHER -> Optional.empty();
        };
        Optional<String> clientId = switch (kind) {
            // an exit order's own client id; the trade's client id it also carries is its parent's
            case EXIT_ORDER_CREATED -> optionalText(member(node, "clientExtensions"), "id");
            case ORDER_CREATED, ORDER_FILLED, ORDER_CANCELLED, ORDER_REJECTED -> clientId(node);
            case OTHER -> Optional.empty();
        };
        Optional<String> orderType = switch (kind) {
            case ORDER_CREATED, EXIT_ORDER_CREATED -> Optional.of(type.substring(0, type.length() - "_ORDER".length()));
            case ORDER_REJECTED -> Optional.of(type.substring(0, type.length() - "_ORDER_REJECT".length()));
            case ORDER_FILLED, ORDER_CANCELLED, OTHER -> Optional.empty();
        };
        Optional<BigDecimal> price = kind == Kind.ORDER_FILLED
                ? optionalDecimal(node, "fullVWAP", what).or(() -> optionalDecimal(node, "price", what))
                : optionalDecimal(node, "price", what);
        Optional<String> reason = switch (kind) {
            case ORDER_CANCELLED -> optionalText(node, "reason");
            case ORDER_REJECTED -> optionalText(node, "rejectReason");
            case ORDER_CREATED, EXIT_ORDER_CREATED, ORDER_FILLED, OTHER -> Optional.empty();
        };
        BigDecimal commission = kind == Kind.ORDER_FILLED
                ? optionalDecimal(node, "commission", what).orElse(BigDecimal.ZERO).abs() : BigDecimal.ZERO;
        return new OandaTransaction(id, type, kind, orderId, clientId, orderType, optionalText(node, "instrument"),
                optionalDecimal(node, "units", what), price, reason, commission, time(node, "time", what));
    }

    /** The order's client id, or else the client id of the trade it opened (both carry tvbridge's id). */
    private static Optional<String> clientId(JsonNode node) {
        return optionalText(member(node, "clientExtensions"), "id")
                .or(() -> optionalText(node, "clientOrderID"))
                .or(() -> optionalText(member(node, "tradeClientExtensions"), "id"))
                .or(() -> optionalText(member(member(node, "tradeOpened"), "clientExtensions"), "id"));
    }

    /** Each element of the array {@code field}, decoded; none when the field is missing. */
    private static <T> List<T> each(JsonNode reply, String field, Function<JsonNode, T> decode) {
        List<T> decoded = new ArrayList<>();
        for (JsonNode node : member(reply, field)) {
            decoded.add(decode.apply(node));
        }
        return decoded;
    }

    private static OandaExitOrder readExitOrder(JsonNode node) {
        String what = "order " + text(node, "id", "order");
        Optional<Instant> closed = optionalTime(node, "filledTime", what)
                .or(() -> optionalTime(node, "cancelledTime", what));
        return new OandaExitOrder(text(node, "id", what), text(node, "type", what), text(node, "state", what),
                text(node, "tradeID", what), optionalDecimal(node, "price", what).or(() ->
                optionalDecimal(node, "distance", what)), optionalText(member(node, "clientExtensions"), "id"),
                optionalText(node, "fillingTransactionID"), optionalText(node, "cancellingTransactionID"),
                time(node, "createTime", what), closed);
    }

    private static boolean isEntryOrder(JsonNode node) {
        return node.has("instrument") && node.has("units");
    }

    private static OandaOrder order(JsonNode node, String what) {
        Optional<Instant> closed = optionalTime(node, "filledTime", what)
                .or(() -> optionalTime(node, "cancelledTime", what));
        return new OandaOrder(text(node, "id", what), text(node, "type", what), text(node, "state", what),
                text(node, "instrument", what), decimal(node, "units", what), optionalDecimal(node, "price", what),
                optionalText(member(node, "clientExtensions"), "id"), optionalText(node, "fillingTransactionID"),
                optionalText(node, "cancellingTransactionID"), time(node, "createTime", what), closed);
    }
}

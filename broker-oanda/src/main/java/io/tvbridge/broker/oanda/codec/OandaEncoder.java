package io.tvbridge.broker.oanda.codec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;

/**
 * Writes the bodies the bridge sends to OANDA. Decimals go out as plain strings with the scale
 * they were given ({@code "1.09200"}, {@code "-10000"}), never in scientific notation.
 */
public final class OandaEncoder {
    /** Marks tvbridge's orders and trades in OANDA's own tools. */
    public static final String TAG = "tvbridge";
    /**
     * The client ids of the exit orders attached on fill: {@code <order id>.tp}, {@code .sl} and
     * {@code .ts}, so that their fills can be reported as orders of their own.
     */
    public static final String TAKE_PROFIT = ".tp";
    public static final String STOP_LOSS = ".sl";
    public static final String TRAILING_STOP = ".ts";

    private OandaEncoder() {
    }

    /** The body of {@code POST /v3/accounts/{id}/orders}. */
    public static String order(OandaOrderRequest request) {
        ObjectNode order = OandaJson.MAPPER.createObjectNode();
        order.put("type", request.type().name());
        order.put("instrument", request.instrument());
        order.put("units", plain(request.units()));
        request.price().ifPresent(price -> order.put("price", plain(price)));
        order.put("timeInForce", request.timeInForce().name());
        order.put("positionFill", request.positionFill().name());
        order.set("clientExtensions", clientExtensions(request.clientId()));
        order.set("tradeClientExtensions", clientExtensions(request.clientId()));
        request.takeProfit().ifPresent(price -> order.set("takeProfitOnFill",
                exit("price", price, request.clientId() + TAKE_PROFIT)));
        request.stopLoss().ifPresent(price -> order.set("stopLossOnFill",
                exit("price", price, request.clientId() + STOP_LOSS)));
        request.trailingDistance().ifPresent(distance -> order.set("trailingStopLossOnFill",
                exit("distance", distance, request.clientId() + TRAILING_STOP)));
        ObjectNode body = OandaJson.MAPPER.createObjectNode();
        body.set("order", order);
        return write(body);
    }

    /**
     * The body of {@code PUT .../positions/{instrument}/close}: {@code ALL} of each side to close,
     * {@code NONE} of the other. The first side closed carries {@code clientId} (a client id
     * names one order; on a hedging account holding both sides, the short side's closing order
     * goes without it).
     */
    public static String closePosition(boolean closeLong, boolean closeShort, String clientId) {
        ObjectNode body = OandaJson.MAPPER.createObjectNode();
        body.put("longUnits", closeLong ? "ALL" : "NONE");
        if (closeLong) {
            body.set("longClientExtensions", clientExtensions(clientId));
        }
        body.put("shortUnits", closeShort ? "ALL" : "NONE");
        if (closeShort && !closeLong) {
            body.set("shortClientExtensions", clientExtensions(clientId));
        }
        return write(body);
    }

    private static ObjectNode clientExtensions(String id) {
        ObjectNode extensions = OandaJson.MAPPER.createObjectNode();
        extensions.put("id", id);
        extensions.put("tag", TAG);
        return extensions;
    }

    private static ObjectNode exit(String field, BigDecimal value, String clientId) {
        ObjectNode exit = OandaJson.MAPPER.createObjectNode();
        exit.put(field, plain(value));
        exit.put("timeInForce", OandaTimeInForce.GTC.name());
        exit.set("clientExtensions", clientExtensions(clientId));
        return exit;
    }

    private static String plain(BigDecimal value) {
        return value.toPlainString();
    }

    private static String write(ObjectNode body) {
        try {
            return OandaJson.MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}

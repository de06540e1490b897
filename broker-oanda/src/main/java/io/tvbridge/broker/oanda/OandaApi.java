package io.tvbridge.broker.oanda;

import com.fasterxml.jackson.databind.JsonNode;
import io.tvbridge.broker.oanda.codec.OandaAccountSummary;
import io.tvbridge.broker.oanda.codec.OandaDecoder;
import io.tvbridge.broker.oanda.codec.OandaExitOrder;
import io.tvbridge.broker.oanda.codec.OandaInstrumentSpec;
import io.tvbridge.broker.oanda.codec.OandaJson;
import io.tvbridge.broker.oanda.codec.OandaOrder;
import io.tvbridge.broker.oanda.codec.OandaPosition;
import io.tvbridge.broker.oanda.codec.OandaProtocolException;
import io.tvbridge.broker.oanda.codec.OandaReply;
import io.tvbridge.broker.oanda.codec.OandaTrade;
import io.tvbridge.broker.oanda.codec.OandaTransaction;
import io.tvbridge.broker.spi.BrokerException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The v20 endpoints the broker uses, one method each, answers decoded. Refusals become
 * {@link BrokerException}s whose kind says what to do: a refused token or account is
 * {@link BrokerException.Kind#AUTHENTICATION} naming the variable to fix; an unreachable or
 * failing OANDA is {@link BrokerException.Kind#UNAVAILABLE} or {@link BrokerException.Kind#TIMEOUT}.
 * Requests that change the account return OANDA's reply whatever its status and leave the
 * meaning to the caller, who reads the transactions.
 */
final class OandaApi {
    private final OandaSession session;
    private final OandaConfig config;
    private final String account;

    OandaApi(OandaSession session, OandaConfig config) {
        this.session = session;
        this.config = config;
        this.account = "/v3/accounts/" + encode(config.accountId());
    }

    OandaAccountSummary summary() throws BrokerException {
        return read(account + "/summary", OandaDecoder::summary);
    }

    /** The accounts the token may use: tells a wrong token from a wrong account id. */
    List<String> accountIds() throws BrokerException {
        return read("/v3/accounts", OandaDecoder::accountIds);
    }

    List<OandaInstrumentSpec> instruments() throws BrokerException {
        return read(account + "/instruments", OandaDecoder::instruments);
    }

    /**
     * OANDA's factors into the account's home currency, by currency, from the pricing of
     * {@code instruments} ({@code includeHomeConversions=true}).
     */
    Map<String, BigDecimal> homeConversions(List<String> instruments) throws BrokerException {
        return read(account + "/pricing?instruments=" + encode(String.join(",", instruments))
                + "&includeHomeConversions=true", OandaDecoder::homeConversions);
    }

    /**
     * The pending orders: entry orders, and the take-profits and stop-losses that carry a client
     * id (tvbridge's bracket children), each on its trade's instrument and units.
     */
    List<OandaOrder> pendingOrders() throws BrokerException {
        JsonNode pending = read(account + "/pendingOrders", json -> json);
        List<OandaOrder> orders = new ArrayList<>(decode(pending, OandaDecoder::entryOrders));
        for (OandaExitOrder exit : decode(pending, OandaDecoder::exitOrders)) {
            if (exit.clientOrderId().isPresent()) {
                orders.add(exit.on(trade(exit.tradeId())));
            }
        }
        return orders;
    }

    /**
     * An order by OANDA id or by client id ({@code @tvb-...}); empty when OANDA has no such order.
     * An order attached to a trade is given its trade's instrument and units.
     */
    Optional<OandaOrder> order(String specifier) throws BrokerException {
        OandaSession.Response response = call(account + "/orders/" + encode(specifier), config.retries());
        if (response.status() == 404) {
            return Optional.empty();
        }
        Optional<OandaExitOrder> exit = decode(response, OandaDecoder::exitOrder);
        if (exit.isPresent()) {
            return Optional.of(exit.get().on(trade(exit.get().tradeId())));
        }
        return Optional.of(decode(response, OandaDecoder::order));
    }

    OandaTrade trade(String id) throws BrokerException {
        return read(account + "/trades/" + encode(id), OandaDecoder::trade);
    }

    OandaTransaction transaction(String id) throws BrokerException {
        return read(account + "/transactions/" + encode(id), OandaDecoder::singleTransaction);
    }

    /** Everything after transaction {@code id}, oldest first, and the newest id now. */
    Transactions transactionsSince(String id) throws BrokerException {
        return transactionsSince(id, config.retries());
    }

    Transactions transactionsSince(String id, int retries) throws BrokerException {
        OandaSession.Response response = call(account + "/transactions/sinceid?id=" + encode(id), retries);
        return decode(response, json -> new Transactions(OandaDecoder.transactions(json),
                OandaDecoder.lastTransactionId(json).orElse(id)));
    }

    List<OandaPosition> openPositions() throws BrokerException {
        return read(account + "/openPositions", OandaDecoder::positions);
    }

    /** {@code POST .../orders}: OANDA's reply, accepted or refused. */
    OandaReply createOrder(String body) throws BrokerException, OandaCallException {
        return change("POST", account + "/orders", body);
    }

    /** {@code PUT .../orders/{specifier}/cancel}. */
    OandaReply cancelOrder(String specifier) throws BrokerException, OandaCallException {
        return change("PUT", account + "/orders/" + encode(specifier) + "/cancel", "");
    }

    /** {@code PUT .../positions/{instrument}/close}. */
    OandaReply closePosition(String instrument, String body) throws BrokerException, OandaCallException {
        return change("PUT", account + "/positions/" + encode(instrument) + "/close", body);
    }

    /** A page of the transaction history. */
    record Transactions(List<OandaTransaction> transactions, String lastTransactionId) {
    }

    private OandaReply change(String method, String path, String body) throws BrokerException, OandaCallException {
        OandaSession.Response response = session.send(method, path, body);
        refuseCredentials(response);
        try {
            return OandaDecoder.reply(response.json());
        } catch (OandaProtocolException e) {
            throw new OandaCallException(e.getMessage(), true, false, e);
        }
    }

    private <T> T read(String path, Function<JsonNode, T> decoder) throws BrokerException {
        return decode(call(path, config.retries()), decoder);
    }

    private OandaSession.Response call(String path, int retries) throws BrokerException {
        try {
            OandaSession.Response response = session.get(path, retries);
            refuseCredentials(response);
            return response;
        } catch (OandaCallException e) {
            throw new BrokerException(e.timedOut() ? BrokerException.Kind.TIMEOUT : BrokerException.Kind.UNAVAILABLE,
                    e.getMessage(), e);
        }
    }

    private static <T> T decode(JsonNode json, Function<JsonNode, T> decoder) throws BrokerException {
        try {
            return decoder.apply(json);
        } catch (OandaProtocolException e) {
            throw new BrokerException(BrokerException.Kind.UNAVAILABLE, "OANDA's answer could not be read: "
                    + e.getMessage(), e);
        }
    }

    private <T> T decode(OandaSession.Response response, Function<JsonNode, T> decoder) throws BrokerException {
        try {
            if (!response.ok()) {
                throw new BrokerException(BrokerException.Kind.INVALID_REQUEST, response.what() + ": OANDA answered "
                        + response.status() + errorOf(response).map(e -> " - " + e).orElse(""));
            }
            return decoder.apply(response.json());
        } catch (OandaProtocolException e) {
            throw new BrokerException(BrokerException.Kind.UNAVAILABLE, "OANDA's answer to " + response.what()
                    + " could not be read: " + e.getMessage(), e);
        }
    }

    private void refuseCredentials(OandaSession.Response response) throws BrokerException {
        String error = errorOf(response).map(e -> " (" + e + ")").orElse("");
        if (response.status() == 401) {
            throw new BrokerException(BrokerException.Kind.AUTHENTICATION, "OANDA refused the token with 401"
                    + error + ": check " + OandaConfig.variable(OandaConfig.TOKEN) + ", and that it was made for the "
                    + config.environment() + " environment (OANDA_ENV)");
        }
        if (response.status() == 403) {
            throw new BrokerException(BrokerException.Kind.AUTHENTICATION, "OANDA forbade " + response.what()
                    + " with 403" + error + ": check " + OandaConfig.variable(OandaConfig.ACCOUNT_ID) + " ("
                    + config.accountId() + ") and that " + OandaConfig.variable(OandaConfig.TOKEN)
                    + " may use that account");
        }
    }

    private static Optional<String> errorOf(OandaSession.Response response) {
        try {
            return OandaDecoder.reply(OandaJson.parse(response.what(), response.body())).error();
        } catch (OandaProtocolException e) {
            return Optional.empty();
        }
    }

    /**
     * A path segment or query value: ids, instrument names and {@code @clientId} specifiers pass
     * as they are (letters, digits and {@code . _ ~ : @ -} are legal in a path), anything else is
     * percent-encoded.
     */
    static String encode(String segment) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "._~:@-".indexOf(c) >= 0;
            if (plain) {
                encoded.append(c);
            } else {
                encoded.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return encoded.toString();
    }
}

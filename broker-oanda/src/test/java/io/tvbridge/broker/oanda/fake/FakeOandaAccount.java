package io.tvbridge.broker.oanda.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small OANDA account that behaves like the real one where the broker depends on it: every
 * change is a numbered transaction; market orders fill at the ask (buys) or bid (sells) or are
 * cancelled (closed market, too little margin); limit and stop orders rest until a price reaches
 * them; invalid orders are rejected with a 400 and a reject transaction; client ids find orders.
 * Positions are netted (no hedging) and the balance moves by realized profit and loss only.
 * Replies use OANDA's field names and JSON types. Thread-safe: WireMock serves it concurrently.
 */
public final class FakeOandaAccount {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final Pattern ACCOUNT_PATH = Pattern.compile("/v3/accounts/([^/]+)(/.*)?");
    private static final int USER = 8765432;

    /** What the fake answers: an HTTP status and a JSON body. */
    public record Reply(int status, String body) {
    }

    private final String accountId;
    private final String token;
    private final Map<String, JsonNode> instruments = new LinkedHashMap<>();
    private final Map<String, BigDecimal> mids = new HashMap<>();
    private final Set<String> halted = new HashSet<>();
    private final List<ObjectNode> transactions = new ArrayList<>();
    private final Map<String, Order> orders = new LinkedHashMap<>();
    private final Map<String, Holding> positions = new LinkedHashMap<>();
    private final Map<String, ObjectNode> trades = new HashMap<>();
    private long lastId = 6409;
    private BigDecimal balance = new BigDecimal("100000.0000");
    private BigDecimal realized = new BigDecimal("0.0000");

    public FakeOandaAccount(String accountId, String token) {
        this.accountId = accountId;
        this.token = token;
        for (JsonNode instrument : read(OandaFixtures.json("instruments")).get("instruments")) {
            instruments.put(instrument.get("name").asText(), instrument);
        }
        mids.put("EUR_USD", new BigDecimal("1.08450"));
        mids.put("XAU_USD", new BigDecimal("2921.600"));
        mids.put("SPX500_USD", new BigDecimal("5640.0"));
    }

    /** Sets the mid price of an instrument ({@code EUR_USD}, or {@code EURUSD}); resting orders it reaches fill. */
    public synchronized void setPrice(String instrument, BigDecimal mid) {
        String name = name(instrument);
        mids.put(name, mid);
        for (Order order : List.copyOf(orders.values())) {
            if (order.isPending() && order.instrument.equals(name) && reached(order)) {
                fill(order, null);
                if (order.attached()) {
                    closeLinked(order);
                }
            }
        }
    }

    /** Closes the market of an instrument: market orders are cancelled with {@code MARKET_HALTED}. */
    public synchronized void halt(String instrument) {
        halted.add(name(instrument));
    }

    public synchronized String lastTransactionId() {
        return Long.toString(lastId);
    }

    /** Answers one request, as OANDA would. */
    public synchronized Reply handle(String method, String path, Map<String, String> query, String body,
                                     String authorization) {
        if (!("Bearer " + token).equals(authorization)) {
            return error(401, null, "Insufficient authorization to perform request.");
        }
        if (path.equals("/v3/accounts")) {
            ObjectNode reply = JSON.createObjectNode();
            reply.putArray("accounts").addObject().put("id", accountId).putArray("tags");
            return ok(reply);
        }
        Matcher matcher = ACCOUNT_PATH.matcher(path);
        if (!matcher.matches()) {
            return error(404, null, "Path not found");
        }
        if (!matcher.group(1).equals(accountId)) {
            return error(403, null, "The provided request was forbidden.");
        }
        String rest = matcher.group(2) == null ? "" : matcher.group(2);
        String[] parts = rest.split("/");
        String route = method + " " + (parts.length > 1 ? parts[1] : "");
        return switch (route) {
            case "GET summary" -> ok(summary());
            case "GET instruments" -> instrumentList();
            case "GET pendingOrders" -> pendingOrders();
            case "GET openPositions" -> openPositions();
            case "GET orders" -> parts.length == 3 ? order(parts[2]) : error(405, null, "not supported by the fake");
            case "PUT orders" -> parts.length == 4 && parts[3].equals("cancel") ? cancel(parts[2])
                    : error(405, null, "not supported by the fake");
            case "POST orders" -> create(read(body).get("order"));
            case "GET transactions" -> parts.length == 3 && parts[2].equals("sinceid")
                    ? since(Long.parseLong(query.getOrDefault("id", "0"))) : transaction(parts[2]);
            case "PUT positions" -> closePosition(parts[2], read(body));
            case "GET trades" -> trade(parts[2]);
            default -> error(405, null, "The fake does not serve " + method + " " + path);
        };
    }

    // --- reads ---

    private ObjectNode summary() {
        BigDecimal unrealized = BigDecimal.ZERO;
        BigDecimal marginUsed = BigDecimal.ZERO;
        for (Map.Entry<String, Holding> entry : positions.entrySet()) {
            Holding holding = entry.getValue();
            BigDecimal mid = mids.get(entry.getKey());
            unrealized = unrealized.add(mid.subtract(holding.average).multiply(holding.units));
            marginUsed = marginUsed.add(holding.units.abs().multiply(mid).multiply(marginRate(entry.getKey())));
        }
        BigDecimal nav = balance.add(unrealized);
        ObjectNode account = JSON.createObjectNode();
        account.put("id", accountId).put("alias", "Primary").put("currency", "USD").put("createdByUserID", USER)
                .put("createdTime", "2024-11-04T09:15:22.412907123Z").put("guaranteedStopLossOrderMode", "DISABLED")
                .put("hedgingEnabled", false).put("lastTransactionID", lastTransactionId())
                .put("balance", money(balance)).put("openTradeCount", positions.size())
                .put("openPositionCount", positions.size())
                .put("pendingOrderCount", orders.values().stream().filter(Order::isPending).count())
                .put("pl", money(realized)).put("resettablePL", money(realized)).put("resettablePLTime", "0")
                .put("financing", "0.0000").put("commission", "0.0000").put("unrealizedPL", money(unrealized))
                .put("NAV", money(nav)).put("marginUsed", money(marginUsed))
                .put("marginAvailable", money(nav.subtract(marginUsed))).put("positionValue", "0.0000")
                .put("marginCloseoutPercent", "0.00000").put("withdrawalLimit", money(nav.subtract(marginUsed)));
        ObjectNode reply = JSON.createObjectNode();
        reply.set("account", account);
        reply.put("lastTransactionID", lastTransactionId());
        return reply;
    }

    private Reply instrumentList() {
        ObjectNode reply = JSON.createObjectNode();
        ArrayNode list = reply.putArray("instruments");
        instruments.values().forEach(list::add);
        reply.put("lastTransactionID", lastTransactionId());
        return ok(reply);
    }

    private Reply pendingOrders() {
        ObjectNode reply = JSON.createObjectNode();
        ArrayNode list = reply.putArray("orders");
        orders.values().stream().filter(Order::isPending).forEach(order -> list.add(order.json()));
        reply.put("lastTransactionID", lastTransactionId());
        return ok(reply);
    }

    private Reply openPositions() {
        ObjectNode reply = JSON.createObjectNode();
        ArrayNode list = reply.putArray("positions");
        positions.forEach((instrument, holding) -> {
            ObjectNode position = list.addObject();
            BigDecimal unrealized = mids.get(instrument).subtract(holding.average).multiply(holding.units);
            position.put("instrument", instrument).put("pl", money(holding.realized))
                    .put("unrealizedPL", money(unrealized)).put("resettablePL", money(holding.realized))
                    .put("financing", "0.0000").put("commission", "0.0000").put("guaranteedExecutionFees", "0.0000");
            ObjectNode longSide = position.putObject("long");
            ObjectNode shortSide = position.putObject("short");
            ObjectNode held = holding.units.signum() > 0 ? longSide : shortSide;
            ObjectNode flat = held == longSide ? shortSide : longSide;
            held.put("units", holding.units.toPlainString()).put("averagePrice", price(instrument, holding.average))
                    .put("pl", money(holding.realized)).put("unrealizedPL", money(unrealized));
            held.putArray("tradeIDs").add(holding.tradeId);
            flat.put("units", "0").put("pl", "0.0000").put("unrealizedPL", "0.0000");
        });
        reply.put("lastTransactionID", lastTransactionId());
        return ok(reply);
    }

    private Reply order(String specifier) {
        return find(specifier).map(order -> {
            ObjectNode reply = JSON.createObjectNode();
            reply.set("order", order.json());
            reply.put("lastTransactionID", lastTransactionId());
            return ok(reply);
        }).orElseGet(() -> error(404, "NO_SUCH_ORDER", "The order ID specified does not exist"));
    }

    private Reply since(long id) {
        ObjectNode reply = JSON.createObjectNode();
        ArrayNode list = reply.putArray("transactions");
        transactions.stream().filter(t -> Long.parseLong(t.get("id").asText()) > id).forEach(list::add);
        reply.put("lastTransactionID", lastTransactionId());
        return ok(reply);
    }

    private Reply transaction(String id) {
        return transactions.stream().filter(t -> t.get("id").asText().equals(id)).findFirst().map(t -> {
            ObjectNode reply = JSON.createObjectNode();
            reply.set("transaction", t);
            reply.put("lastTransactionID", lastTransactionId());
            return ok(reply);
        }).orElseGet(() -> error(404, "NO_SUCH_TRANSACTION", "The transaction ID specified does not exist"));
    }

    private Reply trade(String id) {
        ObjectNode trade = trades.get(id);
        if (trade == null) {
            return error(404, "NO_SUCH_TRADE", "The Trade specified does not exist");
        }
        ObjectNode reply = JSON.createObjectNode();
        reply.set("trade", trade);
        reply.put("lastTransactionID", lastTransactionId());
        return ok(reply);
    }

    // --- changes ---

    private Reply create(JsonNode request) {
        String type = request.path("type").asText();
        String instrument = request.path("instrument").asText();
        JsonNode spec = instruments.get(instrument);
        if (spec == null) {
            return error(400, null, "Invalid value specified for 'instrument'");
        }
        BigDecimal units = new BigDecimal(request.path("units").asText());
        String clientId = request.path("clientExtensions").path("id").asText(null);
        String rejectReason = null;
        if (units.stripTrailingZeros().scale() > spec.get("tradeUnitsPrecision").asInt()) {
            rejectReason = "UNITS_PRECISION_EXCEEDED";
        } else if (units.abs().compareTo(new BigDecimal(spec.get("minimumTradeSize").asText())) < 0) {
            rejectReason = "UNITS_MIMIMUM_NOT_MET";
        } else if (units.abs().compareTo(new BigDecimal(spec.get("maximumOrderUnits").asText())) > 0) {
            rejectReason = "UNITS_LIMIT_EXCEEDED";
        } else if (request.has("price") && new BigDecimal(request.get("price").asText()).scale()
                > spec.get("displayPrecision").asInt()) {
            rejectReason = "PRICE_PRECISION_EXCEEDED";
        } else if (clientId != null && orders.values().stream()
                .anyMatch(o -> o.isPending() && clientId.equals(o.clientId))) {
            rejectReason = "CLIENT_ORDER_ID_ALREADY_EXISTS";
        }
        ObjectNode reply = JSON.createObjectNode();
        if (rejectReason != null) {
            ObjectNode reject = transaction(type + "_ORDER_REJECT", request);
            reject.put("reason", "CLIENT_ORDER").put("rejectReason", rejectReason);
            reply.set("orderRejectTransaction", reject);
            reply.putArray("relatedTransactionIDs").add(reject.get("id").asText());
            reply.put("lastTransactionID", lastTransactionId()).put("errorCode", rejectReason)
                    .put("errorMessage", "The order request was rejected: " + rejectReason);
            return new Reply(400, reply.toString());
        }
        ObjectNode created = transaction(type + "_ORDER", request);
        created.put("reason", "CLIENT_ORDER");
        Order order = new Order(created.get("id").asText(), type, instrument, units, request);
        orders.put(order.id, order);
        reply.set("orderCreateTransaction", created);
        boolean marketOrder = type.equals("MARKET");
        if (marketOrder && halted.contains(instrument)) {
            reply.set("orderCancelTransaction", cancelled(order, "MARKET_HALTED"));
        } else if (marketOrder && !affordable(instrument, units)) {
            reply.set("orderCancelTransaction", cancelled(order, "INSUFFICIENT_MARGIN"));
        } else if (marketOrder || reached(order)) {
            reply.set("orderFillTransaction", fill(order, null));
        }
        reply.put("lastTransactionID", lastTransactionId());
        return new Reply(201, reply.toString());
    }

    private Reply cancel(String specifier) {
        Optional<Order> order = find(specifier).filter(Order::isPending);
        ObjectNode reply = JSON.createObjectNode();
        if (order.isEmpty()) {
            ObjectNode reject = transaction("ORDER_CANCEL_REJECT", JSON.createObjectNode());
            reject.put("orderID", specifier).put("rejectReason", "ORDER_DOESNT_EXIST");
            reply.set("orderCancelRejectTransaction", reject);
            reply.put("lastTransactionID", lastTransactionId()).put("errorCode", "ORDER_DOESNT_EXIST")
                    .put("errorMessage", "The Order specified does not exist");
            return new Reply(404, reply.toString());
        }
        reply.set("orderCancelTransaction", cancelled(order.get(), "CLIENT_REQUEST"));
        reply.put("lastTransactionID", lastTransactionId());
        return ok(reply);
    }

    private Reply closePosition(String instrument, JsonNode request) {
        Holding holding = positions.get(instrument);
        boolean closeLong = "ALL".equals(request.path("longUnits").asText());
        if (holding == null || (holding.units.signum() > 0) != closeLong) {
            return error(400, "CLOSEOUT_POSITION_DOESNT_EXIST", "The Position requested to be closed out does not"
                    + " exist");
        }
        ObjectNode order = JSON.createObjectNode();
        order.put("type", "MARKET").put("instrument", instrument).put("units", holding.units.negate().toPlainString())
                .put("timeInForce", "FOK").put("positionFill", "REDUCE_ONLY");
        order.set("clientExtensions", request.path(closeLong ? "longClientExtensions" : "shortClientExtensions"));
        ObjectNode created = transaction("MARKET_ORDER", order);
        created.put("reason", "POSITION_CLOSEOUT");
        Order closing = new Order(created.get("id").asText(), "MARKET", instrument, holding.units.negate(), order);
        orders.put(closing.id, closing);
        ObjectNode reply = JSON.createObjectNode();
        String side = closeLong ? "long" : "short";
        reply.set(side + "OrderCreateTransaction", created);
        reply.set(side + "OrderFillTransaction", fill(closing, "MARKET_ORDER_POSITION_CLOSEOUT"));
        reply.put("lastTransactionID", lastTransactionId());
        return ok(reply);
    }

    private ObjectNode fill(Order order, String reason) {
        BigDecimal price = order.units.signum() > 0 ? ask(order.instrument) : bid(order.instrument);
        ObjectNode fill = transaction("ORDER_FILL", JSON.createObjectNode());
        String id = fill.get("id").asText();
        BigDecimal pl = position(order, price, id, fill);
        fill.put("orderID", order.id);
        if (order.clientId != null) {
            fill.put("clientOrderID", order.clientId);
        }
        fill.put("instrument", order.instrument).put("units", order.units.toPlainString())
                .put("requestedUnits", order.units.toPlainString()).put("price", price(order.instrument, price))
                .put("fullVWAP", price(order.instrument, price)).put("pl", money(pl)).put("financing", "0.0000")
                .put("commission", "0.0000").put("accountBalance", money(balance))
                .put("halfSpreadCost", "0.0000").put("reason", reason != null ? reason : order.type + "_ORDER");
        ObjectNode fullPrice = fill.putObject("fullPrice");
        fullPrice.put("closeoutBid", price(order.instrument, bid(order.instrument)))
                .put("closeoutAsk", price(order.instrument, ask(order.instrument)))
                .put("timestamp", now());
        fullPrice.putArray("bids").addObject().put("price", price(order.instrument, bid(order.instrument)))
                .put("liquidity", "1000000");
        fullPrice.putArray("asks").addObject().put("price", price(order.instrument, ask(order.instrument)))
                .put("liquidity", "1000000");
        order.state = "FILLED";
        order.closingTransactionId = id;
        order.closedTime = fill.get("time").asText();
        for (String dependent : List.of("takeProfitOnFill", "stopLossOnFill", "trailingStopLossOnFill")) {
            if (order.request.has(dependent)) {
                onFill(dependent, order, id);
            }
        }
        return fill;
    }

    /** Moves the position by a fill; returns the realized profit or loss, which moves the balance. */
    private BigDecimal position(Order order, BigDecimal price, String fillId, ObjectNode fill) {
        Holding holding = positions.computeIfAbsent(order.instrument, key -> new Holding(fillId));
        BigDecimal pl = BigDecimal.ZERO;
        if (holding.units.signum() == 0 || holding.units.signum() == order.units.signum()) {
            BigDecimal cost = holding.average.multiply(holding.units.abs()).add(price.multiply(order.units.abs()));
            holding.units = holding.units.add(order.units);
            holding.average = cost.divide(holding.units.abs(), 10, RoundingMode.HALF_EVEN);
            ObjectNode opened = fill.putObject("tradeOpened");
            opened.put("tradeID", fillId).put("units", order.units.toPlainString())
                    .put("price", price(order.instrument, price)).put("initialMarginRequired", "0.0000");
            if (order.request.has("tradeClientExtensions")) {
                opened.set("clientExtensions", order.request.get("tradeClientExtensions"));
            }
            ObjectNode trade = JSON.createObjectNode().put("id", fillId).put("instrument", order.instrument)
                    .put("price", price(order.instrument, price)).put("openTime", now()).put("state", "OPEN")
                    .put("initialUnits", order.units.toPlainString()).put("currentUnits", order.units.toPlainString());
            if (order.request.has("tradeClientExtensions")) {
                trade.set("clientExtensions", order.request.get("tradeClientExtensions"));
            }
            trades.put(fillId, trade);
        } else {
            BigDecimal closed = order.units.abs().min(holding.units.abs());
            pl = price.subtract(holding.average).multiply(closed).multiply(BigDecimal.valueOf(holding.units.signum()))
                    .setScale(4, RoundingMode.HALF_EVEN);
            holding.units = holding.units.add(order.units);
            holding.realized = holding.realized.add(pl);
            fill.putObject("tradeReduced").put("tradeID", holding.tradeId)
                    .put("units", closed.multiply(BigDecimal.valueOf(order.units.signum())).toPlainString())
                    .put("price", price(order.instrument, price)).put("realizedPL", money(pl));
            if (holding.units.signum() != 0 && holding.units.signum() == order.units.signum()) {
                holding.average = price;   // crossed through zero: the rest opens at the fill price
            }
        }
        if (holding.units.signum() == 0) {
            positions.remove(order.instrument);
        }
        balance = balance.add(pl);
        realized = realized.add(pl);
        return pl;
    }

    private void onFill(String dependent, Order order, String fillId) {
        String type = switch (dependent) {
            case "takeProfitOnFill" -> "TAKE_PROFIT";
            case "stopLossOnFill" -> "STOP_LOSS";
            default -> "TRAILING_STOP_LOSS";
        };
        ObjectNode created = transaction(type + "_ORDER", JSON.createObjectNode());
        JsonNode details = order.request.get(dependent);
        created.put("tradeID", fillId).put("timeInForce", details.path("timeInForce").asText("GTC"))
                .put("triggerCondition", "DEFAULT").put("reason", "ON_FILL").put("orderFillTransactionID", fillId);
        details.properties().forEach(field -> created.set(field.getKey(), field.getValue()));
        if (order.clientId != null) {
            created.put("clientTradeID", order.clientId);
        }
        Order attached = new Order(created.get("id").asText(), type, order.instrument, order.units.negate(), created);
        orders.put(attached.id, attached);
    }

    /** A take-profit or stop-loss filled: the trade is closed, so the orders attached to it are cancelled. */
    private void closeLinked(Order filled) {
        String tradeId = filled.request.path("tradeID").asText();
        for (Order other : List.copyOf(orders.values())) {
            if (other != filled && other.isPending() && other.attached()
                    && tradeId.equals(other.request.path("tradeID").asText())) {
                cancelled(other, "LINKED_TRADE_CLOSED");
            }
        }
    }

    private ObjectNode cancelled(Order order, String reason) {
        ObjectNode cancel = transaction("ORDER_CANCEL", JSON.createObjectNode());
        cancel.put("orderID", order.id);
        if (order.clientId != null) {
            cancel.put("clientOrderID", order.clientId);
        }
        cancel.put("reason", reason);
        order.state = "CANCELLED";
        order.closingTransactionId = cancel.get("id").asText();
        order.closedTime = cancel.get("time").asText();
        return cancel;
    }

    /** A new transaction of {@code type}: the common fields, then the request's own fields. */
    private ObjectNode transaction(String type, JsonNode request) {
        ObjectNode transaction = JSON.createObjectNode();
        String id = Long.toString(++lastId);
        transaction.put("id", id).put("accountID", accountId).put("userID", USER).put("batchID", id)
                .put("requestID", "6129242490" + id).put("time", now()).put("type", type);
        request.properties().forEach(field -> {
            if (!field.getKey().equals("type")) {
                transaction.set(field.getKey(), field.getValue());
            }
        });
        transactions.add(transaction);
        return transaction;
    }

    // --- rules ---

    private boolean reached(Order order) {
        BigDecimal limit = new BigDecimal(order.request.path("price").asText("0"));
        boolean buy = order.units.signum() > 0;
        BigDecimal market = buy ? ask(order.instrument) : bid(order.instrument);
        return switch (order.type) {
            case "LIMIT", "TAKE_PROFIT" -> buy ? market.compareTo(limit) <= 0 : market.compareTo(limit) >= 0;
            case "STOP", "STOP_LOSS" -> buy ? market.compareTo(limit) >= 0 : market.compareTo(limit) <= 0;
            default -> false;
        };
    }

    private boolean affordable(String instrument, BigDecimal units) {
        BigDecimal needed = units.abs().multiply(mids.get(instrument)).multiply(marginRate(instrument));
        JsonNode account = summary().get("account");
        return needed.compareTo(new BigDecimal(account.get("marginAvailable").asText())) <= 0;
    }

    private BigDecimal marginRate(String instrument) {
        return new BigDecimal(instruments.get(instrument).get("marginRate").asText());
    }

    private BigDecimal ask(String instrument) {
        return mids.get(instrument).add(halfSpread(instrument));
    }

    private BigDecimal bid(String instrument) {
        return mids.get(instrument).subtract(halfSpread(instrument));
    }

    /** Half the spread: ten ticks either side of the mid (a pip on EUR_USD). */
    private BigDecimal halfSpread(String instrument) {
        return BigDecimal.TEN.movePointLeft(instruments.get(instrument).get("displayPrecision").asInt());
    }

    private Optional<Order> find(String specifier) {
        if (specifier.startsWith("@")) {
            String clientId = specifier.substring(1);
            return orders.values().stream().filter(o -> clientId.equals(o.clientId)).reduce((first, last) -> last);
        }
        return Optional.ofNullable(orders.get(specifier));
    }

    private String name(String instrument) {
        String wanted = instrument.replace("_", "");
        return instruments.keySet().stream().filter(n -> n.replace("_", "").equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the fake has no instrument " + instrument));
    }

    private String price(String instrument, BigDecimal price) {
        return price.setScale(instruments.get(instrument).get("displayPrecision").asInt(), RoundingMode.HALF_EVEN)
                .toPlainString();
    }

    private static String money(BigDecimal amount) {
        return amount.setScale(4, RoundingMode.HALF_EVEN).toPlainString();
    }

    private static String now() {
        return TIME.format(Instant.now());
    }

    private Reply ok(ObjectNode reply) {
        return new Reply(200, reply.toString());
    }

    private Reply error(int status, String code, String message) {
        ObjectNode reply = JSON.createObjectNode();
        if (code != null) {
            reply.put("errorCode", code);
        }
        reply.put("errorMessage", message);
        return new Reply(status, reply.toString());
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One order; orders attached to a trade name it and close it, entry orders carry instrument and units. */
    private static final class Order {
        final String id;
        final String type;
        final String instrument;
        final BigDecimal units;
        final JsonNode request;
        final String clientId;
        final String createTime = now();
        String state = "PENDING";
        String closingTransactionId;
        String closedTime;

        Order(String id, String type, String instrument, BigDecimal units, JsonNode request) {
            this.id = id;
            this.type = type;
            this.instrument = instrument;
            this.units = units;
            this.request = request;
            this.clientId = request.path("clientExtensions").path("id").asText(null);
        }

        boolean isPending() {
            return state.equals("PENDING");
        }

        /** Whether it is attached to a trade (take-profit, stop-loss, trailing stop) rather than an entry. */
        boolean attached() {
            return request.has("tradeID");
        }

        ObjectNode json() {
            ObjectNode order = JSON.createObjectNode();
            order.put("id", id).put("createTime", createTime).put("state", state).put("type", type);
            if (!attached()) {
                order.put("instrument", instrument).put("units", units.toPlainString());
            }
            request.properties().forEach(field -> {
                if (!order.has(field.getKey()) && !field.getKey().equals("accountID") && !field.getKey().equals("time")
                        && !field.getKey().equals("userID") && !field.getKey().equals("batchID")
                        && !field.getKey().equals("requestID")) {
                    order.set(field.getKey(), field.getValue());
                }
            });
            if (state.equals("FILLED")) {
                order.put("fillingTransactionID", closingTransactionId).put("filledTime", closedTime);
            } else if (state.equals("CANCELLED")) {
                order.put("cancellingTransactionID", closingTransactionId).put("cancelledTime", closedTime);
            }
            return order;
        }
    }

    /** A netted position. */
    private static final class Holding {
        final String tradeId;
        BigDecimal units = BigDecimal.ZERO;
        BigDecimal average = BigDecimal.ZERO;
        BigDecimal realized = BigDecimal.ZERO;

        Holding(String tradeId) {
            this.tradeId = tradeId;
        }
    }
}

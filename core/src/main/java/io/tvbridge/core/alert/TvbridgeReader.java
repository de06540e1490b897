package io.tvbridge.core.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * tvbridge's own message (JSON, loose JSON, form encoding or key=value lines, see
 * {@link AlertField} for the names), widened to the names home-made bridges give the same
 * things: the action as {@code order_action}, {@code signal}, {@code order}, {@code data} or
 * {@code direction} ({@code long}, {@code short}, {@code flat}; with an action, {@code sell}
 * and {@code flat} closes the long), the symbol as {@code tv_instrument} or {@code market},
 * the size as {@code size} or {@code amount} ({@code @0.5} units, {@code $20} money, {@code %50}
 * of the position for exits), TradingView's strategy placeholders nested in a
 * {@code strategy} or {@code data} object ({@code order_action}, {@code order_contracts},
 * {@code order_price}), and {@code sl-offset} / {@code tp-offset} price distances from the
 * price. The thibaultyou processor's {@code stub} messages are read by its rule: {@code size}
 * {@code 50} is money, {@code 5%} a percent of what is available, and of the position for a
 * close. Several take-profit targets come as tvbridge's {@code take_profits} list
 * ({@link TakeProfitReader}) or numbered, as indicators and Pine scripts print them: Infinity
 * Algo's key=value lines {@code TP1=45700.00} to {@code TP6=47950.00} with {@code SL=} (no
 * shares: each target closes an equal part), or the breaker script's JSON {@code "tp1"},
 * {@code "tp2"} with {@code "tp1_pct": 50} (half at the first target, the rest at the second);
 * that script names the coin alone as {@code asset}, read as the symbol. Refused with the
 * reason: numbered targets beside {@code take_profit}, a share without its target, a size in
 * money with leverage (collateral or position?), a bare percent whose base is not named, a
 * {@code close} price with no other price (a limit at some bridges, a reference at others),
 * several accounts, and contract months given apart from the symbol.
 */
final class TvbridgeReader implements DialectReader {
    /** {@code tp1}, {@code TP2}, {@code take_profit_3} once names are matched without case or separators. */
    private static final Pattern NUMBERED_TARGET = Pattern.compile("(?:tp|takeprofit)([0-9]{1,2})");
    /** {@code tp1_pct}, {@code tp1_percent}: the share target 1 closes. */
    private static final Pattern NUMBERED_SHARE = Pattern.compile("(?:tp|takeprofit)([0-9]{1,2})(?:pct|percent)");
    private static final Pattern SYMBOL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._!/-]*");
    private static final List<String> NESTED = List.of("strategy", "data");

    @Override
    public AlertDialect dialect() {
        return AlertDialect.TVBRIDGE;
    }

    @Override
    public boolean recognises(AlertMessage message) {
        return true;
    }

    @Override
    public List<TranslatedAlert> translate(AlertMessage message) throws AlertProblem {
        if (message.json().isPresent() && !message.json().get().isObject()) {
            throw AlertProblem.malformed("the body must be a JSON object ({\"symbol\": ...}), not "
                    + message.json().get().getNodeType().name().toLowerCase(Locale.ROOT));
        }
        AlertBody body = AlertBody.read(message);
        TranslatedAlert alert = new TranslatedAlert().putAll(body);
        Optional<JsonFields> json = JsonFields.of(message);
        if (json.isEmpty()) {
            json = Optional.of(JsonFields.of(pairsAsJson(message.text())));
        }
        JsonFields fields = json.get();
        refuseWhatIsNotRead(fields, alert);
        for (String name : NESTED) {
            Optional<JsonFields> nested = fields.object(name);
            if (nested.isPresent()) {
                alert.remove(AlertField.STRATEGY);
                nestedOrder(alert, nested.get());
            }
        }
        alias(alert, fields, AlertField.ACTION, "order_action", "strategy.order.action", "signal", "order", "data");
        alias(alert, fields, AlertField.QUANTITY, "strategy.order.contracts");
        alias(alert, fields, AlertField.PRICE, "strategy.order.price");
        alias(alert, fields, AlertField.SYMBOL, "tv_instrument", "instrument", "asset");
        alias(alert, fields, AlertField.EXCHANGE, "tv_exchange");
        fields.text("market").filter(m -> !alert.has(AlertField.SYMBOL) && SYMBOL.matcher(m).matches()
                && !List.of("market", "limit", "true", "false").contains(m.toLowerCase(Locale.ROOT)))
                .ifPresent(m -> alert.put(AlertField.SYMBOL, "market", m));
        direction(alert, fields);
        size(alert, fields);
        offsets(alert, fields);
        numberedTargets(alert, fields);
        return List.of(alert);
    }

    private static void refuseWhatIsNotRead(JsonFields fields, TranslatedAlert alert) throws AlertProblem {
        if (fields.has("multiple_accounts")) {
            throw AlertProblem.invalid("multiple_accounts", "the alert sizes orders for several accounts;"
                    + " tvbridge trades one: remove \"multiple_accounts\"");
        }
        if (fields.hasAny("lastTradeDateOrContractMonth", "contract_month", "expiry")) {
            throw AlertProblem.invalid("lastTradeDateOrContractMonth", "a contract month given apart from the symbol"
                    + " is not read: name the contract in the symbol (ESH2024) or use the continuous symbol (ES1!)");
        }
        if (fields.has("close") && !alert.has(AlertField.PRICE) && !alert.has(AlertField.LIMIT_PRICE)
                && fields.text("close").filter(c -> c.matches("[0-9.]+")).isPresent()) {
            throw AlertProblem.invalid("close", "\"close\" is a limit price to some bridges and a reference price"
                    + " to others: write \"price\" for a market order's reference, or \"order_type\": \"limit\" with"
                    + " \"limit_price\"");
        }
    }

    /** TradingView's strategy placeholders in a nested object: {"strategy": {"order_action": "buy", ...}}. */
    private static void nestedOrder(TranslatedAlert alert, JsonFields nested) {
        for (Map.Entry<String, Map.Entry<String, JsonNode>> member : nested.all().entrySet()) {
            String name = member.getKey().startsWith("strategy") ? member.getKey().substring("strategy".length())
                    : member.getKey();
            Optional<AlertField> field = switch (name) {
                case "orderaction" -> Optional.of(AlertField.ACTION);
                case "ordercontracts" -> Optional.of(AlertField.QUANTITY);
                case "orderprice" -> Optional.of(AlertField.PRICE);
                case "ticker", "symbol" -> Optional.of(AlertField.SYMBOL);
                case "comment" -> Optional.of(AlertField.COMMENT);
                case "slOffset", "sloffset", "tpoffset" -> Optional.empty();
                default -> Optional.empty();
            };
            if (field.isPresent() && !alert.has(field.get()) && member.getValue().getValue().isValueNode()) {
                alert.put(field.get(), member.getValue());
            }
        }
    }

    private static void alias(TranslatedAlert alert, JsonFields fields, AlertField field, String... names) {
        if (!alert.has(field)) {
            fields.member(names).filter(m -> m.getValue().isValueNode()).ifPresent(m -> alert.put(field, m));
        }
    }

    /** {@code direction}: alone, the action; with an action, where the position ends. */
    private static void direction(TranslatedAlert alert, JsonFields fields) throws AlertProblem {
        Optional<String> direction = fields.text("direction").map(d -> d.toLowerCase(Locale.ROOT));
        if (direction.isEmpty()) {
            return;
        }
        Optional<String> action = alert.text(AlertField.ACTION).map(a -> a.toLowerCase(Locale.ROOT));
        if (action.isEmpty()) {
            alert.put(AlertField.ACTION, "direction", direction.get());
            return;
        }
        String read = switch (action.get() + "+" + direction.get()) {
            case "buy+long", "sell+short" -> action.get();
            case "sell+flat" -> "close_long";
            case "buy+flat" -> "close_short";
            default -> throw AlertProblem.invalid("direction", "action '" + action.get() + "' with direction '"
                    + direction.get() + "' contradicts itself or is not read: give one of them");
        };
        alert.put(AlertField.ACTION, "action", read);
    }

    /** {@code size} / {@code amount} when no quantity is given, with the unit its prefix or suffix names. */
    private static void size(TranslatedAlert alert, JsonFields fields) throws AlertProblem {
        percentSign(alert);
        boolean stub = fields.has("stub");
        if (!alert.has(AlertField.QUANTITY)) {
            Optional<Map.Entry<String, JsonNode>> member = fields.member("size", "amount", "order_contracts");
            if (member.isPresent() && member.get().getValue().isValueNode()) {
                String key = member.get().getKey();
                String text = member.get().getValue().asText().strip();
                boolean exit = alert.text(AlertField.ACTION).map(a -> AlertAction.parse(a)
                        .map(AlertAction::isExit).orElse(false)).orElse(false);
                if (text.startsWith("@")) {
                    alert.put(AlertField.QUANTITY, key, text.substring(1));
                } else if (text.startsWith("$")) {
                    alert.put(AlertField.QUANTITY, key, text.substring(1)).unit(QuantityUnit.MONEY);
                } else if (text.startsWith("%") && exit) {
                    alert.put(AlertField.QUANTITY, key, text.substring(1)).unit(QuantityUnit.PERCENT_POSITION);
                } else if (text.endsWith("%") && stub) {
                    alert.put(AlertField.QUANTITY, key, text.substring(0, text.length() - 1))
                            .unit(exit ? QuantityUnit.PERCENT_POSITION : QuantityUnit.PERCENT_AVAILABLE);
                } else if (text.contains("%")) {
                    throw AlertProblem.invalid(key, "'" + key + "': \"" + text + "\" is a percent of something the"
                            + " alert does not name: write \"quantity_unit\": \"percent_equity\" with a number, or a"
                            + " quantity in units");
                } else if (stub && !exit) {
                    alert.put(AlertField.QUANTITY, key, text).unit(QuantityUnit.MONEY);
                } else {
                    alert.put(AlertField.QUANTITY, key, text);
                }
            }
        }
        Optional<String> leverage = fields.text("leverage", "lev").filter(l -> !l.matches("1(\\.0*)?x?"));
        if (leverage.isPresent() && alert.unit() == QuantityUnit.MONEY) {
            throw AlertProblem.invalid("leverage", "a size in money with leverage " + leverage.get() + " may be the"
                    + " collateral or the position's value: give the position's value without leverage");
        }
    }

    /**
     * A quantity written with its percent sign ({@code "50%"}) beside a percent {@code quantity_unit}
     * is that number; without one, the percent of what is not said, and refused.
     */
    private static void percentSign(TranslatedAlert alert) throws AlertProblem {
        Optional<String> quantity = alert.text(AlertField.QUANTITY).filter(q -> q.endsWith("%"));
        if (quantity.isEmpty()) {
            return;
        }
        boolean percentUnit = alert.text(AlertField.QUANTITY_UNIT).flatMap(QuantityUnit::parse)
                .filter(QuantityUnit::isPercent).isPresent();
        if (!percentUnit) {
            throw AlertProblem.invalid("quantity", "the quantity \"" + quantity.get() + "\" is a percent of something"
                    + " the alert does not name: add \"quantity_unit\": \"percent_equity\" (or percent_available,"
                    + " percent_position), or give a quantity in units");
        }
        alert.put(AlertField.QUANTITY, alert.fields().get(AlertField.QUANTITY).key(),
                quantity.get().substring(0, quantity.get().length() - 1).strip());
    }

    /** {@code sl-offset} / {@code tp-offset}: price distances from the alert's price. */
    private static void offsets(TranslatedAlert alert, JsonFields fields) throws AlertProblem {
        JsonFields source = NESTED.stream().map(fields::object).flatMap(Optional::stream)
                .filter(n -> n.hasAny("sl-offset", "tp-offset")).findFirst().orElse(fields);
        if (!source.hasAny("sl-offset", "tp-offset")) {
            return;
        }
        boolean buys = alert.text(AlertField.ACTION).map(a -> AlertAction.parse(a).orElse(null) == AlertAction.BUY)
                .orElse(false);
        Optional<String> entry = alert.text(AlertField.LIMIT_PRICE).or(() -> alert.text(AlertField.PRICE));
        Optional<String> stop = source.text("sl-offset");
        if (stop.isPresent()) {
            alert.offset(AlertField.STOP_LOSS, "sl-offset", PriceOffset.parse(PriceOffset.Kind.AMOUNT, "sl-offset",
                    stop.get()), entry, !buys);
        }
        Optional<String> profit = source.text("tp-offset");
        if (profit.isPresent()) {
            alert.offset(AlertField.TAKE_PROFIT, "tp-offset", PriceOffset.parse(PriceOffset.Kind.AMOUNT, "tp-offset",
                    profit.get()), entry, buys);
        }
    }

    /**
     * {@code tp1}, {@code tp2}... with an optional share each ({@code tp1_pct}): written as
     * tvbridge's {@code take_profits}, in the targets' number order. Blank levels are skipped (a
     * script that computes fewer targets than it has fields).
     */
    private static void numberedTargets(TranslatedAlert alert, JsonFields fields) throws AlertProblem {
        Map<Integer, Map.Entry<String, JsonNode>> levels = numbered(fields, NUMBERED_TARGET);
        Map<Integer, Map.Entry<String, JsonNode>> shares = numbered(fields, NUMBERED_SHARE);
        for (Map.Entry<Integer, Map.Entry<String, JsonNode>> share : shares.entrySet()) {
            if (!levels.containsKey(share.getKey())) {
                throw AlertProblem.invalid(share.getValue().getKey(), "'" + share.getValue().getKey() + "' gives the"
                        + " share of take-profit target " + share.getKey() + ", which the alert does not give");
            }
        }
        if (levels.isEmpty()) {
            return;
        }
        String first = levels.values().iterator().next().getKey();
        if (alert.has(AlertField.TAKE_PROFIT) || alert.has(AlertField.TAKE_PROFITS)) {
            throw AlertProblem.invalid(first, "the alert gives take-profit targets ('" + first + "'...) and \""
                    + (alert.has(AlertField.TAKE_PROFIT) ? "take_profit" : "take_profits") + "\": keep one");
        }
        ArrayNode targets = JsonNodeFactory.instance.arrayNode();
        String last = first;
        for (Map.Entry<Integer, Map.Entry<String, JsonNode>> level : levels.entrySet()) {
            ObjectNode target = targets.addObject().put("price", text(level.getValue()));
            Optional.ofNullable(shares.get(level.getKey())).ifPresent(s -> target.put("share_percent", text(s)));
            last = level.getValue().getKey();
        }
        alert.put(AlertField.TAKE_PROFITS, Map.entry(levels.size() > 1 ? first + ".." + last : first, targets));
    }

    /** The members whose names {@code pattern} matches, by the number it captures; blank ones left out. */
    private static Map<Integer, Map.Entry<String, JsonNode>> numbered(JsonFields fields, Pattern pattern)
            throws AlertProblem {
        Map<Integer, Map.Entry<String, JsonNode>> numbered = new TreeMap<>();
        for (Map.Entry<String, Map.Entry<String, JsonNode>> member : fields.all().entrySet()) {
            Matcher matcher = pattern.matcher(member.getKey());
            if (matcher.matches() && !text(member.getValue()).isBlank()) {
                Map.Entry<String, JsonNode> earlier = numbered.put(Integer.parseInt(matcher.group(1)),
                        member.getValue());
                if (earlier != null) {
                    throw AlertProblem.invalid(member.getValue().getKey(), "'" + earlier.getKey() + "' and '"
                            + member.getValue().getKey() + "' both give take-profit target " + matcher.group(1));
                }
            }
        }
        return numbered;
    }

    private static String text(Map.Entry<String, JsonNode> member) {
        return AlertBody.value(member.getKey(), member.getValue()).text();
    }

    /** key=value lines as a flat JSON object, so that both are looked up the same way. */
    private static JsonNode pairsAsJson(String text) throws AlertProblem {
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        for (AlertBody.Value value : AlertBody.readPairs(text).values()) {
            object.put(value.key(), value.text());
        }
        return object;
    }
}

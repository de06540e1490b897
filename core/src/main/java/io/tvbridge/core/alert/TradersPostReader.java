package io.tvbridge.core.alert;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * TradersPost's JSON. {@code ticker} and {@code action} ({@code buy}, {@code sell}, {@code exit},
 * {@code cancel}, {@code add}); {@code sentiment} says where the position ends: {@code bullish}
 * (long), {@code bearish} (short) or {@code flat}. So {@code sell} with {@code flat} exits the
 * long and never opens a short, {@code buy} with {@code flat} exits the short, {@code sell} with
 * {@code bullish} trims the long. A {@code buy} ending {@code bullish} is a buy of its quantity,
 * netted against a short as every tvbridge buy is (TradersPost would cover the whole short first:
 * a strategy's {@code {{strategy.order.contracts}}} does both). {@code quantityType} gives the quantity's unit
 * ({@code fixed_quantity}, {@code dollar_amount}, {@code risk_dollar_amount},
 * {@code percent_of_equity}, {@code percent_of_position}); {@code orderType} with
 * {@code limitPrice} / {@code stopPrice}; {@code signalPrice} is the price when the alert fired;
 * {@code takeProfit} / {@code stopLoss} are objects holding a price ({@code limitPrice},
 * {@code stopPrice}) or a distance from the entry ({@code percent}, {@code amount}).
 *
 * <p>A trailing stop is {@code "orderType": "trailing_stop"} with its distance from the best
 * price since it was placed, as {@code trailAmount} (price units) or {@code trailPercent}, a
 * number or a numeric string, one of them. It goes with any action: {@code exit} trails the
 * whole position out, {@code buy} / {@code sell} trail in or out by their quantity.
 * {@code signalPrice} stays the price the alert saw (what the order is valued at), never the
 * stop: that follows the market.
 *
 * <p>{@code cancel} cancels the symbol's working orders, or with {@code cancelOrderType} only
 * those of one kind ({@code limit}, {@code stop}...), and trades nothing.
 *
 * <p>Not read, and refused with the reason: {@code add} (it depends on the position at the
 * sender), a {@code stopLoss} of {@code "type": "trailing_stop"} (a bracket's stop-loss is a
 * fixed stop order), stop-limit stop-losses.
 */
final class TradersPostReader implements DialectReader {
    /**
     * Keys no other sender uses. Not {@code trailAmount} / {@code trailPercent}: names match without
     * regard to case or {@code _}, so they are tvbridge's own {@code trail_amount} / {@code trail_percent},
     * which tvbridge's reader reads to the same trailing stop.
     */
    private static final List<String> DISTINCT = List.of("sentiment", "quantityType", "signalPrice");
    /** TradersPost's name for a field tvbridge has too: it marks TradersPost only as TradersPost spells it. */
    private static final String CANCEL_ORDER_TYPE = "cancelOrderType";

    @Override
    public AlertDialect dialect() {
        return AlertDialect.TRADERSPOST;
    }

    @Override
    public boolean recognises(AlertMessage message) {
        return JsonFields.of(message).map(json -> DISTINCT.stream().anyMatch(json::has)
                || json.member(CANCEL_ORDER_TYPE).filter(m -> m.getKey().equals(CANCEL_ORDER_TYPE)).isPresent()
                || json.object("takeProfit").isPresent() || json.object("stopLoss").isPresent()).orElse(false);
    }

    @Override
    public List<TranslatedAlert> translate(AlertMessage message) throws AlertProblem {
        JsonFields json = JsonFields.of(message).orElseThrow();
        TranslatedAlert alert = new TranslatedAlert();
        alert.copy(json, AlertField.SYMBOL, "ticker", "symbol");
        alert.copy(json, AlertField.SECRET, "secret", "passphrase");
        alert.copy(json, AlertField.TIME, "time", "timestamp");
        alert.copy(json, AlertField.ALERT_ID, "id", "alert_id");
        alert.copy(json, AlertField.STRATEGY, "strategy");
        alert.copy(json, AlertField.OUTSIDE_RTH, "extendedHours");
        String action = json.text("action").orElseThrow(() -> AlertProblem.invalid("action",
                "the action is missing: TradersPost alerts say \"action\": \"buy\", \"sell\" or \"exit\""))
                .toLowerCase(Locale.ROOT);
        Optional<String> sentiment = json.text("sentiment").map(s -> s.toLowerCase(Locale.ROOT));
        String tvbridgeAction = action(action, sentiment);
        alert.put(AlertField.ACTION, "action " + action + sentiment.map(word -> ", sentiment " + word).orElse(""),
                tvbridgeAction);
        if (tvbridgeAction.equals("cancel")) {
            alert.copy(json, AlertField.CANCEL_ORDER_TYPE, CANCEL_ORDER_TYPE);
            alert.copy(json, AlertField.PRICE, "signalPrice", "price");
            alert.copy(json, AlertField.QUANTITY, "quantity");
            alert.copy(json, AlertField.LIMIT_PRICE, "limitPrice");
            alert.copy(json, AlertField.STOP_PRICE, "stopPrice");
            return List.of(alert);
        }
        boolean buys = tvbridgeAction.equals("buy") || tvbridgeAction.equals("close_short");
        quantity(alert, json, tvbridgeAction);
        alert.copy(json, AlertField.ORDER_TYPE, "orderType");
        alert.copy(json, AlertField.LIMIT_PRICE, "limitPrice");
        alert.copy(json, AlertField.STOP_PRICE, "stopPrice");
        alert.copy(json, AlertField.TRAIL_AMOUNT, "trailAmount");
        alert.copy(json, AlertField.TRAIL_PERCENT, "trailPercent");
        alert.copy(json, AlertField.PRICE, "signalPrice", "price");
        Optional<String> entry = json.text("limitPrice").or(() -> json.text("signalPrice")).or(() -> json.text("price"));
        Optional<JsonFields> takeProfit = leg(json, "takeProfit");
        Optional<JsonFields> stopLoss = leg(json, "stopLoss");
        if ((takeProfit.isPresent() || stopLoss.isPresent()) && !tvbridgeAction.equals("buy")
                && !tvbridgeAction.equals("sell")) {
            throw AlertProblem.invalid("takeProfit", "a take-profit or stop-loss goes with an entry (buy or sell"
                    + " that opens a position), not with " + tvbridgeAction);
        }
        if (takeProfit.isPresent()) {
            level(alert, takeProfit.get(), "takeProfit", AlertField.TAKE_PROFIT, "limitPrice", entry, buys);
        }
        if (stopLoss.isPresent()) {
            String type = stopLoss.get().text("type").orElse("stop").toLowerCase(Locale.ROOT);
            if (type.equals("trailing_stop")) {
                // a bracket's stop-loss is stored and sent as a child STOP order of its own (StoredOrder.bracketChild)
                throw AlertProblem.invalid("stopLoss", "a trailing stop-loss attached to an entry is not placed:"
                        + " a bracket's stop-loss is a fixed stop; give it a \"stopPrice\", or trail the position"
                        + " out with an alert of its own (\"action\": \"exit\", \"orderType\": \"trailing_stop\")");
            }
            if (!type.equals("stop")) {
                throw AlertProblem.invalid("stopLoss", "a stop-loss of type '" + type + "' is not read yet: tvbridge"
                        + " places a stop order (\"type\": \"stop\") at the stop-loss");
            }
            level(alert, stopLoss.get(), "stopLoss", AlertField.STOP_LOSS, "stopPrice", entry, !buys);
        }
        return List.of(alert);
    }

    /** tvbridge's action for TradersPost's action and sentiment; refuses what contradicts itself. */
    static String action(String action, Optional<String> sentiment) throws AlertProblem {
        if (action.equals("cancel")) {
            if (sentiment.isPresent()) {
                throw AlertProblem.invalid("sentiment", "\"cancel\" with a sentiment contradicts itself: a cancel"
                        + " leaves the position as it is; remove the sentiment");
            }
            return "cancel";
        }
        if (action.equals("add")) {
            throw AlertProblem.invalid("action", "\"action\": \"add\" adds to whichever side is open at"
                    + " TradersPost: write \"buy\" (add to a long) or \"sell\" (add to a short)");
        }
        if (action.equals("exit")) {
            if (sentiment.isPresent() && !sentiment.get().equals("flat")) {
                throw AlertProblem.invalid("sentiment", "\"exit\" with sentiment '" + sentiment.get()
                        + "' contradicts itself: an exit ends flat; remove the sentiment");
            }
            return "close";
        }
        if (!action.equals("buy") && !action.equals("sell")) {
            throw AlertProblem.invalid("action", "unknown TradersPost action '" + action
                    + "': use buy, sell, exit");
        }
        boolean buy = action.equals("buy");
        if (sentiment.isEmpty()) {
            return action;
        }
        return switch (sentiment.get()) {
            case "flat" -> buy ? "close_short" : "close_long";
            case "bullish", "long" -> buy ? "buy" : "close_long";
            case "bearish", "short" -> buy ? "close_short" : "sell";
            default -> throw AlertProblem.invalid("sentiment", "unknown sentiment '" + sentiment.get()
                    + "': use bullish, bearish or flat");
        };
    }

    private static void quantity(TranslatedAlert alert, JsonFields json, String action) throws AlertProblem {
        Optional<Map.Entry<String, JsonNode>> quantity = json.member("quantity");
        if (quantity.isEmpty()) {
            if (json.has("quantityType")) {
                throw AlertProblem.invalid("quantity", "\"quantityType\" is given without \"quantity\"");
            }
            return;
        }
        alert.put(AlertField.QUANTITY, quantity.get());
        String type = json.text("quantityType").orElse("fixed_quantity").toLowerCase(Locale.ROOT);
        QuantityUnit unit = switch (type) {
            case "fixed_quantity" -> QuantityUnit.UNITS;
            case "dollar_amount" -> QuantityUnit.MONEY;
            case "risk_dollar_amount" -> QuantityUnit.RISK_MONEY;
            case "risk_percent" -> QuantityUnit.RISK_PERCENT;
            case "percent_of_equity" -> QuantityUnit.PERCENT_EQUITY;
            case "percent_of_position" -> QuantityUnit.PERCENT_POSITION;
            default -> throw AlertProblem.invalid("quantityType", "unknown quantityType '" + type + "': use"
                    + " fixed_quantity, dollar_amount, risk_dollar_amount, percent_of_equity or percent_of_position");
        };
        boolean exit = action.startsWith("close");
        if (unit == QuantityUnit.PERCENT_POSITION && !exit) {
            throw AlertProblem.invalid("quantityType", "percent_of_position sizes an exit; a " + action
                    + " that opens a position needs another quantityType");
        }
        alert.unit(unit);
    }

    private static Optional<JsonFields> leg(JsonFields json, String name) throws AlertProblem {
        Optional<Map.Entry<String, JsonNode>> member = json.member(name);
        if (member.isPresent() && !member.get().getValue().isObject()) {
            throw AlertProblem.invalid(name, "'" + name + "' must be an object such as {\"percent\": 5} or"
                    + " {\"" + (name.equals("takeProfit") ? "limitPrice" : "stopPrice") + "\": 123.4}");
        }
        return json.object(name);
    }

    private static void level(TranslatedAlert alert, JsonFields leg, String name, AlertField field, String priceKey,
                              Optional<String> entry, boolean above) throws AlertProblem {
        Optional<String> price = leg.text(priceKey);
        Optional<String> percent = leg.text("percent");
        Optional<String> amount = leg.text("amount");
        int given = (price.isPresent() ? 1 : 0) + (percent.isPresent() ? 1 : 0) + (amount.isPresent() ? 1 : 0);
        if (given != 1) {
            throw AlertProblem.invalid(name, "'" + name + "' needs exactly one of " + priceKey + ", percent or amount");
        }
        if (price.isPresent()) {
            alert.put(field, name + "." + priceKey, price.get());
        } else if (percent.isPresent()) {
            alert.offset(field, name + ".percent", PriceOffset.parse(PriceOffset.Kind.PERCENT, name + ".percent",
                    percent.get()), entry, above);
        } else {
            alert.offset(field, name + ".amount", PriceOffset.parse(PriceOffset.Kind.AMOUNT, name + ".amount",
                    amount.get()), entry, above);
        }
    }
}

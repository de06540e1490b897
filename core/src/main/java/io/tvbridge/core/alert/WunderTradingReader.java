package io.tvbridge.core.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * WunderTrading's signal bot JSON: {@code code} names the step ({@code Enter-Long},
 * {@code Enter-Short}, {@code Exit-Long}, {@code Exit-Short}, {@code Exit-All}), {@code orderType},
 * {@code amountPerTradeType} with {@code amountPerTrade} ({@code quote}: money, {@code base}:
 * units, {@code percents}: a percent of the available balance), {@code takeProfits}, {@code stopLoss}
 * with {@code priceDeviation}, {@code reduceOnly}. {@code takeProfits} is a ladder of steps, each
 * {@code {"priceDeviation": 0.01, "portfolio": 0.25}}: a target 1% from the entry that closes 25%
 * of the position (WunderTrading writes both as fractions); it becomes tvbridge's
 * {@code take_profits}, one bracket per step. Deviations are measured from the message's
 * {@code limitPrice} or {@code price}, so a ladder or stop without either is refused. The pair lives
 * in the WunderTrading bot, so a message without {@code symbol} / {@code pair} is refused with the
 * field to add.
 */
final class WunderTradingReader implements DialectReader {
    @Override
    public AlertDialect dialect() {
        return AlertDialect.WUNDERTRADING;
    }

    @Override
    public boolean recognises(AlertMessage message) {
        // not by takeProfits alone: names match without case or separators, so it is tvbridge's take_profits too
        return JsonFields.of(message).map(json -> json.hasAny("amountPerTradeType", "amountPerTrade",
                "placeConditionalOrdersOnExchange") || json.text("code").filter(c -> c.matches("(?i)(enter|exit)-.*"))
                .isPresent()).orElse(false);
    }

    @Override
    public List<TranslatedAlert> translate(AlertMessage message) throws AlertProblem {
        JsonFields json = JsonFields.of(message).orElseThrow();
        TranslatedAlert alert = new TranslatedAlert();
        String code = json.text("code").orElseThrow(() -> AlertProblem.invalid("code",
                "the code is missing: WunderTrading alerts say \"code\": \"Enter-Long\", \"Exit-Long\"..."))
                .toLowerCase(Locale.ROOT);
        String action = switch (code) {
            case "enter-long" -> "buy";
            case "enter-short" -> "sell";
            case "exit-long" -> "close_long";
            case "exit-short" -> "close_short";
            case "exit-all" -> "close";
            default -> throw AlertProblem.invalid("code", "the code '" + code + "' is the name of a step in a"
                    + " WunderTrading bot; tvbridge reads Enter-Long, Enter-Short, Exit-Long, Exit-Short, Exit-All");
        };
        alert.put(AlertField.ACTION, "code", action);
        alert.copy(json, AlertField.SYMBOL, "symbol", "pair", "ticker");
        if (!alert.has(AlertField.SYMBOL)) {
            throw AlertProblem.invalid("symbol", "the message names no pair: WunderTrading takes it from the bot;"
                    + " add \"symbol\": \"{{ticker}}\"");
        }
        alert.copy(json, AlertField.SECRET, "secret");
        alert.copy(json, AlertField.ORDER_TYPE, "orderType");
        alert.copy(json, AlertField.PRICE, "price");
        alert.copy(json, AlertField.LIMIT_PRICE, "limitPrice");
        Optional<Map.Entry<String, JsonNode>> amount = json.member("amountPerTrade");
        if (amount.isPresent()) {
            alert.put(AlertField.QUANTITY, amount.get());
            String type = json.text("amountPerTradeType").orElse("quote").toLowerCase(Locale.ROOT);
            alert.unit(switch (type) {
                case "quote" -> QuantityUnit.MONEY;
                case "base", "contracts" -> QuantityUnit.UNITS;
                case "percents" -> QuantityUnit.PERCENT_AVAILABLE;
                default -> throw AlertProblem.invalid("amountPerTradeType", "amountPerTradeType '" + type
                        + "' is not read: use quote, base or percents");
            });
        }
        Optional<Map.Entry<String, JsonNode>> takeProfits = json.member("takeProfits");
        if (takeProfits.isPresent()) {
            alert.put(AlertField.TAKE_PROFITS, Map.entry(takeProfits.get().getKey(), steps(takeProfits.get())));
        }
        Optional<JsonFields> stopLoss = json.object("stopLoss");
        if (stopLoss.isPresent()) {
            String deviation = stopLoss.get().text("priceDeviation").orElseThrow(() -> AlertProblem.invalid(
                    "stopLoss", "stopLoss needs \"priceDeviation\""));
            Optional<String> entry = json.text("limitPrice").or(() -> json.text("price"));
            alert.offset(AlertField.STOP_LOSS, "stopLoss.priceDeviation", new PriceOffset(PriceOffset.Kind.PERCENT,
                    percent(deviation, "stopLoss.priceDeviation")), entry, !action.equals("buy"));
        }
        return List.of(alert);
    }

    /**
     * The take-profit steps as tvbridge's {@code take_profits}: each step's {@code priceDeviation}
     * a percent from the entry, its {@code portfolio} the share of the position it closes.
     */
    private static ArrayNode steps(Map.Entry<String, JsonNode> takeProfits) throws AlertProblem {
        JsonNode steps = takeProfits.getValue();
        if (!steps.isArray()) {
            throw AlertProblem.invalid(takeProfits.getKey(), "'" + takeProfits.getKey() + "' must be a list of steps"
                    + " such as [{\"priceDeviation\": 0.01, \"portfolio\": 0.5}]");
        }
        ArrayNode targets = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < steps.size(); i++) {
            String name = takeProfits.getKey() + "[" + i + "]";
            JsonFields step = JsonFields.of(steps.get(i));
            String deviation = step.text("priceDeviation").orElseThrow(() -> AlertProblem.invalid(name,
                    name + " needs \"priceDeviation\""));
            ObjectNode target = targets.addObject().put("percent",
                    percent(deviation, name + ".priceDeviation").toPlainString());
            Optional<String> portfolio = step.text("portfolio");
            if (portfolio.isPresent()) {
                target.put("share_percent", percent(portfolio.get(), name + ".portfolio").toPlainString());
            }
        }
        return targets;
    }

    /** WunderTrading writes percents as fractions: a deviation of 0.01 is 1%, a portfolio of 0.25 is 25%. */
    private static BigDecimal percent(String fraction, String key) throws AlertProblem {
        return PriceOffset.parse(PriceOffset.Kind.PERCENT, key, fraction).value().movePointRight(2);
    }
}

package io.tvbridge.core.alert;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * WunderTrading's signal bot JSON: {@code code} names the step ({@code Enter-Long},
 * {@code Enter-Short}, {@code Exit-Long}, {@code Exit-Short}, {@code Exit-All}), {@code orderType},
 * {@code amountPerTradeType} with {@code amountPerTrade} ({@code quote}: money, {@code base}:
 * units, {@code percents}: a percent of the available balance), {@code takeProfits} (a list of
 * price deviations, each closing a share of the position), {@code stopLoss} with
 * {@code priceDeviation}, {@code reduceOnly}. The pair lives in the WunderTrading bot, so a
 * message without {@code symbol} / {@code pair} is refused with the field to add; so are
 * several take-profit steps, which tvbridge does not place.
 */
final class WunderTradingReader implements DialectReader {
    @Override
    public AlertDialect dialect() {
        return AlertDialect.WUNDERTRADING;
    }

    @Override
    public boolean recognises(AlertMessage message) {
        return JsonFields.of(message).map(json -> json.hasAny("amountPerTradeType", "amountPerTrade", "takeProfits",
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
        boolean buys = action.equals("buy");
        Optional<String> entry = json.text("limitPrice").or(() -> json.text("price"));
        if (takeProfits.isPresent()) {
            JsonNode steps = takeProfits.get().getValue();
            if (!steps.isArray() || steps.size() != 1) {
                throw AlertProblem.invalid("takeProfits", "tvbridge places one take-profit with an entry; this"
                        + " alert has " + (steps.isArray() ? steps.size() + " steps" : "no list")
                        + ": keep one step");
            }
            deviation(alert, JsonFields.of(steps.get(0)), "takeProfits[0]", AlertField.TAKE_PROFIT, entry, buys);
        }
        Optional<JsonFields> stopLoss = json.object("stopLoss");
        if (stopLoss.isPresent()) {
            deviation(alert, stopLoss.get(), "stopLoss", AlertField.STOP_LOSS, entry, !buys);
        }
        return List.of(alert);
    }

    /** A price deviation is a fraction of the entry: 0.01 is 1%. */
    private static void deviation(TranslatedAlert alert, JsonFields leg, String name, AlertField field,
                                  Optional<String> entry, boolean above) throws AlertProblem {
        String deviation = leg.text("priceDeviation").orElseThrow(() -> AlertProblem.invalid(name,
                name + " needs \"priceDeviation\""));
        if (leg.has("portfolio") && !leg.text("portfolio").orElse("").matches("1(\\.0*)?")) {
            throw AlertProblem.invalid(name, name + " closes part of the position; tvbridge's take-profit closes"
                    + " all of it: set \"portfolio\": 1");
        }
        PriceOffset fraction = PriceOffset.parse(PriceOffset.Kind.PERCENT, name + ".priceDeviation", deviation);
        alert.offset(field, name + ".priceDeviation", new PriceOffset(PriceOffset.Kind.PERCENT,
                fraction.value().movePointRight(2)), entry, above);
    }
}

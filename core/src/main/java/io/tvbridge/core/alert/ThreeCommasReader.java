package io.tvbridge.core.alert;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * 3Commas' bot messages. The Signal Bot's JSON: {@code secret}, {@code bot_uuid},
 * {@code tv_exchange} and {@code tv_instrument} (TradingView's names), {@code action}
 * ({@code enter_long}, {@code exit_long}, {@code enter_short}, {@code exit_short}; a
 * strategy-type bot sends the fill's {@code buy} / {@code sell}), {@code trigger_price},
 * {@code timestamp}, and {@code order} with {@code amount} and {@code currency_type}
 * ({@code base}: units, {@code quote}: money). Without {@code order} the bot's own size applies,
 * here the sizing rule. The DCA bot's JSON ({@code message_type: bot}, {@code bot_id},
 * {@code pair} written QUOTE_BASE such as {@code USDT_BTC}) starts a deal (a buy), or with
 * {@code action: close_at_market_price} closes it; a close naming no pair is refused, as tvbridge
 * has no bot whose deal it could be.
 */
final class ThreeCommasReader implements DialectReader {
    @Override
    public AlertDialect dialect() {
        return AlertDialect.THREE_COMMAS;
    }

    @Override
    public boolean recognises(AlertMessage message) {
        return JsonFields.of(message).map(json -> json.hasAny("bot_uuid", "tv_instrument", "bot_id", "email_token"))
                .orElse(false);
    }

    @Override
    public List<TranslatedAlert> translate(AlertMessage message) throws AlertProblem {
        JsonFields json = JsonFields.of(message).orElseThrow();
        TranslatedAlert alert = new TranslatedAlert();
        alert.copy(json, AlertField.SECRET, "secret");
        alert.copy(json, AlertField.TIME, "timestamp");
        alert.copy(json, AlertField.PRICE, "trigger_price");
        if (json.has("bot_id") || json.has("message_type")) {
            return List.of(dealBot(json, alert));
        }
        alert.copy(json, AlertField.SYMBOL, "tv_instrument", "symbol");
        alert.copy(json, AlertField.EXCHANGE, "tv_exchange");
        String action = json.text("action").orElseThrow(() -> AlertProblem.invalid("action",
                "the action is missing: 3Commas signals say \"action\": \"enter_long\", \"exit_long\", \"enter_short\""
                        + " or \"exit_short\"")).toLowerCase(Locale.ROOT);
        if (!List.of("enter_long", "exit_long", "enter_short", "exit_short", "buy", "sell").contains(action)) {
            throw AlertProblem.invalid("action", "unknown 3Commas action '" + action + "': use enter_long,"
                    + " exit_long, enter_short or exit_short");
        }
        alert.put(AlertField.ACTION, "action", action);
        Optional<JsonFields> order = json.object("order");
        if (order.isPresent()) {
            order.get().member("amount").ifPresent(amount -> alert.put(AlertField.QUANTITY, amount));
            String currency = order.get().text("currency_type").orElse("base").toLowerCase(Locale.ROOT);
            alert.unit(switch (currency) {
                case "base" -> QuantityUnit.UNITS;
                case "quote" -> QuantityUnit.MONEY;
                default -> throw AlertProblem.invalid("order.currency_type", "order.currency_type '" + currency
                        + "' is not read: use base (units) or quote (money)");
            });
        }
        return List.of(alert);
    }

    private static TranslatedAlert dealBot(JsonFields json, TranslatedAlert alert) throws AlertProblem {
        Optional<String> pair = json.text("pair");
        String action = json.text("action").orElse("start_deal").toLowerCase(Locale.ROOT);
        String read = switch (action) {
            case "start_deal" -> "buy";
            case "close_at_market_price" -> "close";
            default -> throw AlertProblem.invalid("action", "the 3Commas DCA action '" + action
                    + "' is not read: tvbridge reads a deal start (no action) and close_at_market_price");
        };
        if (pair.isEmpty()) {
            throw AlertProblem.invalid("pair", "the 3Commas message names no pair: the deal it means lives in"
                    + " the 3Commas bot; add \"pair\": \"USDT_{{syminfo.basecurrency}}\" or \"symbol\": \"{{ticker}}\"");
        }
        String[] parts = pair.get().split("_");
        if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
            throw AlertProblem.invalid("pair", "the pair '" + pair.get() + "' is not QUOTE_BASE (USDT_BTC)");
        }
        // 3Commas writes the quote currency first: USDT_BTC is BTC priced in USDT
        return alert.put(AlertField.SYMBOL, "pair", parts[1] + parts[0]).put(AlertField.ACTION, "action", read);
    }
}

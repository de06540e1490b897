package io.tvbridge.core.alert;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * PineConnector's lines: {@code LicenseID,command,symbol,parameters}, commas with optional
 * spaces. The license id addresses the sender's MetaTrader EA and is not part of the order.
 * Commands read: {@code buy}, {@code sell}, {@code buylimit} / {@code selllimit} and
 * {@code buystop} / {@code sellstop} at {@code price=}, {@code closelong}, {@code closeshort},
 * {@code closelongshort} (the symbol's position, whichever side: tvbridge holds one net position).
 * Sizes: {@code vol_lots=} (lots: {@code LOT_SIZE} units each), {@code vol_dollar=} (money lost
 * at the stop), and {@code risk=}, whose meaning (lots, percent of balance, money) is the EA's
 * Volume Type setting: tvbridge reads it by the {@code PINECONNECTOR_RISK} setting and refuses
 * the order while that is not set. Exits: {@code sl_price=} / {@code tp_price=} are prices;
 * {@code sl_pips=} / {@code tp_pips=} are pips from the entry; {@code sl=} / {@code tp=} take
 * their unit from the EA's Target Type, here the {@code PINECONNECTOR_TARGET} setting (pips,
 * price or percent), and are refused while it is not set. A distance becomes a price when the
 * order is planned, from the last price tvbridge knows for the symbol. {@code secret=} carries the webhook secret, {@code comment=} a comment. EA commands
 * ({@code eaon}, {@code eaoff}...) are not orders and are refused.
 */
final class PineConnectorReader implements DialectReader {
    private static final Pattern LINE = Pattern.compile("\\s*[^,\\s{}\"]+\\s*,\\s*[A-Za-z]+\\s*(,.*)?", Pattern.DOTALL);
    private static final Set<String> ORDERS = Set.of("buy", "sell", "buylimit", "selllimit", "buystop", "sellstop",
            "closelong", "closeshort", "closelongshort");
    private static final Set<String> NOT_ORDERS = Set.of("eaon", "eaoff", "closealleaoff", "closeall",
            "closelongbuy", "closeshortsell", "cancellong", "cancelshort", "newsltplong",
            "newsltpshort", "closelongvol", "closeshortvol");

    @Override
    public AlertDialect dialect() {
        return AlertDialect.PINECONNECTOR;
    }

    @Override
    public boolean recognises(AlertMessage message) {
        if (message.json().isPresent() || !LINE.matcher(message.text()).matches()) {
            return false;
        }
        String command = message.text().split(",")[1].strip().toLowerCase(Locale.ROOT);
        return ORDERS.contains(command) || NOT_ORDERS.contains(command);
    }

    @Override
    public List<TranslatedAlert> translate(AlertMessage message) throws AlertProblem {
        String[] parts = message.text().split(",");
        String command = parts[1].strip().toLowerCase(Locale.ROOT);
        if (NOT_ORDERS.contains(command)) {
            throw AlertProblem.invalid("command", "'" + command + "' is a PineConnector command for its"
                    + " MetaTrader EA, not an order tvbridge reads: use buy, sell, buylimit, selllimit, buystop,"
                    + " sellstop, closelong, closeshort or closelongshort");
        }
        if (parts.length < 3 || parts[2].isBlank()) {
            throw AlertProblem.invalid("symbol", "the PineConnector line names no symbol: write"
                    + " LicenseID," + command + ",{{ticker}},...");
        }
        TranslatedAlert alert = new TranslatedAlert().put(AlertField.SYMBOL, "symbol", parts[2].strip());
        Map<String, String> parameters = parameters(parts);
        alert.put(AlertField.ACTION, "command", switch (command) {
            case "buy", "buylimit", "buystop" -> "buy";
            case "sell", "selllimit", "sellstop" -> "sell";
            case "closelong" -> "close_long";
            case "closelongshort" -> "close";
            default -> "close_short";
        });
        if (command.endsWith("limit") || command.endsWith("stop")) {
            String price = parameters.remove("price");
            if (price == null) {
                throw AlertProblem.invalid("price", "a " + command + " order needs price=");
            }
            alert.put(AlertField.ORDER_TYPE, "command", command.endsWith("limit") ? "limit" : "stop")
                    .put(command.endsWith("limit") ? AlertField.LIMIT_PRICE : AlertField.STOP_PRICE, "price", price);
        }
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            read(alert, parameter.getKey(), parameter.getValue());
        }
        return List.of(alert);
    }

    private static void read(TranslatedAlert alert, String key, String value) throws AlertProblem {
        switch (key) {
            case "risk" -> size(alert, key, value, QuantityUnit.PINECONNECTOR_RISK);
            case "vol_lots" -> size(alert, key, value, QuantityUnit.LOTS);
            case "vol_dollar" -> size(alert, key, value, QuantityUnit.RISK_MONEY);
            case "sl_price" -> exitPrice(alert, AlertField.STOP_LOSS, key, value);
            case "tp_price" -> exitPrice(alert, AlertField.TAKE_PROFIT, key, value);
            case "sl" -> distance(alert, AlertField.STOP_LOSS, key, value, ExitDistance.Unit.PINECONNECTOR_TARGET);
            case "tp" -> distance(alert, AlertField.TAKE_PROFIT, key, value, ExitDistance.Unit.PINECONNECTOR_TARGET);
            case "sl_pips" -> distance(alert, AlertField.STOP_LOSS, key, value, ExitDistance.Unit.PIPS);
            case "tp_pips" -> distance(alert, AlertField.TAKE_PROFIT, key, value, ExitDistance.Unit.PIPS);
            case "secret" -> alert.put(AlertField.SECRET, key, value);
            case "comment" -> alert.put(AlertField.COMMENT, key, value.replace("\"", ""));
            default -> throw AlertProblem.invalid(key, "the PineConnector parameter '" + key + "' is not read:"
                    + " tvbridge reads risk=, vol_lots=, vol_dollar=, sl_price=, tp_price=, price=, secret=, comment=");
        }
    }

    private static void exitPrice(TranslatedAlert alert, AlertField leg, String key, String value)
            throws AlertProblem {
        if (alert.has(leg) || alert.distances().containsKey(leg.displayName())) {
            throw twice(leg);
        }
        alert.put(leg, key, value);
    }

    private static void distance(TranslatedAlert alert, AlertField leg, String key, String value,
                                 ExitDistance.Unit unit) throws AlertProblem {
        if (alert.has(leg) || alert.distances().containsKey(leg.displayName())) {
            throw twice(leg);
        }
        alert.distance(leg, key, value, unit);
    }

    private static AlertProblem twice(AlertField leg) {
        String prefix = leg == AlertField.STOP_LOSS ? "sl" : "tp";
        return AlertProblem.invalid(prefix, "the " + leg.displayName().replace("_", "-") + " is given twice: keep one"
                + " of " + prefix + "=, " + prefix + "_pips= and " + prefix + "_price=");
    }

    private static void size(TranslatedAlert alert, String key, String value, QuantityUnit unit) throws AlertProblem {
        if (alert.has(AlertField.QUANTITY)) {
            throw AlertProblem.invalid(key, "the line gives two sizes; keep one of risk=, vol_lots=, vol_dollar=");
        }
        alert.put(AlertField.QUANTITY, key, value).unit(unit);
    }

    /** {@code key=value} after the symbol; a value may be followed by more words after a space. */
    private static Map<String, String> parameters(String[] parts) throws AlertProblem {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 3; i < parts.length; i++) {
            String part = parts[i].strip();
            if (part.isEmpty()) {
                continue;
            }
            int equals = part.indexOf('=');
            if (equals <= 0) {
                throw AlertProblem.invalid("parameters", "'" + part + "' is not key=value");
            }
            String key = part.substring(0, equals).strip().toLowerCase(Locale.ROOT);
            if (parameters.put(key, part.substring(equals + 1).strip()) != null) {
                throw AlertProblem.invalid(key, key + "= is given twice");
            }
        }
        return parameters;
    }
}

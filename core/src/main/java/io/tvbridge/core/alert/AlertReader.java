package io.tvbridge.core.alert;

import io.tvbridge.broker.spi.model.InstrumentRef;
import io.tvbridge.broker.spi.model.OrderType;
import io.tvbridge.broker.spi.model.Side;
import io.tvbridge.broker.spi.model.TrailingStop;
import io.tvbridge.core.account.AccountName;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns an {@link AlertBody} into a validated {@link Alert}. Every refusal names the field
 * and says what was expected. Pure: no I/O, no clock.
 */
public final class AlertReader {
    /** Integer digits allowed in a number: more is a typo or an attack, never a real order. */
    private static final int MAX_INTEGER_DIGITS = 15;
    private static final int MAX_DECIMALS = 12;
    private static final int MAX_TEXT = 200;
    /** A conviction is a word such as "high": the column that stores it is this wide. */
    private static final int MAX_CONVICTION = 20;
    private static final Pattern EPOCH = Pattern.compile("\\d{9,13}");
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private AlertReader() {
    }

    public static Alert read(AlertBody body) throws AlertProblem {
        Optional<BigDecimal> target = target(body);
        AlertAction action = target.isPresent() ? AlertAction.TARGET : action(body);
        Optional<InstrumentRef> instrument = instrument(body);
        if (instrument.isEmpty() && action != AlertAction.CLOSE_ALL) {
            throw AlertProblem.invalid("symbol", "the symbol is missing: add \"symbol\": \"{{ticker}}\" to the alert");
        }
        if (action == AlertAction.CANCEL) {
            return cancel(body, instrument.orElseThrow());
        }
        Optional<BigDecimal> quantity = positive(body, AlertField.QUANTITY);
        QuantityUnit unit = quantityUnit(body, action);
        OrderType type = orderType(body);
        Optional<BigDecimal> price = positive(body, AlertField.PRICE);
        Optional<BigDecimal> limit = positive(body, AlertField.LIMIT_PRICE);
        Optional<BigDecimal> stop = positive(body, AlertField.STOP_PRICE);
        if (type.needsLimitPrice() && limit.isEmpty()) {
            limit = price;
            if (limit.isEmpty()) {
                throw AlertProblem.invalid("limit_price", "a " + describe(type) + " order needs a limit price: "
                        + "add \"limit_price\" (or \"price\")");
            }
        }
        if (type.needsStopPrice() && stop.isEmpty()) {
            stop = type == OrderType.STOP ? price : Optional.empty();
            if (stop.isEmpty()) {
                throw AlertProblem.invalid("stop_price", "a " + describe(type) + " order needs a stop price: "
                        + "add \"stop_price\"");
            }
        }
        Optional<TrailingStop> trail = trail(body, type, limit, stop);
        AlertExits exits = new AlertExits(positive(body, AlertField.STOP_LOSS), Optional.empty(),
                TakeProfitReader.read(body, action, limit.or(() -> price), positive(body, AlertField.TAKE_PROFIT)));
        return new Alert(action, instrument, new AlertSize(quantity, unit, target, target.isPresent() ? saidSide(body)
                : Optional.empty()),
                new AlertPrices(type, price, limit, stop, trail),
                exits, tags(body), flag(body, AlertField.OUTSIDE_RTH));
    }

    /**
     * The side a target alert's action word says its order is on, if it says one: TradingView's
     * {@code {{strategy.order.action}}} beside the position the strategy ends at.
     */
    private static Optional<Side> saidSide(AlertBody body) {
        return body.get(AlertField.ACTION).flatMap(value -> AlertAction.parse(value.text())).flatMap(action ->
                switch (action) {
                    case BUY, CLOSE_SHORT -> Optional.of(Side.BUY);
                    case SELL, CLOSE_LONG -> Optional.of(Side.SELL);
                    default -> Optional.empty();
                });
    }

    private static AlertTags tags(AlertBody body) throws AlertProblem {
        return new AlertTags(text(body, AlertField.STRATEGY), text(body, AlertField.ALERT_ID), time(body),
                text(body, AlertField.COMMENT), text(body, AlertField.CONVICTION, MAX_CONVICTION), account(body),
                AlertDialect.TVBRIDGE);
    }

    /**
     * The account the alert names, as {@link AccountName} writes it. Only tvbridge's own dialect
     * puts the field here: other products' account words name the sender's account at that product.
     */
    private static Optional<String> account(AlertBody body) throws AlertProblem {
        Optional<String> text = text(body, AlertField.ACCOUNT);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(AccountName.of(text.get()).value());
        } catch (IllegalArgumentException e) {
            throw AlertProblem.invalid("account", e.getMessage());
        }
    }

    /**
     * A cancel: {@code cancel_order_type} says which working orders (all when absent). It places
     * no order, so a quantity, an order price or an exit in it contradicts it and is refused.
     */
    private static Alert cancel(AlertBody body, InstrumentRef instrument) throws AlertProblem {
        for (AlertField placing : new AlertField[] {AlertField.QUANTITY, AlertField.LIMIT_PRICE, AlertField.STOP_PRICE,
                AlertField.TRAIL_AMOUNT, AlertField.TRAIL_PERCENT, AlertField.STOP_LOSS, AlertField.TAKE_PROFIT,
                AlertField.TAKE_PROFITS}) {
            if (body.get(placing).isPresent()) {
                throw AlertProblem.invalid(placing.displayName(), "a cancel places no order, so it takes no "
                        + placing.displayName() + ": remove it, or send the order in an alert of its own");
            }
        }
        Optional<String> type = text(body, AlertField.ORDER_TYPE);
        if (type.isPresent() && !type.get().equalsIgnoreCase("market")) {
            throw AlertProblem.invalid("order_type", "a cancel places no order: to cancel only the working "
                    + shorten(type.get()) + " orders write \"cancel_order_type\": \"" + shorten(type.get()) + "\"");
        }
        Optional<String> word = text(body, AlertField.CANCEL_ORDER_TYPE);
        CancelScope scope = word.isEmpty() ? CancelScope.ALL : CancelScope.parse(word.get()).orElseThrow(() ->
                AlertProblem.invalid("cancel_order_type", "unknown cancel_order_type '" + shorten(word.get())
                        + "': use " + CancelScope.ACCEPTED_WORDS));
        return Alert.cancel(instrument, scope, positive(body, AlertField.PRICE), tags(body));
    }

    /** What the quantity counts: {@code quantity_unit} (units, lots, money, percent_equity...), else units. */
    private static QuantityUnit quantityUnit(AlertBody body, AlertAction action) throws AlertProblem {
        Optional<String> text = text(body, AlertField.QUANTITY_UNIT);
        if (text.isEmpty()) {
            return QuantityUnit.UNITS;
        }
        QuantityUnit unit = QuantityUnit.parse(text.get()).filter(u -> u != QuantityUnit.PINECONNECTOR_RISK)
                .orElseThrow(() -> AlertProblem.invalid("quantity_unit", "unknown quantity_unit '" + shorten(text.get())
                        + "': use units, lots, money, percent_equity, percent_available, percent_position (exits),"
                        + " risk_percent or risk_money"));
        if (unit == QuantityUnit.PERCENT_POSITION && !action.isExit()) {
            throw AlertProblem.invalid("quantity_unit", "percent_position sizes an exit (close, close_long,"
                    + " close_short); a " + action.wireName() + " needs another quantity_unit");
        }
        return unit;
    }

    private static boolean flag(AlertBody body, AlertField field) throws AlertProblem {
        Optional<String> text = text(body, field);
        if (text.isEmpty()) {
            return false;
        }
        return switch (text.get().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1", "on" -> true;
            case "false", "no", "0", "off", "" -> false;
            default -> throw AlertProblem.invalid(field.displayName(), "the " + field.displayName() + " '"
                    + shorten(text.get()) + "' is not true or false");
        };
    }

    /**
     * The position a target alert wants: {@code market_position} long / short / flat with
     * {@code market_position_size} (TradingView's {@code {{strategy.market_position}}} and
     * {@code {{strategy.market_position_size}}}), or a signed {@code position_size}.
     */
    private static Optional<BigDecimal> target(AlertBody body) throws AlertProblem {
        Optional<String> side = text(body, AlertField.MARKET_POSITION);
        if (side.isEmpty()) {
            return number(body, AlertField.POSITION_SIZE);
        }
        String word = side.get().toLowerCase(Locale.ROOT);
        refuseUnfilledPlaceholder(word, AlertField.MARKET_POSITION);
        if (word.equals("flat")) {
            return Optional.of(BigDecimal.ZERO);
        }
        if (!word.equals("long") && !word.equals("short")) {
            throw AlertProblem.invalid("market_position", "the market position '" + shorten(side.get())
                    + "' is not long, short or flat");
        }
        Optional<BigDecimal> signed = number(body, AlertField.POSITION_SIZE);
        if (body.get(AlertField.MARKET_POSITION_SIZE).isEmpty() && signed.isPresent()) {
            // the signed {{strategy.position_size}} beside the side: they must agree
            if (signed.get().signum() != (word.equals("long") ? 1 : -1)) {
                throw AlertProblem.invalid("position_size", "market position '" + word + "' and position size "
                        + signed.get().toPlainString() + " contradict each other");
            }
            return signed;
        }
        BigDecimal size = number(body, AlertField.MARKET_POSITION_SIZE).orElseThrow(() -> AlertProblem.invalid(
                "market_position_size", "a " + word + " target needs \"market_position_size\""
                        + " ({{strategy.market_position_size}})")).abs();
        return Optional.of(word.equals("long") ? size : size.negate());
    }

    /** The secret the body carries, if any. */
    public static Optional<String> secret(AlertBody body) {
        return body.get(AlertField.SECRET).map(AlertBody.Value::text);
    }

    private static AlertAction action(AlertBody body) throws AlertProblem {
        AlertBody.Value value = body.get(AlertField.ACTION).orElseThrow(() -> AlertProblem.invalid("action",
                "the action is missing: use one of " + AlertAction.ACCEPTED_WORDS
                        + ", or give \"market_position\" for a target position"));
        return AlertAction.parse(scalar(value, AlertField.ACTION)).orElseThrow(() -> AlertProblem.invalid("action",
                "unknown action '" + shorten(value.text()) + "': use one of " + AlertAction.ACCEPTED_WORDS));
    }

    private static Optional<InstrumentRef> instrument(AlertBody body) throws AlertProblem {
        Optional<AlertBody.Value> symbol = body.get(AlertField.SYMBOL);
        if (symbol.isEmpty() || scalar(symbol.get(), AlertField.SYMBOL).isBlank()) {
            return Optional.empty();
        }
        // TradingView writes symbols and exchanges in capitals; traders typing them by hand do not always
        String text = symbol.get().text().strip().toUpperCase(Locale.ROOT);
        refuseUnfilledPlaceholder(text, AlertField.SYMBOL);
        Optional<String> exchange = text(body, AlertField.EXCHANGE).map(e -> e.toUpperCase(Locale.ROOT));
        try {
            InstrumentRef ref = InstrumentRef.parse(text);
            if (ref.exchange().isEmpty() && exchange.isPresent()) {
                ref = new InstrumentRef(ref.symbol(), exchange, Optional.empty());
            }
            return Optional.of(SymbolClassifier.classify(ref));
        } catch (IllegalArgumentException e) {
            throw AlertProblem.invalid("symbol", e.getMessage());
        }
    }

    private static OrderType orderType(AlertBody body) throws AlertProblem {
        Optional<AlertBody.Value> value = body.get(AlertField.ORDER_TYPE);
        if (value.isEmpty()) {
            return OrderType.MARKET;
        }
        String word = scalar(value.get(), AlertField.ORDER_TYPE).strip().toLowerCase(Locale.ROOT)
                .replace('-', '_').replace(' ', '_');
        return switch (word) {
            case "market", "mkt" -> OrderType.MARKET;
            case "limit", "lmt" -> OrderType.LIMIT;
            case "stop", "stp" -> OrderType.STOP;
            case "stop_limit", "stoplimit", "stp_lmt" -> OrderType.STOP_LIMIT;
            case "trailing_stop", "trailingstop", "trail" -> OrderType.TRAILING_STOP;
            default -> throw AlertProblem.invalid("order_type", "unknown order type '" + shorten(value.get().text())
                    + "': use market, limit, stop, stop_limit or trailing_stop");
        };
    }

    /**
     * A trailing stop's distance: {@code trail_amount} in price units or {@code trail_percent}, exactly
     * one. Its stop follows the market, so a limit or stop price beside it would ask for another order
     * (a trailing stop-limit, a first stop), which tvbridge does not place: refused rather than dropped.
     */
    private static Optional<TrailingStop> trail(AlertBody body, OrderType type, Optional<BigDecimal> limit,
                                                Optional<BigDecimal> stop) throws AlertProblem {
        Optional<BigDecimal> amount = positive(body, AlertField.TRAIL_AMOUNT);
        Optional<BigDecimal> percent = positive(body, AlertField.TRAIL_PERCENT);
        if (type != OrderType.TRAILING_STOP) {
            if (amount.isPresent() || percent.isPresent()) {
                throw AlertProblem.invalid(amount.isPresent() ? "trail_amount" : "trail_percent", "trail_amount and"
                        + " trail_percent go with \"order_type\": \"trailing_stop\", not with a " + describe(type)
                        + " order");
            }
            return Optional.empty();
        }
        if (amount.isPresent() == percent.isPresent()) {
            throw AlertProblem.invalid("trail_amount", "a trailing stop needs exactly one of trail_amount (a price"
                    + " distance) or trail_percent, " + (amount.isPresent() ? "not both" : "and the alert gives neither"));
        }
        if (limit.isPresent() || stop.isPresent()) {
            String field = limit.isPresent() ? "limit_price" : "stop_price";
            throw AlertProblem.invalid(field, "a trailing stop's stop follows the market and it has no " + field
                    + " (a trailing stop-limit or a first stop price is not placed): remove \"" + field + "\"");
        }
        if (amount.isPresent()) {
            return Optional.of(TrailingStop.amount(amount.get()));
        }
        if (percent.get().compareTo(HUNDRED) >= 0) {
            throw AlertProblem.invalid("trail_percent", "the trail percent must be below 100, but is "
                    + percent.get().toPlainString());
        }
        return Optional.of(TrailingStop.percent(percent.get()));
    }

    private static Optional<BigDecimal> positive(AlertBody body, AlertField field) throws AlertProblem {
        return positive(number(body, field), field.displayName());
    }

    /** {@code number}, refused unless it is greater than zero; {@code name} names it in the refusal. */
    static Optional<BigDecimal> positive(Optional<BigDecimal> number, String name) throws AlertProblem {
        if (number.isPresent() && number.get().signum() <= 0) {
            throw AlertProblem.invalid(name, "the " + name.replace('_', ' ') + " must be greater than zero, but is "
                    + number.get().toPlainString());
        }
        return number;
    }

    private static Optional<BigDecimal> number(AlertBody body, AlertField field) throws AlertProblem {
        Optional<AlertBody.Value> value = body.get(field);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        return number(scalar(value.get(), field), field.displayName());
    }

    /** {@code text} as a number, {@code name} naming it in refusals; blank is no number. */
    static Optional<BigDecimal> number(String given, String name) throws AlertProblem {
        String text = given.strip().replace("_", "");
        if (text.isEmpty()) {
            return Optional.empty();
        }
        refuseUnfilledPlaceholder(text, name);
        if (text.length() > 64) {
            throw AlertProblem.invalid(name, "the " + name + " is not a number: '" + shorten(text) + "'");
        }
        BigDecimal number;
        try {
            number = new BigDecimal(text.startsWith("+") ? text.substring(1) : text);
        } catch (NumberFormatException | ArithmeticException e) {
            throw AlertProblem.invalid(name, "the " + name + " must be a number, but is '" + shorten(text) + "'");
        }
        number = number.stripTrailingZeros();
        if (number.precision() - number.scale() > MAX_INTEGER_DIGITS) {
            throw AlertProblem.invalid(name, "the " + name + " is too large: " + shorten(text));
        }
        if (number.scale() > MAX_DECIMALS) {
            throw AlertProblem.invalid(name, "the " + name + " has more than " + MAX_DECIMALS + " decimals: "
                    + shorten(text));
        }
        return Optional.of(number.scale() < 0 ? number.setScale(0) : number);
    }

    private static Optional<String> text(AlertBody body, AlertField field) throws AlertProblem {
        return text(body, field, MAX_TEXT);
    }

    private static Optional<String> text(AlertBody body, AlertField field, int maxLength) throws AlertProblem {
        Optional<AlertBody.Value> value = body.get(field);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        String text = scalar(value.get(), field).strip();
        if (text.length() > maxLength) {
            throw AlertProblem.invalid(field.displayName(), "the " + field.displayName() + " is longer than "
                    + maxLength + " characters");
        }
        if (text.codePoints().anyMatch(Character::isISOControl)) {
            throw AlertProblem.invalid(field.displayName(), "the " + field.displayName()
                    + " contains control characters");
        }
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    private static Optional<Instant> time(AlertBody body) throws AlertProblem {
        Optional<String> text = text(body, AlertField.TIME);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        String value = text.get();
        refuseUnfilledPlaceholder(value, AlertField.TIME);
        try {
            if (EPOCH.matcher(value).matches()) {
                long epoch = Long.parseLong(value);
                return Optional.of(value.length() > 10 ? Instant.ofEpochMilli(epoch) : Instant.ofEpochSecond(epoch));
            }
            return Optional.of(OffsetDateTime.parse(value).toInstant());
        } catch (DateTimeException e) {
            throw AlertProblem.invalid("timestamp", "the time '" + shorten(value)
                    + "' is not an ISO-8601 time (2024-05-01T14:30:00Z) or epoch seconds or milliseconds");
        }
    }

    private static String scalar(AlertBody.Value value, AlertField field) throws AlertProblem {
        if (!value.scalar()) {
            throw AlertProblem.invalid(field.displayName(), "the " + field.displayName()
                    + " must be a single value, not an object or a list");
        }
        return value.text();
    }

    private static void refuseUnfilledPlaceholder(String text, AlertField field) throws AlertProblem {
        refuseUnfilledPlaceholder(text, field.displayName());
    }

    private static void refuseUnfilledPlaceholder(String text, String name) throws AlertProblem {
        if (text.contains("{{")) {
            throw AlertProblem.invalid(name, "the " + name + " is '" + shorten(text)
                    + "': TradingView did not fill in the placeholder (check its spelling, and that strategy "
                    + "placeholders are used in a strategy alert)");
        }
    }

    private static String describe(OrderType type) {
        return type.name().toLowerCase(Locale.ROOT);
    }

    private static String shorten(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }
}

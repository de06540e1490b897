package io.tvbridge.core.alert;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads an alert's take-profit: {@code take_profit}, one price for the whole position, or
 * {@code take_profits}, a list of targets, each closing a share of it:
 * <pre>
 * "take_profits": [{"price": 98650, "share_percent": 50}, {"price": 103000}]
 * </pre>
 * A target gives its level as one of {@code price}, {@code percent} or {@code amount} (a distance
 * from the entry: a percent of it or a price difference, measured from the alert's limit or
 * price, which the alert must then give) or {@code pips} (made a price when the order is
 * planned), and may give {@code share_percent}. Targets without a share split equally what the
 * given shares leave. The dialect readers write their own ladders in this form, so every one is
 * checked here.
 */
final class TakeProfitReader {
    /** More targets than this is a mistake in the alert, not a strategy. */
    private static final int MAX_TARGETS = 10;
    private static final String EXAMPLE = "[{\"price\": 98650, \"share_percent\": 50}, {\"price\": 103000}]";

    private TakeProfitReader() {
    }

    /**
     * The targets of an alert whose action is {@code action} and whose entry, when it gives one,
     * is {@code entry}; {@code single} is its {@code take_profit}, already read.
     */
    static TakeProfitTargets read(AlertBody body, AlertAction action, Optional<BigDecimal> entry,
                                  Optional<BigDecimal> single) throws AlertProblem {
        Optional<AlertBody.Value> given = body.get(AlertField.TAKE_PROFITS);
        if (given.isEmpty()) {
            return TakeProfitTargets.single(single, Optional.empty());
        }
        String key = given.get().key();
        if (single.isPresent()) {
            throw AlertProblem.invalid(key, "the alert gives both \"take_profit\" and '" + key + "': keep one");
        }
        JsonNode list = given.get().scalar() ? null : AlertBody.readTree(given.get().text());
        if (list == null || !list.isArray() || list.isEmpty() || list.size() > MAX_TARGETS) {
            throw AlertProblem.invalid(key, "'" + key + "' must be a list of 1 to " + MAX_TARGETS
                    + " targets, such as " + EXAMPLE);
        }
        List<TakeProfitTarget> targets = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            targets.add(target(list.get(i), key + " target " + (i + 1), action, entry));
        }
        TakeProfitTargets read;
        try {
            read = new TakeProfitTargets(targets);
        } catch (IllegalArgumentException e) {
            throw AlertProblem.invalid(key, "'" + key + "': " + e.getMessage());
        }
        if (read.splits() && action != AlertAction.BUY && action != AlertAction.SELL) {
            throw AlertProblem.invalid(key, "take-profit targets that split the position go with an entry (buy or"
                    + " sell); a " + action.wireName() + " opens nothing to attach them to: remove '" + key + "'");
        }
        return read;
    }

    private static TakeProfitTarget target(JsonNode node, String name, AlertAction action, Optional<BigDecimal> entry)
            throws AlertProblem {
        if (!node.isObject()) {
            throw AlertProblem.invalid(name, name + " must be an object such as {\"price\": 98650, \"share_percent\":"
                    + " 50}");
        }
        JsonFields fields = JsonFields.of(node);
        Optional<BigDecimal> price = positive(fields, "price", name);
        Optional<BigDecimal> percent = positive(fields, "percent", name);
        Optional<BigDecimal> amount = positive(fields, "amount", name);
        Optional<BigDecimal> pips = positive(fields, "pips", name);
        long levels = List.of(price, percent, amount, pips).stream().filter(Optional::isPresent).count();
        if (levels != 1) {
            throw AlertProblem.invalid(name, name + " needs exactly one of price, percent, amount or pips");
        }
        TakeProfitTarget target;
        if (pips.isPresent()) {
            target = TakeProfitTarget.away(new ExitDistance(pips.get(), ExitDistance.Unit.PIPS));
        } else if (price.isPresent()) {
            target = TakeProfitTarget.at(price.get());
        } else {
            PriceOffset offset = percent.map(p -> new PriceOffset(PriceOffset.Kind.PERCENT, p))
                    .orElseGet(() -> new PriceOffset(PriceOffset.Kind.AMOUNT, amount.orElseThrow()));
            BigDecimal from = entry.orElseThrow(() -> AlertProblem.invalid(name, name + " is " + offset
                    + " from the entry, but the alert gives no entry price to measure it from: add \"price\":"
                    + " \"{{close}}\", or give the target's \"price\""));
            BigDecimal at = offset.from(from, action != AlertAction.SELL);
            if (at.signum() <= 0) {
                throw AlertProblem.invalid(name, name + " is " + offset + " from " + from.toPlainString()
                        + ", which is not a price");
            }
            target = TakeProfitTarget.at(at);
        }
        Optional<BigDecimal> share = positive(fields, "share_percent", name);
        if (share.isPresent() && share.get().compareTo(new BigDecimal("100")) > 0) {
            throw AlertProblem.invalid(name, "the share of " + name + " is " + share.get().toPlainString()
                    + "%, more than the whole position");
        }
        return share.map(target::sharing).orElse(target);
    }

    private static Optional<BigDecimal> positive(JsonFields fields, String member, String name) throws AlertProblem {
        Optional<String> text = fields.text(member);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        String named = name + " " + member;
        return AlertReader.positive(AlertReader.number(text.get(), named), named);
    }
}

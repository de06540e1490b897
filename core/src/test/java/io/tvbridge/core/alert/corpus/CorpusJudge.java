package io.tvbridge.core.alert.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares what tvbridge read ({@link io.tvbridge.core.alert.AlertSummary}: one map per order)
 * with what a corpus message means: the symbol, the side, the quantity and its unit, the order
 * type and the prices, with the take-profit targets in order (and their shares, where the
 * expectation gives them). A non-order or an ambiguous message must be refused.
 */
public final class CorpusJudge {
    /** One target as the summary shows it: its price, and its share when the entry is split. */
    private static final Pattern TARGET = Pattern.compile("(-?[0-9.]+)(?: \\(([0-9.]+)%\\))?");

    private CorpusJudge() {
    }

    /** How one message came out. */
    public enum Kind {
        /** Read as exactly the order it means. */
        EXACT,
        /** Refused: not an order, ambiguous, or not read, with the reason. */
        REFUSED,
        /** Read as something else than it means: the one outcome never allowed. */
        MISREAD
    }

    public record Verdict(AlertCorpus.Entry entry, Kind kind, String detail) {
        @Override
        public String toString() {
            return String.format("%-22s %-8s %s", entry.id(), kind, detail);
        }
    }

    public static Verdict refused(AlertCorpus.Entry entry, String reason) {
        return new Verdict(entry, Kind.REFUSED, reason);
    }

    /** The verdict on a message tvbridge read as {@code orders}. */
    public static Verdict read(AlertCorpus.Entry entry, List<Map<String, String>> orders) {
        if (!entry.order() || entry.ambiguous()) {
            return new Verdict(entry, Kind.MISREAD, (entry.order() ? "ambiguous" : "not an order")
                    + " but read as " + orders);
        }
        JsonNode expect = entry.expect();
        List<JsonNode> meant = new ArrayList<>();
        if (expect.has("orders")) {
            expect.get("orders").forEach(meant::add);
        } else {
            meant.add(expect);
        }
        if (meant.size() != orders.size()) {
            return new Verdict(entry, Kind.MISREAD, "means " + meant.size() + " orders, read " + orders.size());
        }
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < meant.size(); i++) {
            differences.addAll(compare(meant.get(i), orders.get(i)));
        }
        return differences.isEmpty() ? new Verdict(entry, Kind.EXACT, orders.toString())
                : new Verdict(entry, Kind.MISREAD, String.join("; ", differences) + " in " + orders);
    }

    private static List<String> compare(JsonNode expect, Map<String, String> read) {
        if (expect.path("action").asText().equals("cancel") || read.get("action").equals("cancel")) {
            return compareCancel(expect, read);
        }
        List<String> differences = new ArrayList<>();
        String action = read.get("action");
        Optional<BigDecimal> target = number(expect.get("target_position"));
        boolean targetRead = action.equals("target") && target.isPresent()
                && same(target.get(), read.get("target_position"));
        String meant = expect.path("action").asText();
        boolean actionMatches = switch (meant) {
            case "buy" -> action.equals("buy") || targetRead
                    || action.equals("close_short") && target.filter(t -> t.signum() == 0).isPresent();
            case "sell" -> action.equals("sell") || targetRead
                    || action.equals("close_long") && target.filter(t -> t.signum() == 0).isPresent();
            case "close" -> action.equals("close") || (action.equals("close_long") || action.equals("close_short"))
                    && target.filter(t -> t.signum() == 0).isPresent();
            case "close_long" -> action.equals("close_long");
            case "target_position" -> targetRead;
            default -> false;
        };
        if (!actionMatches) {
            differences.add("action " + action + " for " + meant);
        }
        String symbol = absent(expect.get("symbol")) ? null : expect.get("symbol").asText();
        if (symbol == null ? read.containsKey("symbol") : !sameSymbol(symbol, read.get("symbol"))) {
            differences.add("symbol " + read.get("symbol") + " for " + symbol);
        }
        Optional<BigDecimal> quantity = number(expect.get("quantity"));
        if (!targetRead) {
            if (quantity.isPresent() != read.containsKey("quantity")
                    || quantity.isPresent() && !same(quantity.get(), read.get("quantity"))) {
                differences.add("quantity " + read.get("quantity") + " for " + quantity.map(BigDecimal::toPlainString)
                        .orElse("none"));
            } else if (quantity.isPresent() && !sameUnit(expect.path("quantity_unit").asText(),
                    read.get("quantity_unit"))) {
                differences.add("unit " + read.get("quantity_unit") + " for " + expect.path("quantity_unit").asText());
            }
        }
        String type = absent(expect.get("order_type")) ? "market" : expect.get("order_type").asText();
        if (!type.equals(read.get("order_type"))) {
            differences.add("order type " + read.get("order_type") + " for " + type);
        }
        for (String price : List.of("limit_price", "stop_price")) {
            Optional<BigDecimal> value = number(expect.get(price));
            if (value.isPresent() != read.containsKey(price) || value.isPresent() && !same(value.get(), read.get(price))) {
                differences.add(price + " " + read.get(price) + " for " + expect.get(price));
            }
        }
        for (String leg : List.of("take_profit", "stop_loss")) {
            JsonNode value = expect.get(leg);
            boolean meantLeg = value != null && !value.isNull();
            if (meantLeg != read.containsKey(leg) || value != null && value.isNumber()
                    && !same(value.decimalValue(), read.get(leg))
                    || value != null && value.isArray() && !sameTargets(value, read.get(leg))) {
                differences.add(leg + " " + read.get(leg) + " for " + value);
            }
        }
        return differences;
    }

    /**
     * A cancel places no order: the same action and symbol, and nothing an order would carry
     * (which kind of orders it cancels is in the notes, not in the expectation's fields).
     */
    private static List<String> compareCancel(JsonNode expect, Map<String, String> read) {
        List<String> differences = new ArrayList<>();
        if (!expect.path("action").asText().equals(read.get("action"))) {
            differences.add("action " + read.get("action") + " for " + expect.path("action").asText());
        }
        String symbol = absent(expect.get("symbol")) ? null : expect.get("symbol").asText();
        if (symbol == null || !sameSymbol(symbol, read.get("symbol"))) {
            differences.add("symbol " + read.get("symbol") + " for " + symbol);
        }
        for (String placing : List.of("quantity", "order_type", "limit_price", "stop_price", "take_profit", "stop_loss")) {
            if (read.containsKey(placing) || !absent(expect.get(placing))) {
                differences.add(placing + " " + read.get(placing) + " for " + expect.get(placing) + " in a cancel");
            }
        }
        return differences;
    }

    /**
     * Whether {@code read} ({@code 98650 (50%), 103000 (50%)}, as {@code AlertSummary} shows targets)
     * is the list of targets meant: the same prices in the same order, each share the expectation
     * gives ({@code close_percent}) the same, and no part of the position left without a target
     * unless the shares meant leave one.
     */
    static boolean sameTargets(JsonNode meant, String read) {
        if (read == null) {
            return false;
        }
        int rest = read.indexOf("; ");
        String[] items = (rest < 0 ? read : read.substring(0, rest)).split(", ");
        if (items.length != meant.size()) {
            return false;
        }
        BigDecimal sharesMeant = BigDecimal.ZERO;
        boolean everyShareMeant = true;
        for (int i = 0; i < items.length; i++) {
            Matcher item = TARGET.matcher(items[i]);
            JsonNode target = meant.get(i);
            JsonNode price = target.isNumber() ? target : target.path("price");
            if (!item.matches() || !price.isNumber() || !same(price.decimalValue(), item.group(1))) {
                return false;
            }
            Optional<BigDecimal> share = number(target.get("close_percent"));
            if (share.isPresent() && (item.group(2) == null || !same(share.get(), item.group(2)))) {
                return false;
            }
            sharesMeant = sharesMeant.add(share.orElse(BigDecimal.ZERO));
            everyShareMeant &= share.isPresent();
        }
        boolean restMeant = everyShareMeant && sharesMeant.compareTo(new BigDecimal("100")) < 0;
        return (rest >= 0) == restMeant;
    }

    private static boolean absent(JsonNode node) {
        return node == null || node.isNull();
    }

    private static Optional<BigDecimal> number(JsonNode node) {
        return node == null || !node.isNumber() ? Optional.empty() : Optional.of(node.decimalValue());
    }

    private static boolean same(BigDecimal expected, String read) {
        return read != null && new BigDecimal(read).compareTo(expected) == 0;
    }

    /** Units and contracts are both units of the instrument to tvbridge. */
    private static boolean sameUnit(String expected, String read) {
        String meant = switch (expected) {
            case "units", "contracts" -> "units";
            case "usd" -> "money";
            case "risk_usd" -> "risk_money";
            case "broker_defined" -> "pineconnector_risk";
            default -> expected;
        };
        return meant.equals(read);
    }

    /** The same instrument: case and separators aside, or a 3Commas QUOTE_BASE pair written the other way. */
    private static boolean sameSymbol(String expected, String read) {
        if (read == null) {
            return false;
        }
        String plain = plain(expected);
        String[] pair = expected.split("_");
        return plain.equals(plain(read)) || pair.length == 2 && plain(pair[1] + pair[0]).equals(plain(read));
    }

    private static String plain(String symbol) {
        return symbol.toUpperCase(Locale.ROOT).replaceAll("[/_.\\-]", "");
    }
}

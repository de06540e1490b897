package io.tvbridge.core.alert;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * whook's plain-text orders, one per line ({@code //} lines are comments), words in any order:
 * the sender's account name (one word, not read; whook's names have lower-case letters), the symbol
 * ({@code ETHUSDT}, {@code ETHUSDT.P}, {@code ETH/USDT}), a command ({@code buy} / {@code long},
 * {@code sell} / {@code short}, {@code pos} / {@code position} to end at a signed position,
 * {@code close} with an optional percent of the position), a size (a plain number is base
 * currency, so units), a leverage ({@code x3} / {@code 3x}), and {@code limit:<id>:<price>}.
 * Refused with the reason: sizes in USDT ({@code 300$}, collateral that whook multiplies by the
 * leverage), in the exchange's contracts ({@code 2@}) or in percent of the balance
 * ({@code 10%}) for an entry, cancels, leverage changes, and the {@code collateral} /
 * {@code reduce} keywords.
 */
final class WhookReader implements DialectReader {
    private static final Set<String> COMMANDS = Set.of("buy", "long", "sell", "short", "pos", "position", "close");
    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");
    private static final Pattern LEVERAGE = Pattern.compile("(?i)x[0-9.]+|[0-9.]+x");
    /**
     * Words of notifications ("Long BTCUSDT now at 97000"), never of a whook line: read as an
     * account name, the number after them would become a size.
     */
    private static final Set<String> SENTENCE_WORDS = Set.of("at", "now", "price", "is", "the", "on", "above", "below",
            "near", "crossed", "crossing", "signal", "alert", "triggered", "hit", "reached", "for", "and", "to", "of",
            "in", "new", "entry", "@");
    private static final Pattern SYMBOL = Pattern.compile("[A-Z0-9]+([./:][A-Z0-9]+)*(\\.P)?!?");

    @Override
    public AlertDialect dialect() {
        return AlertDialect.WHOOK;
    }

    @Override
    public boolean recognises(AlertMessage message) {
        if (message.json().isPresent() || message.text().contains(",") || message.text().contains("=")) {
            return false;
        }
        List<String> lines = lines(message.text());
        return !lines.isEmpty() && lines.stream().allMatch(line -> {
            String[] words = line.split("\\s+");
            return words.length >= 2 && List.of(words).stream().anyMatch(w -> COMMANDS.contains(w.toLowerCase(Locale.ROOT))
                    || w.toLowerCase(Locale.ROOT).startsWith("cancel:") || w.equalsIgnoreCase("changeleverage"));
        });
    }

    @Override
    public List<TranslatedAlert> translate(AlertMessage message) throws AlertProblem {
        List<TranslatedAlert> orders = new ArrayList<>();
        for (String line : lines(message.text())) {
            orders.add(line(line));
        }
        return orders;
    }

    private static TranslatedAlert line(String line) throws AlertProblem {
        String command = null;
        String symbol = null;
        String size = null;
        String limit = null;
        String account = null;
        boolean leveraged = false;
        for (String word : line.split("\\s+")) {
            String lower = word.toLowerCase(Locale.ROOT);
            if (COMMANDS.contains(lower)) {
                command = once(command, lower, "command");
            } else if (lower.startsWith("cancel:") || lower.equals("changeleverage")) {
                throw AlertProblem.invalid("command", "'" + word + "' is not an order: cancel orders with"
                        + " 'tvbridge orders cancel' or on the dashboard; tvbridge does not change the leverage");
            } else if (lower.startsWith("limit:")) {
                String[] parts = word.split(":");
                if (parts.length != 3) {
                    throw AlertProblem.invalid("limit", "'" + word + "' is not limit:<id>:<price>");
                }
                limit = once(limit, parts[2], "limit");
            } else if (LEVERAGE.matcher(word).matches()) {
                leveraged = !lower.replace("x", "").matches("1(\\.0*)?");
            } else if (NUMBER.matcher(word).matches() || word.matches("-?[0-9.]+[$@%]")) {
                size = once(size, word, "size");
            } else if (Set.of("collateral", "reduce", "reduceonly", "force_usdt", "force_percent").contains(lower)) {
                throw AlertProblem.invalid("keyword", "the whook keyword '" + word + "' is not read: write the size"
                        + " in base currency without it");
            } else if (SYMBOL.matcher(word).matches() && !lower.equals("nominal") && !lower.equals("bclock")) {
                symbol = once(symbol, word, "symbol");
            } else if (!word.chars().anyMatch(Character::isLowerCase) && !lower.equals("nominal")) {
                throw AlertProblem.invalid("symbol", "'" + word + "' is neither an account name (whook's have"
                        + " lower-case letters) nor a symbol, command or size");
            } else if (SENTENCE_WORDS.contains(lower)) {
                throw AlertProblem.invalid("message", "'" + word + "' makes '" + line + "' a sentence, not a whook"
                        + " order (whose words are an account name, a symbol, a command and a size): write the order"
                        + " as 'buy ETHUSDT' or in JSON");
            } else if (!lower.equals("nominal")) {
                account = once(account, word, "account name");
            }
        }
        if (command == null || symbol == null) {
            throw AlertProblem.invalid(command == null ? "command" : "symbol", "the line '" + line + "' names no "
                    + (command == null ? "command (buy, sell, pos, close)" : "symbol in capitals (ETHUSDT)"));
        }
        TranslatedAlert alert = new TranslatedAlert().put(AlertField.SYMBOL, "symbol", symbol);
        Optional<String> amount = Optional.ofNullable(size);
        if (command.equals("pos") || command.equals("position")) {
            String target = amount.filter(a -> NUMBER.matcher(a).matches()).orElseThrow(() -> AlertProblem.invalid(
                    "size", "a whook position needs its signed size in base currency (pos -0.5)"));
            alert.put(AlertField.POSITION_SIZE, "pos", target);
        } else {
            alert.put(AlertField.ACTION, "command", command);
            if (amount.isPresent()) {
                size(alert, command, amount.get(), leveraged);
            }
        }
        if (limit != null) {
            alert.put(AlertField.ORDER_TYPE, "limit", "limit").put(AlertField.LIMIT_PRICE, "limit", limit);
        }
        return alert;
    }

    private static void size(TranslatedAlert alert, String command, String value, boolean leveraged)
            throws AlertProblem {
        if (command.equals("close") && value.endsWith("%")) {
            alert.put(AlertField.QUANTITY, "size", value.substring(0, value.length() - 1))
                    .unit(QuantityUnit.PERCENT_POSITION);
        } else if (NUMBER.matcher(value).matches() && !value.startsWith("-")) {
            alert.put(AlertField.QUANTITY, "size", value);
        } else {
            throw AlertProblem.invalid("size", "the size '" + value + "' is not read: " + (value.endsWith("$")
                    ? "whook takes USDT as collateral, multiplied by the leverage" + (leveraged ? "" : " (x1 here)")
                    + "; write the size in base currency" : "write the size in base currency (0.5)"));
        }
    }

    private static String once(String earlier, String value, String what) throws AlertProblem {
        if (earlier != null) {
            throw AlertProblem.invalid(what, "the line gives two of " + what + ": '" + earlier + "' and '" + value + "'");
        }
        return value;
    }

    private static List<String> lines(String text) {
        return text.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("//")).toList();
    }
}

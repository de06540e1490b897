package io.tvbridge.core.alert;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Alertatron's scripts: {@code keys(SYMBOL) { command(argument=value, ...); ... }} and a
 * trailing {@code #bot} tag, {@code #} starting a comment line. {@code keys} names the sender's
 * API keys at Alertatron; the symbol is in the parentheses. tvbridge reads the commands
 * {@code market(side=buy|sell, amount=N)}, N in units (Alertatron's unit of the exchange's
 * symbol), and {@code cancel(which=all)}, which cancels the symbol's working orders; a script
 * of several is read as several alerts, decided in the script's order. Percent amounts,
 * {@code position=} targets, cancels of one side or tag, and every other command (stops,
 * take-profits, waits) refuse the whole script with the reason: nothing of it happens.
 */
final class AlertatronReader implements DialectReader {
    private static final Pattern SCRIPT = Pattern.compile("\\s*(\\w+)\\s*\\(\\s*([^)]*?)\\s*\\)\\s*\\{(.*)}\\s*(#\\w+\\s*)*",
            Pattern.DOTALL);
    /** As many as a JSON array of alerts may hold. */
    private static final int MAX_COMMANDS = 10;
    private static final Pattern COMMAND = Pattern.compile("\\s*(\\w+)\\s*\\((.*)\\)\\s*", Pattern.DOTALL);

    @Override
    public AlertDialect dialect() {
        return AlertDialect.ALERTATRON;
    }

    @Override
    public boolean recognises(AlertMessage message) {
        return message.json().isEmpty() && SCRIPT.matcher(message.text()).matches();
    }

    @Override
    public List<TranslatedAlert> translate(AlertMessage message) throws AlertProblem {
        Matcher script = SCRIPT.matcher(message.text());
        if (!script.matches()) {
            throw new IllegalStateException("recognised before");
        }
        List<String> commands = new ArrayList<>();
        for (String line : script.group(3).split("\n")) {
            String code = line.strip();
            if (!code.startsWith("#")) {
                for (String command : code.split(";")) {
                    if (!command.isBlank()) {
                        commands.add(command.strip());
                    }
                }
            }
        }
        if (commands.isEmpty() || commands.size() > MAX_COMMANDS) {
            throw AlertProblem.invalid("script", "the script has " + commands.size() + " commands; tvbridge reads 1 to "
                    + MAX_COMMANDS + " of market(side=..., amount=...) and cancel(which=all)");
        }
        String symbol = script.group(2);
        List<TranslatedAlert> alerts = new ArrayList<>();
        for (String text : commands) {
            alerts.add(command(symbol, text));
        }
        return alerts;
    }

    /** One command as an alert: a market order, or a cancel of the symbol's working orders. */
    private static TranslatedAlert command(String symbol, String text) throws AlertProblem {
        Matcher command = COMMAND.matcher(text);
        String name = command.matches() ? command.group(1).toLowerCase(Locale.ROOT) : "";
        if (!name.equals("market") && !name.equals("cancel")) {
            throw AlertProblem.invalid("script", "'" + text + "' is not read: tvbridge reads"
                    + " market(side=buy, amount=1) and cancel(which=all)");
        }
        Map<String, String> arguments = new LinkedHashMap<>();
        for (String argument : command.group(2).split(",")) {
            if (argument.isBlank()) {
                continue;
            }
            String[] pair = argument.split("=", 2);
            if (pair.length != 2) {
                throw AlertProblem.invalid("script", "'" + argument.strip() + "' is not argument=value");
            }
            arguments.put(pair[0].strip().toLowerCase(Locale.ROOT), pair[1].strip());
        }
        TranslatedAlert alert = new TranslatedAlert().put(AlertField.SYMBOL, "symbol", symbol);
        if (name.equals("cancel")) {
            String which = arguments.remove("which");
            if (!"all".equalsIgnoreCase(which) || !arguments.isEmpty()) {
                throw AlertProblem.invalid("script", "'" + text + "' is not read: tvbridge cancels every working order"
                        + " of the symbol, cancel(which=all), not those of one side or tag");
            }
            return alert.put(AlertField.ACTION, "cancel", "cancel");
        }
        String side = arguments.remove("side");
        String amount = arguments.remove("amount");
        if (side == null || amount == null || !arguments.isEmpty()) {
            throw AlertProblem.invalid("script", "tvbridge reads market(side=buy|sell, amount=N) and nothing"
                    + " else" + (arguments.isEmpty() ? "" : "; not " + arguments.keySet()));
        }
        if (!amount.matches("[0-9.]+")) {
            throw AlertProblem.invalid("amount", "amount=" + amount + " is not read: Alertatron's percent and"
                    + " relative amounts depend on the balance at the exchange; write the amount in units");
        }
        return alert.put(AlertField.ACTION, "side", side).put(AlertField.QUANTITY, "amount", amount);
    }
}

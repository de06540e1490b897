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
 * API keys at Alertatron; the symbol is in the parentheses. tvbridge reads a script of one
 * {@code market(side=buy|sell, amount=N)} command, N in units (Alertatron's unit of the
 * exchange's symbol). Percent amounts, {@code position=} targets and several commands
 * (stops, take-profits, cancels, waits) are refused with the reason.
 */
final class AlertatronReader implements DialectReader {
    private static final Pattern SCRIPT = Pattern.compile("\\s*(\\w+)\\s*\\(\\s*([^)]*?)\\s*\\)\\s*\\{(.*)}\\s*(#\\w+\\s*)*",
            Pattern.DOTALL);
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
        if (commands.size() != 1) {
            throw AlertProblem.invalid("script", "the script has " + commands.size() + " commands; tvbridge reads"
                    + " a script of one market(side=..., amount=...) command");
        }
        Matcher command = COMMAND.matcher(commands.get(0));
        if (!command.matches() || !command.group(1).equalsIgnoreCase("market")) {
            throw AlertProblem.invalid("script", "'" + commands.get(0) + "' is not read: tvbridge reads"
                    + " market(side=buy, amount=1)");
        }
        Map<String, String> arguments = new LinkedHashMap<>();
        for (String argument : command.group(2).split(",")) {
            String[] pair = argument.split("=", 2);
            if (pair.length != 2) {
                throw AlertProblem.invalid("script", "'" + argument.strip() + "' is not argument=value");
            }
            arguments.put(pair[0].strip().toLowerCase(Locale.ROOT), pair[1].strip());
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
        return List.of(new TranslatedAlert().put(AlertField.SYMBOL, "symbol", script.group(2))
                .put(AlertField.ACTION, "side", side).put(AlertField.QUANTITY, "amount", amount));
    }
}

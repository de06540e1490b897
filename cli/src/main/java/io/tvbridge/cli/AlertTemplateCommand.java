package io.tvbridge.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tvbridge alert-template}: alert messages to paste into TradingView, with the configured secret. */
@Command(name = "alert-template", mixinStandardHelpOptions = true,
        description = "Prints TradingView alert messages that carry the webhook secret: plain, strategy,"
                + " target-position.")
final class AlertTemplateCommand implements Callable<Integer> {

    /** The kinds of alert message. */
    enum Kind { PLAIN, STRATEGY, TARGET }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--kind", description = "plain, strategy or target (default: all three)")
    String kind;

    @Mixin
    WebhookSecretOptions webhook;

    @Override
    public Integer call() {
        if (kind != null && Arrays.stream(Kind.values()).noneMatch(k -> k.name().equalsIgnoreCase(kind.strip()))) {
            throw new AdminCallFailed(2, "--kind must be plain, strategy or target, not '" + kind + "'");
        }
        String key = webhook.secret();
        PrintWriter out = spec.commandLine().getOut();
        for (Kind each : Kind.values()) {
            if (kind != null && !each.name().equalsIgnoreCase(kind.strip())) {
                continue;
            }
            switch (each) {
                case PLAIN -> print(out, "Plain alert (an indicator or drawing; set the side and size yourself):",
                        AlertTemplates.plain(key));
                case STRATEGY -> print(out, "Strategy alert (every order fill of a strategy):",
                        AlertTemplates.strategy(key));
                case TARGET -> print(out, "Target position (tvbridge orders the difference to the strategy's position):",
                        AlertTemplates.targetPosition(key));
            }
        }
        out.flush();
        return 0;
    }

    private static void print(PrintWriter out, String title, String message) {
        out.println(title);
        out.println("  " + message);
        out.println();
    }
}

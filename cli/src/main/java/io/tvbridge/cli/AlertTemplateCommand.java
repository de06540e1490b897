package io.tvbridge.cli;

import io.tvbridge.core.alert.AlertTemplates;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code tvbridge alert-template}: alert messages to paste into TradingView, with the configured secret. */
@Command(name = "alert-template", mixinStandardHelpOptions = true,
        description = "Prints TradingView alert messages that carry the webhook secret: plain, strategy,"
                + " target-position.")
final class AlertTemplateCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--kind", description = "plain, strategy or target (default: all three)")
    String kind;

    @Mixin
    WebhookSecretOptions webhook;

    @Override
    public Integer call() {
        Optional<AlertTemplates.Kind> only = Optional.ofNullable(kind).map(k -> AlertTemplates.Kind.parse(k)
                .orElseThrow(() -> new AdminCallFailed(2, "--kind must be plain, strategy or target, not '" + k
                        + "'")));
        String key = webhook.secret();
        PrintWriter out = spec.commandLine().getOut();
        for (AlertTemplates.Kind each : AlertTemplates.Kind.values()) {
            if (only.isEmpty() || only.get() == each) {
                out.println(each.title());
                out.println("  " + each.message(key));
                out.println();
            }
        }
        out.flush();
        return 0;
    }
}

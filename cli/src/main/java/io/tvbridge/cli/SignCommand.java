package io.tvbridge.cli;

import io.tvbridge.core.alert.WebhookAuthenticator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code tvbridge sign}: the signature header of a webhook body, for senders other than TradingView. */
@Command(name = "sign", mixinStandardHelpOptions = true,
        description = "Prints the X-Signature header (HMAC-SHA256 of the body, keyed with the webhook secret)"
                + " for a webhook body.")
final class SignCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", description = "the exact body to send, or - to read it from standard input")
    String payload;

    @Mixin
    WebhookSecretOptions webhook;

    @Override
    public Integer call() {
        String key = webhook.secret();
        byte[] body = payload.equals("-") ? stdin() : payload.getBytes(StandardCharsets.UTF_8);
        PrintWriter out = spec.commandLine().getOut();
        out.println("X-Signature: " + new WebhookAuthenticator(key).sign(body));
        out.flush();
        return 0;
    }

    private static byte[] stdin() {
        try {
            return System.in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

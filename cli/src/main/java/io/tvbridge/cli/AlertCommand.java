package io.tvbridge.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code tvbridge alert}: commands about alert messages. */
@Command(name = "alert", mixinStandardHelpOptions = true, description = "Alert messages: explain one.",
        subcommands = AlertCommand.Explain.class)
final class AlertCommand {

    /**
     * {@code tvbridge alert explain [FILE]}: the dialect a message is read in, each field read, and
     * the orders it would become under the running daemon's settings, or why it would be refused;
     * nothing is stored or sent.
     */
    @Command(name = "explain", mixinStandardHelpOptions = true,
            description = "Shows how the running daemon reads an alert message (from FILE, or standard input):"
                    + " the dialect, each field read, and the orders it would become now, or the refusal."
                    + " Nothing is stored or sent.")
    static final class Explain extends AdminCommand {
        @Parameters(arity = "0..1", paramLabel = "FILE", description = "the message; '-' or none: standard input")
        String file;

        @Override
        int run(PrintWriter out) {
            JsonNode answer = daemon.post("/admin/alerts/explain", Map.of("message", message()));
            if (printedJson(out, answer)) {
                return 0;
            }
            out.println("dialect: " + text(answer.get("dialect")));
            answer.path("repairs").forEach(repair -> out.println("repaired: " + repair.asText()));
            int number = 0;
            for (JsonNode order : answer.path("orders")) {
                number++;
                out.println(answer.path("orders").size() > 1 ? "order " + number + ":" : "order:");
                order.path("fields").fields().forEachRemaining(field ->
                        out.println("  field  " + field.getKey() + " = " + field.getValue().asText()));
                StringBuilder read = new StringBuilder();
                order.path("read").fields().forEachRemaining(field -> read.append(read.isEmpty() ? "" : ", ")
                        .append(field.getKey()).append(' ').append(field.getValue().asText()));
                out.println("  read   " + read);
                out.println("  would be " + order.path("decision").asText()
                        + (order.hasNonNull("reason") ? ": " + order.get("reason").asText() : ""));
                order.path("orders").forEach(planned -> out.println("  order  " + planned.asText()));
            }
            if (answer.hasNonNull("refusal")) {
                out.println("refused: " + answer.get("refusal").asText());
            }
            return answer.hasNonNull("refusal") || number == 0 ? 1 : 0;
        }

        private String message() {
            try {
                byte[] bytes = file == null || file.equals("-") ? System.in.readAllBytes()
                        : Files.readAllBytes(Path.of(file));
                return new String(bytes, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + (file == null ? "standard input" : file), e);
            }
        }
    }
}

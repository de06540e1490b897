package io.tvbridge.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;

/** A command that talks to the running daemon through its admin API. */
abstract class AdminCommand implements Callable<Integer> {

    @Mixin
    AdminConnection daemon;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public final Integer call() {
        int code = run(spec.commandLine().getOut());
        spec.commandLine().getOut().flush();
        return code;
    }

    /** Does the work, printing to {@code out}; returns the exit code. */
    abstract int run(PrintWriter out);

    /** Prints the answer as JSON with {@code --json}; returns whether it did (then there is no table). */
    boolean printedJson(PrintWriter out, JsonNode answer) {
        if (daemon.json) {
            out.println(AdminConnection.write(answer));
        }
        return daemon.json;
    }

    /** A decimal as the API gave it, or '-' when absent. */
    static String text(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() ? "-" : node.asText();
    }
}

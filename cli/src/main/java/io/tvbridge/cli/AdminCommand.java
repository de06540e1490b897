package io.tvbridge.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.Map;
import java.util.function.ToIntFunction;
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

    /**
     * Where the tables go: {@code out}, or nowhere once the answer was printed as JSON with
     * {@code --json} (a command whose exit code says what happened still reads the answer).
     */
    PrintWriter tableUnlessJson(PrintWriter out, JsonNode answer) {
        return printedJson(out, answer) ? new PrintWriter(Writer.nullWriter()) : out;
    }

    /**
     * Prints an answer with {@code print}; the answer of a daemon of several accounts
     * ({@code {"accounts": {"live": …}}}) account by account, each under a heading with its name,
     * and an account that could not answer with its error. Returns each account's exit code, the
     * first that is not 0.
     */
    static int eachAccount(PrintWriter out, JsonNode answer, ToIntFunction<JsonNode> print) {
        JsonNode accounts = answer.path("accounts");
        if (!accounts.isObject()) {
            return print.applyAsInt(answer);
        }
        int code = 0;
        boolean first = true;
        for (Map.Entry<String, JsonNode> account : accounts.properties()) {
            if (!first) {
                out.println();
            }
            first = false;
            out.println("== account " + account.getKey() + " ==");
            int own;
            if (account.getValue().has("error") && account.getValue().size() <= 2) {
                out.println("error: " + text(account.getValue().get("error")));
                own = AdminCallFailed.REFUSED;
            } else {
                own = print.applyAsInt(account.getValue());
            }
            code = code == 0 ? own : code;
        }
        return code;
    }

    /** A decimal as the API gave it, or '-' when absent. */
    static String text(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() ? "-" : node.asText();
    }
}

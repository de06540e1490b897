package io.tvbridge.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The admin commands that look at the daemon and act on trading. */
final class ControlCommands {
    private ControlCommands() {
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Shows the running daemon: broker, kill switch and pause, limits, queues, reconciliation, jobs.")
    static final class Status extends AdminCommand {
        @Override
        int run(PrintWriter out) {
            JsonNode s = daemon.get("/admin/status");
            if (printedJson(out, s)) {
                return 0;
            }
            if (s.path("accounts").isObject()) {
                accounts(out, s.get("accounts"));
                return 0;
            }
            print(out, s);
            return 0;
        }

        /** One line per account of a daemon of several: enough to see which one needs a look. */
        private static void accounts(PrintWriter out, JsonNode accounts) {
            Table table = new Table("ACCOUNT", "STATUS", "BROKER", "KILL", "PAUSE", "TODAY");
            accounts.properties().forEach(account -> {
                JsonNode s = account.getValue();
                if (s.has("error")) {
                    table.row(account.getKey(), "error", "-", "-", "-", text(s.get("error")));
                    return;
                }
                JsonNode today = s.get("today");
                table.row(account.getKey(), text(s.get("status")), text(s.at("/broker/name"))
                                + (s.at("/broker/connected").asBoolean() ? "" : " NOT CONNECTED"),
                        s.at("/trading/kill/on").asBoolean() ? "ON" : "off",
                        s.at("/trading/pause/on").asBoolean() ? "ON" : "off",
                        today == null ? "-" : text(today.get("orders")) + " orders, result " + text(today.get("result")));
            });
            table.print(out);
            out.println("One account in full: tvbridge status --account NAME");
        }

        private static void print(PrintWriter out, JsonNode s) {
            out.printf("tvbridge %s, %s, up %s s%n", text(s.get("version")), text(s.get("status")),
                    text(s.get("uptime_seconds")));
            out.printf("broker:      %s %s, %s%s%n", text(s.at("/broker/name")), text(s.at("/broker/version")),
                    s.at("/broker/connected").asBoolean() ? "connected" : "NOT CONNECTED",
                    s.at("/broker/account").isMissingNode() ? "" : ", account " + text(s.at("/broker/account")));
            out.printf("kill switch: %s%n", describe(s.at("/trading/kill")));
            out.printf("pause:       %s%n", describe(s.at("/trading/pause")));
            out.printf("dry run:     %s%n", s.at("/trading/dry_run").asBoolean() ? "yes (nothing is sent)" : "no");
            out.printf("circuit:     %s%n", text(s.at("/circuit_breaker/state"))
                    + (s.at("/circuit_breaker/reason").isMissingNode() ? "" : " - " + text(s.at("/circuit_breaker/reason"))));
            out.printf("queues:      %s decisions, %s broker events, %s orders to send%n",
                    text(s.at("/queues/decisions")), text(s.at("/queues/ledger")), text(s.at("/queues/submitter")));
            JsonNode today = s.get("today");
            if (today != null) {
                out.printf("today:       %s orders, realized %s, commissions %s, unrealized %s, result %s%n",
                        text(today.get("orders")), text(today.get("realized")), text(today.get("commissions")),
                        text(today.get("unrealized")), text(today.get("result")));
            }
            JsonNode last = s.get("last_reconciliation");
            out.printf("reconciled:  %s%n", last == null ? "not yet" : text(last.get("at")) + " "
                    + text(last.get("outcome")) + ": " + text(last.get("details")));
            out.println();
            Table limits = new Table("LIMIT", "VALUE", "USED");
            s.get("limits").fields().forEachRemaining(limit -> limits.row(limit.getKey(),
                    limit.getValue().get("limit").decimalValue().signum() == 0 ? "off" : text(limit.getValue().get("limit")),
                    text(limit.getValue().get("used"))));
            limits.print(out);
            out.println();
            Table jobs = new Table("JOB", "SCHEDULE", "NEXT RUN", "LAST OUTCOME");
            s.get("jobs").forEach(job -> jobs.row(text(job.get("name")), text(job.get("schedule")),
                    text(job.get("next_run")), text(job.get("last_outcome"))));
            jobs.print(out);
        }

        private static String describe(JsonNode halt) {
            return halt.path("on").asBoolean() ? "ON by " + text(halt.get("actor")) + " since "
                    + text(halt.get("since")) + ": " + text(halt.get("reason")) : "off";
        }
    }

    /** Kill, pause and resume: an actor and a reason, and the switches after the change. */
    abstract static class Switch extends AdminCommand {
        @Option(names = "--reason", required = true, description = "why (kept in the audit trail)")
        String reason;

        @Option(names = "--actor", description = "who (default cli:<your user name>)")
        String actor;

        abstract String path();

        @Override
        int run(PrintWriter out) {
            JsonNode halt = daemon.post(path(), Map.of("actor", actor != null ? actor : AdminConnection.defaultActor(),
                    "reason", reason));
            if (printedJson(out, halt)) {
                return 0;
            }
            return eachAccount(out, halt, one -> {
                out.println("kill switch: " + Status.describe(one.get("kill")));
                out.println("pause:       " + Status.describe(one.get("pause")));
                return 0;
            });
        }
    }

    @Command(name = "kill", mixinStandardHelpOptions = true,
            description = "Turns the kill switch on: no signal reaches the broker until 'tvbridge resume'.")
    static final class Kill extends Switch {
        @Override
        String path() {
            return "/admin/kill";
        }
    }

    @Command(name = "pause", mixinStandardHelpOptions = true,
            description = "Pauses entries: orders that open or add to a position are refused; exits pass.")
    static final class Pause extends Switch {
        @Override
        String path() {
            return "/admin/pause";
        }
    }

    @Command(name = "resume", mixinStandardHelpOptions = true,
            description = "Turns the kill switch and the pause off.")
    static final class Resume extends Switch {
        @Override
        String path() {
            return "/admin/resume";
        }
    }

    @Command(name = "flatten", mixinStandardHelpOptions = true,
            description = "Closes every position (one close_all signal through the checks; refused while the kill"
                    + " switch is on, unless it lets exits through).")
    static final class Flatten extends AdminCommand {
        @Option(names = "--yes", required = true, description = "confirms that every position is to be closed")
        boolean yes;

        @Mixin
        ActionOptions action;

        @Override
        int run(PrintWriter out) {
            Map<String, Object> body = action.body();
            body.put("confirm", yes);
            JsonNode answer = daemon.post("/admin/flatten", body);
            PrintWriter shown = tableUnlessJson(out, answer);
            return eachAccount(shown, answer, one -> {
                shown.printf("signal %s %s%s%n", text(one.get("signal_id")), text(one.get("decision")),
                        one.has("reason") ? ": " + text(one.get("reason"))
                                : ", orders " + text(one.get("client_order_ids")));
                return "accepted".equals(one.path("decision").asText()) ? 0 : AdminCallFailed.REFUSED;
            });
        }
    }

    @Command(name = "reconcile", mixinStandardHelpOptions = true,
            description = "Compares the expected positions with the broker's now (exit code 1 on a mismatch).")
    static final class Reconcile extends AdminCommand {
        @Mixin
        ActionOptions action;

        @Override
        int run(PrintWriter out) {
            JsonNode answer = daemon.post("/admin/reconcile", action.body());
            PrintWriter shown = tableUnlessJson(out, answer);
            return eachAccount(shown, answer, result -> {
                shown.printf("reconciliation %s: %s - %s%n", text(result.get("id")), text(result.get("outcome")),
                        text(result.get("details")));
                if (result.path("differences").size() > 0) {
                    Table differences = new Table("SYMBOL", "EXPECTED", "BROKER", "DIFFERENCE");
                    result.get("differences").forEach(d -> differences.row(text(d.get("symbol")),
                            text(d.get("expected")), text(d.get("actual")), text(d.get("difference"))));
                    differences.print(shown);
                    shown.println("Check the broker; to take its positions: tvbridge adopt " + text(result.get("id"))
                            + " --reason ..., then tvbridge resume.");
                }
                return "matched".equals(result.path("outcome").asText()) ? 0 : AdminCallFailed.REFUSED;
            });
        }
    }

    @Command(name = "adopt", mixinStandardHelpOptions = true,
            description = "Resolves a reconciliation mismatch: the broker's positions of the symbols that differed"
                    + " become the expected ones. Trading stays halted until 'tvbridge resume'.")
    static final class Adopt extends AdminCommand {
        @picocli.CommandLine.Parameters(index = "0", description = "the reconciliation's number")
        long reconciliation;

        @Mixin
        ActionOptions action;

        @Override
        int run(PrintWriter out) {
            JsonNode answer = daemon.post("/admin/reconciliations/" + reconciliation + "/adopt", action.body());
            if (!printedJson(out, answer)) {
                Table positions = new Table("SYMBOL", "QUANTITY", "AVERAGE COST");
                answer.get("positions").forEach(p -> positions.row(text(p.get("symbol")), text(p.get("quantity")),
                        text(p.get("average_cost"))));
                positions.print(out);
                out.println("Reconciliation " + reconciliation + " resolved. Trading stays halted until tvbridge resume.");
            }
            return 0;
        }
    }
}

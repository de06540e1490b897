package io.tvbridge.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tvbridge settings get|set}: the runtime settings of the running daemon. */
@Command(name = "settings", mixinStandardHelpOptions = true,
        description = "Shows or changes the running daemon's settings (each change is audited).",
        subcommands = {SettingsCommand.Get.class, SettingsCommand.Set.class})
final class SettingsCommand {

    @Command(name = "get", mixinStandardHelpOptions = true, description = "Shows every setting, or the ones named.")
    static final class Get extends AdminCommand {
        @Parameters(arity = "0..*", description = "setting names, e.g. max_daily_trades")
        List<String> names = List.of();

        @Override
        int run(PrintWriter out) {
            JsonNode answer = daemon.get("/admin/settings");
            if (printedJson(out, answer)) {
                return 0;
            }
            return eachAccount(out, answer, settings -> {
                print(out, settings);
                return 0;
            });
        }

        private void print(PrintWriter out, JsonNode settings) {
            Table table = new Table("SETTING", "VALUE", "DEFAULT", "MEANING");
            settings.forEach(s -> {
                if (names.isEmpty() || names.contains(s.get("name").asText())) {
                    table.row(text(s.get("name")), text(s.get("value")), text(s.get("default_value")),
                            text(s.get("description")));
                }
            });
            table.print(out);
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true,
            description = "Changes settings, all or none: tvbridge settings set max_daily_trades=10 dry_run=true")
    static final class Set extends AdminCommand {
        @Parameters(arity = "1..*", description = "name=value pairs")
        List<String> changes;

        @Option(names = "--actor", description = "who (default cli:<your user name>)")
        String actor;

        @Override
        int run(PrintWriter out) {
            Map<String, String> wanted = new LinkedHashMap<>();
            for (String change : changes) {
                int equals = change.indexOf('=');
                if (equals <= 0) {
                    throw new AdminCallFailed(2, "'" + change + "' is not name=value");
                }
                wanted.put(change.substring(0, equals).strip(), change.substring(equals + 1).strip());
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("actor", actor != null ? actor : AdminConnection.defaultActor());
            body.put("settings", wanted);
            JsonNode answer = daemon.send("PUT", "/admin/settings", body);
            if (!printedJson(out, answer)) {
                out.println(answer.get("changed").isEmpty() ? "nothing changed: the settings had these values"
                        : "changed: " + String.join(", ", names(answer.get("changed"))));
            }
            return 0;
        }

        private static List<String> names(JsonNode array) {
            return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
        }
    }
}

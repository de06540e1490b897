package io.tvbridge.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** Who acts and why, for the audit trail: {@code --actor} (default cli:<user name>) and an optional {@code --reason}. */
final class ActionOptions {

    @Option(names = "--actor", description = "who (default cli:<your user name>)")
    String actor;

    @Option(names = "--reason", description = "why (kept in the audit trail)")
    String reason;

    /** The JSON body of an action: actor, and reason when given. */
    Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("actor", actor != null ? actor : AdminConnection.defaultActor());
        if (reason != null) {
            body.put("reason", reason);
        }
        return body;
    }
}

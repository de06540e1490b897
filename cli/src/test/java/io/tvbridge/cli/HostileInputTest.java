package io.tvbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Thousands of generated hostile webhook requests ({@link HostileInputs}) against the running
 * daemon, over real sockets. None may get a 5xx or an answer that shows a stack trace or a Java
 * class name; every row stored before is unchanged after, and the only new signals are those the
 * daemon answered with a signal id; and a valid alert is still accepted at the end. The seed is
 * printed; {@code -Dtvbridge.hostile.seed=N} replays a run, {@code -Dtvbridge.hostile.count=N}
 * changes its size.
 */
@Timeout(180)
class HostileInputTest {
    private static final long DEFAULT_SEED = 20_260_301L;
    private static final int DEFAULT_COUNT = 3_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** What a stack trace or a Java type looks like in text: a package path, a frame, an exception's name. */
    private static final Pattern JAVA_INSIDE = Pattern.compile(
            "\\b(?:java|javax|jakarta|sun|com|org|io|net)\\.[a-z][a-z0-9_]*\\.[A-Za-z_$][\\w$.]*"
                    + "|\\bat [\\w.$]+\\([\\w$]+\\.java:\\d+\\)"
                    + "|\\b\\w+(?:Exception|Error|Constraints)\\b"
                    + "|\\b[A-Z][a-z]+(?:[A-Z][a-z]*)+\\.[a-z]\\w*\\(\\)");

    /** Requests whose framing is broken: Jetty answers them before tvbridge sees them. */
    private static final List<String> BROKEN_FRAMING = List.of(
            "POST /webhook HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n0\r\n\r\n",
            "POST /webhook HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n",
            "POST /webhook HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999999999999\r\n\r\n",
            "POST /webhook HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}",
            "POST /%00 HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}");

    @TempDir
    Path folder;

    @Test
    void hostileWebhooksGetClearRefusalsAndHarmNothingStored() {
        long seed = Long.getLong("tvbridge.hostile.seed", DEFAULT_SEED);
        int count = Integer.getInteger("tvbridge.hostile.count", DEFAULT_COUNT);
        System.out.println("hostile-input suite: seed " + seed + " (replay with -Dtvbridge.hostile.seed=" + seed
                + "), " + count + " inputs");
        try (TestDaemon tv = TestDaemon.start(folder)) {
            tv.signal("\"symbol\":\"AAPL\",\"action\":\"buy\",\"quantity\":5,\"price\":100");
            tv.signal("\"symbol\":\"MSFT\",\"action\":\"buy\",\"quantity\":1,\"price\":400,\"order_type\":\"limit\","
                    + "\"limit_price\":1");
            tv.signal("\"symbol\":\"TSLA\",\"action\":\"sell\",\"quantity\":100000,\"price\":250");
            tv.settle();
            Map<Long, JsonNode> signalsBefore = rows(tv, "/admin/signals", "id");
            Map<String, JsonNode> ordersBefore = rows(tv, "/admin/orders", "client_order_id");

            Map<String, Integer> kinds = new TreeMap<>();
            Map<Integer, Integer> statuses = new TreeMap<>();
            Set<Long> answeredIds = new HashSet<>();
            List<String> failures = new ArrayList<>();
            HostileInputs inputs = new HostileInputs(seed, TestDaemon.SECRET);
            for (int i = 0; i < count; i++) {
                HostileInputs.Input input = inputs.next();
                RawHttp.Answer answer = RawHttp.post(tv.daemon.port(), "/webhook", input.headers(), input.body());
                kinds.merge(input.kind(), 1, Integer::sum);
                statuses.merge(answer.status(), 1, Integer::sum);
                check(input, answer, answeredIds).ifPresent(problem -> failures.add("#" + failures.size() + " "
                        + input.kind() + ": " + problem));
            }

            for (String framing : BROKEN_FRAMING) {
                String answer = tv.raw(framing);
                kinds.merge("broken framing", 1, Integer::sum);
                statuses.merge(Integer.parseInt(answer.substring(9, 12)), 1, Integer::sum);
                assertThat(answer).as(framing).startsWith("HTTP/1.1 400").contains("{\"error\":\"bad request")
                        .doesNotContainPattern(JAVA_INSIDE);
            }

            System.out.println("hostile-input suite: " + (count + BROKEN_FRAMING.size()) + " inputs tried; by kind "
                    + kinds);
            System.out.println("hostile-input suite: answers by HTTP status " + statuses + "; "
                    + answeredIds.size() + " signals stored");
            assertThat(failures).as("answers that break the rules (seed " + seed + ")").isEmpty();

            JsonNode valid = tv.signal("\"symbol\":\"AAPL\",\"action\":\"buy\",\"quantity\":1,\"price\":100");
            assertThat(valid.get("decision").asText()).isEqualTo("accepted");
            answeredIds.add(valid.get("signal_id").asLong());

            Map<Long, JsonNode> signalsAfter = rows(tv, "/admin/signals", "id");
            Map<String, JsonNode> ordersAfter = rows(tv, "/admin/orders", "client_order_id");
            signalsBefore.forEach((id, row) -> assertThat(signalsAfter.get(id)).as("signal " + id).isEqualTo(row));
            ordersBefore.forEach((id, row) -> assertThat(ordersAfter.get(id)).as("order " + id).isEqualTo(row));
            Set<Long> added = new HashSet<>(signalsAfter.keySet());
            added.removeAll(signalsBefore.keySet());
            assertThat(added).as("signals added: exactly those answered with a new signal id")
                    .isEqualTo(answeredIds);
            ordersAfter.forEach((id, row) -> assertThat(ordersBefore.containsKey(id)
                    || added.contains(row.get("signal_id").asLong())).as("order " + id + " belongs to a new signal")
                    .isTrue());
        }
    }

    /** What is wrong with {@code answer}, if anything; remembers the signal ids of 200s. */
    private static Optional<String> check(HostileInputs.Input input, RawHttp.Answer answer,
                                                     Set<Long> answeredIds) {
        if (answer.status() >= 500) {
            return Optional.of("HTTP " + answer.status() + " " + answer.body() + " for " + shorten(input));
        }
        Matcher inside = JAVA_INSIDE.matcher(answer.body());
        while (inside.find()) {
            if (!input.text().contains(inside.group())) {
                return Optional.of("'" + inside.group() + "' in " + answer.body() + " for " + shorten(input));
            }
        }
        JsonNode body;
        try {
            body = JSON.readTree(answer.body());
        } catch (IOException notJson) {
            return Optional.of("HTTP " + answer.status() + " answered not in JSON: " + answer.body());
        }
        if (answer.status() == 200) {
            long id = body.path("signal_id").asLong(-1);
            if (!"duplicate".equals(body.path("decision").asText())) {
                answeredIds.add(id);
            }
        } else if (body.path("error").asText().isBlank()) {
            return Optional.of("HTTP " + answer.status() + " without a reason: " + answer.headers() + "\n\n"
                    + answer.body() + " for " + shorten(input));
        }
        return Optional.empty();
    }

    private static String shorten(HostileInputs.Input input) {
        String text = input.text();
        return text.length() <= 300 ? text : text.substring(0, 300) + "... (" + text.length() + " characters)";
    }

    /** Every row of an admin list, by its id, page by page. */
    @SuppressWarnings("unchecked")
    private static <K> Map<K, JsonNode> rows(TestDaemon tv, String path, String idField) {
        Map<K, JsonNode> rows = new LinkedHashMap<>();
        for (int offset = 0; ; offset += 1000) {
            JsonNode page = tv.admin(200, "GET", path + "?limit=1000&offset=" + offset, null);
            for (JsonNode row : page.get("items")) {
                JsonNode id = row.get(idField);
                rows.put((K) (id.isNumber() ? (Object) id.asLong() : id.asText()), row);
            }
            if (offset + 1000 >= page.get("total").asLong()) {
                return rows;
            }
        }
    }
}

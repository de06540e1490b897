package io.tvbridge.cli;

import static io.tvbridge.cli.TestDaemon.ADMIN_KEY;
import static io.tvbridge.cli.TestDaemon.SECRET;
import static io.tvbridge.cli.TestDaemon.alert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tvbridge.core.config.ConfigException;
import io.tvbridge.core.jobs.Schedule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The running daemon's log in both formats ({@code LOG_FORMAT}): an alert accepted, alerts and
 * admin calls refused, and a scheduled job failing with the secrets in its exception, then every
 * line read back. Text lines are as they always were, stack trace below; JSON lines are each one
 * object with the instance id, the stack trace inside; neither holds a secret.
 */
@Timeout(120)
class LogLinesTest {
    private static final List<String> SECRETS = List.of(SECRET, ADMIN_KEY);
    private static final String TIME = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}(?:Z|[+-]\\d\\d:\\d\\d)";
    private static final String JOB_FAILED = "job failing failed; it runs again at its next time";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    @Test
    void jsonLinesAreEachOneObjectWithTheInstanceIdAndNoSecret() {
        List<String> lines;
        try (CapturedOutput output = CapturedOutput.start()) {
            try (TestDaemon tv = TestDaemon.start(folder, Map.of("LOG_FORMAT", "json", "INSTANCE_ID", "node-7"))) {
                work(tv);
            }
            lines = output.lines();
        }

        assertThat(lines).as("lines captured").hasSizeGreaterThan(3);
        List<JsonNode> log = lines.stream().map(LogLinesTest::json).toList();
        assertThat(log).allSatisfy(line -> {
            assertThat(line.isObject()).as(line.toString()).isTrue();
            assertThat(line.path("instance").asText()).as(line.toString()).isEqualTo("node-7");
            assertThat(OffsetDateTime.parse(line.path("time").asText())).as(line.toString())
                    .isBetween(OffsetDateTime.now().minusMinutes(5), OffsetDateTime.now());
            assertThat(line.path("level").asText()).as(line.toString()).isIn("INFO", "WARN", "ERROR");
            assertThat(line.path("logger").asText()).as(line.toString()).isNotBlank();
            assertThat(line.path("thread").asText()).as(line.toString()).isNotBlank();
            assertThat(line.path("message").isTextual()).as(line.toString()).isTrue();
        });
        assertThat(log).anySatisfy(line -> {
            assertThat(line.path("logger").asText()).isEqualTo("io.tvbridge.core.signal.DecisionStage");
            assertThat(line.path("level").asText()).isEqualTo("INFO");
            assertThat(line.path("message").asText()).matches("signal=\\d+ order=\\S+ accepted: buy 1 AAPL.*");
            assertThat(line.has("error")).isFalse();
        });
        assertThat(log).anySatisfy(line -> assertThat(line.path("message").asText()).startsWith("tvbridge listening"));
        assertThat(log).filteredOn(line -> line.path("message").asText().equals(JOB_FAILED)).singleElement()
                .satisfies(line -> {
                    assertThat(line.path("level").asText()).isEqualTo("ERROR");
                    assertThat(line.path("logger").asText()).isEqualTo("io.tvbridge.core.jobs.JobScheduler");
                    assertThat(line.path("error").asText())
                            .startsWith("java.lang.IllegalStateException: the venue refused the key ***"
                                    + System.lineSeparator() + "\tat ")
                            .contains("Caused by: java.io.IOException: bad secret ***");
                });
        assertThat(SecretLeaks.in(lines, SECRETS)).as("log lines holding a secret").isEmpty();
    }

    @Test
    void textLinesAreAsTheyWereWithTheStackTraceBelow() {
        List<String> lines;
        try (CapturedOutput output = CapturedOutput.start()) {
            try (TestDaemon tv = TestDaemon.start(folder, Map.of("INSTANCE_ID", "node-7"))) {
                work(tv);
            }
            lines = output.lines();
        }

        assertThat(lines).anySatisfy(line -> assertThat(line)
                .matches(TIME + " INFO DecisionStage - signal=\\d+ order=tvb-[a-z2-9]+-\\d+-1 accepted: buy 1 AAPL.*"));
        assertThat(lines).anySatisfy(line -> assertThat(line).matches(TIME + " INFO Daemon - tvbridge listening on .*"));
        assertThat(lines).noneSatisfy(line -> assertThat(line).startsWith("{"));
        int failed = IntStream.range(0, lines.size())
                .filter(i -> lines.get(i).matches(TIME + " ERROR JobScheduler - " + JOB_FAILED)).findFirst()
                .orElseThrow(() -> new AssertionError("no line says the job failed: " + lines));
        assertThat(lines.get(failed + 1)).isEqualTo("java.lang.IllegalStateException: the venue refused the key ***");
        assertThat(lines.get(failed + 2)).startsWith("\tat ");
        assertThat(lines.subList(failed, lines.size())).contains("Caused by: java.io.IOException: bad secret ***");
        assertThat(SecretLeaks.in(lines, SECRETS)).as("log lines holding a secret").isEmpty();
    }

    @Test
    void theDotEnvFileChoosesTooAndTheChoiceEndsWithTheDaemon() throws IOException {
        Files.writeString(folder.resolve(".env"), "LOG_FORMAT=json\n");
        org.slf4j.Logger log = LoggerFactory.getLogger(LogLinesTest.class);
        List<String> lines;
        try (CapturedOutput output = CapturedOutput.start()) {
            try (TestDaemon tv = TestDaemon.start(folder)) {
                log.info("while the daemon runs");
            }
            log.info("after the daemon");
            lines = output.lines();
        }

        assertThat(lines).filteredOn(line -> line.contains("while the daemon runs")).singleElement()
                .satisfies(line -> assertThat(json(line).path("logger").asText())
                        .isEqualTo(LogLinesTest.class.getName()));
        assertThat(lines).filteredOn(line -> line.contains("after the daemon")).singleElement().asString()
                .as("the process's format again (LOG_FORMAT is not set in the test's environment)")
                .matches(TIME + " INFO LogLinesTest - after the daemon");
    }

    @Test
    void anUnknownFormatStopsTheStart() {
        assertThatThrownBy(() -> TestDaemon.start(folder, Map.of("LOG_FORMAT", "xml")).close())
                .isInstanceOf(ConfigException.class).hasMessage("LOG_FORMAT must be text or json, but is 'xml'");
    }

    /**
     * An alert accepted, one with a wrong secret, an admin call with a wrong key, and a job that
     * fails with both secrets in its exception and its cause, logged with its stack trace.
     */
    private static void work(TestDaemon tv) {
        tv.signal("\"symbol\":\"AAPL\",\"action\":\"buy\",\"quantity\":1,\"price\":100");
        tv.settle();
        tv.post("{\"secret\":\"" + ADMIN_KEY + "\",\"symbol\":\"AAPL\",\"action\":\"buy\",\"quantity\":1}");
        tv.post(alert("\"symbol\":\"" + SECRET + "\",\"action\":\"buy\",\"quantity\":1"));
        tv.admin("GET", "/admin/status", null, SECRET);
        AtomicBoolean ran = new AtomicBoolean();
        tv.daemon.jobs().register("failing",
                Schedule.following("once, now", () -> ran.get() ? Optional.empty() : Optional.of(Instant.EPOCH)),
                () -> {
                    ran.set(true);
                    throw new IllegalStateException("the venue refused the key " + ADMIN_KEY,
                            new IOException("bad secret " + SECRET));
                });
        tv.daemon.jobs().runDue();   // it ran by the time this returns, here or on the scheduler's thread
        assertThat(ran).isTrue();
    }

    private static JsonNode json(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new AssertionError("not a JSON line: " + line, e);
        }
    }
}

package io.tvbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tvbridge.core.config.Redactor;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.text.SimpleDateFormat;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * One log event as each format writes it: the text line exactly as slf4j-simple wrote it before
 * (tvbridge's settings: date with offset, level, short logger name, then the stack trace as Java
 * prints it), and the JSON object with its fields, escaped, on one line; secrets masked in both.
 */
class LogEncoderTest {
    private static final String NEWLINE = System.lineSeparator();
    private static final Instant AT = Instant.parse("2026-01-05T14:30:00.123Z");
    private static final ObjectMapper JSON = new ObjectMapper();
    private final LoggerContext context = new LoggerContext();

    private LoggingEvent event(Level level, String message, Throwable error, Object... arguments) {
        LoggingEvent event = new LoggingEvent(LogEncoderTest.class.getName(),
                context.getLogger("io.tvbridge.core.signal.DecisionStage"), level, message, error, arguments);
        event.setInstant(AT);
        event.setThreadName("decisions");
        return event;
    }

    /** slf4j-simple's date: a SimpleDateFormat in the JVM's time zone. */
    private static String simpleLoggerDate() {
        return new SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss.SSSXXX").format(Date.from(AT));
    }

    private static String printed(Throwable error) {
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace, true));
        return trace.toString();
    }

    @Test
    void theTextLineIsTheOneSlf4jSimpleWrote() {
        String line = new String(LogEncoder.text(event(Level.INFO, "signal={} order={} accepted: buy 1 AAPL market",
                null, 42, "tvb-k3x9q-42-1")), StandardCharsets.UTF_8);

        assertThat(line).isEqualTo(simpleLoggerDate()
                + " INFO DecisionStage - signal=42 order=tvb-k3x9q-42-1 accepted: buy 1 AAPL market" + NEWLINE);
        assertThat(line).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}(?:Z|[+-]\\d\\d:\\d\\d) INFO"
                + " DecisionStage - signal=42 order=tvb-k3x9q-42-1 accepted: buy 1 AAPL market\\R");
    }

    @Test
    void aStackTraceFollowsItsTextLineAsJavaPrintsIt() {
        IllegalStateException error = new IllegalStateException("boom", new RuntimeException("the cause"));

        String lines = new String(LogEncoder.text(event(Level.ERROR, "job {} failed", error, "backup")),
                StandardCharsets.UTF_8);

        assertThat(lines).isEqualTo(simpleLoggerDate() + " ERROR DecisionStage - job backup failed" + NEWLINE
                + printed(error));
        assertThat(lines.lines().toList().get(1)).isEqualTo("java.lang.IllegalStateException: boom");
    }

    @Test
    void aJsonLineHoldsTheFieldsAndTheStackTraceOnOneLine() throws IOException {
        IllegalStateException error = new IllegalStateException("boom \"quoted\"\tand\nsplit");
        String message = "said \"hi\"\nthen \\ left, \u00e9t\u00e9 \u2713 \u0001";

        String line = new String(LogEncoder.json(event(Level.WARN, "{}", error, message)), StandardCharsets.UTF_8);

        assertThat(line).endsWith("\n").doesNotContain("\r");
        assertThat(line.lines()).hasSize(1);
        JsonNode json = JSON.readTree(line);
        assertThat(json.get("time").asText()).isEqualTo(simpleLoggerDate());
        assertThat(OffsetDateTime.parse(json.get("time").asText()).toInstant()).isEqualTo(AT);
        assertThat(json.get("level").asText()).isEqualTo("WARN");
        assertThat(json.get("logger").asText()).isEqualTo("io.tvbridge.core.signal.DecisionStage");
        assertThat(json.get("thread").asText()).isEqualTo("decisions");
        assertThat(json.get("message").asText()).isEqualTo(message);
        assertThat(json.get("instance").asText()).isEqualTo(Logging.instance()).isNotBlank();
        assertThat(json.get("error").asText()).isEqualTo(printed(error).stripTrailing())
                .startsWith("java.lang.IllegalStateException: boom \"quoted\"\tand\nsplit" + NEWLINE + "\tat ");
        assertThat(json.has("arguments")).isFalse();
    }

    @Test
    void aJsonLineWithoutAThrowableHasNoError() throws IOException {
        JsonNode json = JSON.readTree(LogEncoder.json(event(Level.INFO, "plain", null)));

        assertThat(json.has("error")).isFalse();
        List<String> fields = new ArrayList<>();
        json.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("time", "level", "logger", "thread", "message", "instance");
    }

    @Test
    void secretsAreMaskedInBothFormats() throws Exception {
        String secret = "a-secret-for-the-encoder-0123";
        Exception error = new IllegalStateException("refused " + secret, new RuntimeException("cause " + secret));
        LoggingEvent event = event(Level.ERROR, "call with {} failed", error, secret);
        try (AutoCloseable masking = Logging.maskSecrets(new Redactor(List.of(secret)))) {
            String text = new String(LogEncoder.text(event), StandardCharsets.UTF_8);
            String json = new String(LogEncoder.json(event), StandardCharsets.UTF_8);

            assertThat(text).doesNotContain(secret).contains("call with *** failed")
                    .contains("java.lang.IllegalStateException: refused ***")
                    .contains("Caused by: java.lang.RuntimeException: cause ***");
            assertThat(json).doesNotContain(secret);
            JsonNode parsed = JSON.readTree(json);
            assertThat(parsed.get("message").asText()).isEqualTo("call with *** failed");
            assertThat(parsed.get("error").asText()).contains("refused ***").contains("cause ***");
        }
        assertThat(new String(LogEncoder.text(event), StandardCharsets.UTF_8)).as("masking ends with its handle")
                .contains(secret);
    }

    @Test
    void logbackIsTheBackendAndUsesThisEncoder() {
        assertThat(LoggerFactory.getILoggerFactory()).isInstanceOf(LoggerContext.class);
        LoggerContext logback = (LoggerContext) LoggerFactory.getILoggerFactory();
        ch.qos.logback.classic.Logger root = logback.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

        assertThat(root.getLevel()).isEqualTo(Level.INFO);
        assertThat(root.getAppender("console")).isInstanceOfSatisfying(ch.qos.logback.core.ConsoleAppender.class,
                console -> assertThat(console.getEncoder()).isInstanceOf(LogEncoder.class));
        assertThat(logback.getLogger("org.eclipse.jetty.server.Server").getEffectiveLevel()).isEqualTo(Level.WARN);
        assertThat(logback.getLogger("org.flywaydb.core.Flyway").getEffectiveLevel()).isEqualTo(Level.WARN);
        assertThat(logback.getLogger("org.glassfish.jersey.internal.inject.Providers").getEffectiveLevel())
                .isEqualTo(Level.ERROR);
        assertThat(logback.getLogger("io.tvbridge.core.signal.DecisionStage").getEffectiveLevel())
                .isEqualTo(Level.INFO);
    }
}
